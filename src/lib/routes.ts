/**
 * Every URL the site publishes, and the ids its layouts render, in one place. Pages,
 * layouts, the content check (which resolves links before the build), scripts and tests
 * import these instead of writing paths out, so a route changes in one line.
 * `tests/e2e/site/site-model.spec.ts` holds the content check's model of the site against
 * the built `dist/`, so a page or an id that moves without this file fails a test.
 */
import { posix } from 'node:path';
import { slug as githubSlug } from 'github-slugger';

const { extname } = posix;

export const HOME_PATH = '/';
export const TAGS_INDEX_PATH = '/tags/';
export const SEARCH_PATH = '/search/';
export const FEED_PATH = '/rss.xml';
export const SITEMAP_INDEX_PATH = '/sitemap-index.xml';
export const ROBOTS_PATH = '/robots.txt';
export const NOT_FOUND_PATH = '/404.html';
/** llms.txt (llmstxt.org) and every article's Markdown in one file. */
export const LLMS_TXT_PATH = '/llms.txt';
export const LLMS_FULL_TXT_PATH = '/llms-full.txt';
/** The site's preview image (og:image): the home page's, and every page's without its own. */
export const SITE_PREVIEW_IMAGE_PATH = '/og/site.png';

/** Pages every build has whatever the content, which articles may link to. */
export const STATIC_PAGES: readonly string[] = [
  HOME_PATH,
  TAGS_INDEX_PATH,
  SEARCH_PATH,
  FEED_PATH,
  SITEMAP_INDEX_PATH,
  ROBOTS_PATH,
  LLMS_TXT_PATH,
  LLMS_FULL_TXT_PATH,
];

/** Page 1 of a paginated list is the list's own URL; later pages add their number. */
const listingPath = (base: string, page: number): string => (page > 1 ? `${base}${page}/` : base);

const ARTICLES_PREFIX = '/articles/';
export const articlePath = (id: string): string => `${ARTICLES_PREFIX}${id}/`;
/** An article's Markdown twin: its page's path with `.md` instead of the trailing slash. */
export const markdownTwinPath = (id: string): string => `${ARTICLES_PREFIX}${id}.md`;
/** An article's preview image (og:image). */
export const articlePreviewImagePath = (id: string): string => `/og${ARTICLES_PREFIX}${id}.png`;
/** Preview images are drawn at the size Open Graph and X show large. */
export const PREVIEW_IMAGE_SIZE = { width: 1200, height: 630 } as const;
/** True for an article's page path (ids may have folders: /articles/ops/my-notes/). */
export const isArticlePath = (path: string): boolean =>
  path.startsWith(ARTICLES_PREFIX) && path.endsWith('/') && path !== ARTICLES_PREFIX;
export const tagPath = (tag: string, page = 1): string => listingPath(`/tags/${tag}/`, page);
export const topicPath = (topic: string, page = 1): string => listingPath(`/topics/${topic}/`, page);

/** The `[...page]` route parameter of a listing page: none for page 1. */
export const pageParam = (page: number): string | undefined => (page > 1 ? String(page) : undefined);

/** The `[...redirect]` route parameter for an old path such as /articles/old-slug/. */
export const redirectParam = (oldPath: string): string => oldPath.replace(/^\/|\/$/g, '');

/** How many pages a list of `count` articles takes (an empty list still has its first page). */
export const pageCount = (count: number, pageSize: number): number => Math.max(1, Math.ceil(count / pageSize));

/**
 * The entry id Astro 7's glob loader gives an article file, from its path relative to the
 * articles folder (astro/dist/content/loaders/glob.js, generateIdDefault, and
 * content/utils.js, getContentEntryIdAndSlug): the path goes through a file URL, the
 * extension is dropped, each segment goes through github-slugger and a trailing `/index`
 * is removed. So `Ops/My Notes.v2.md` is published at /articles/ops/my-notesv2/. The URL
 * step is kept because it is Astro's: a `#` or `?` in a file name ends the path there.
 * The loader would prefer a `slug` frontmatter field, but the schema rejects unknown
 * fields, so none reaches a build. tests/unit/routes.test.ts compares this with Astro's code.
 */
export function articleId(relativePath: string): string {
  const base = new URL('file:///articles/');
  const url = new URL(`./${encodeURI(relativePath.replace(/\\/g, '/'))}`, base);
  const path = decodeURIComponent(url.pathname.slice(base.pathname.length));
  return path
    .slice(0, path.length - extname(path).length)
    .split('/')
    .map((segment) => githubSlug(segment))
    .join('/')
    .replace(/\/index$/, '');
}

/** Ids the layouts render on every page (Base.astro: the skip link's target). */
export const PAGE_IDS = { main: 'main' } as const;

/** Ids the article layout renders besides the body's heading ids. */
export const ARTICLE_IDS = {
  toc: 'toc-title',
  related: 'related-title',
  faq: 'faq',
  sources: 'sources',
} as const;

/**
 * Every id an article page has: its headings' and the layout's. The table of contents is
 * always there (the content check requires a ## heading); the FAQ, Sources and Related
 * sections only when the article has them.
 */
export function articlePageIds(page: {
  headingIds: readonly string[];
  faq: boolean;
  sources: boolean;
  related: boolean;
}): Set<string> {
  return new Set([
    PAGE_IDS.main,
    ...page.headingIds,
    ...(page.faq ? [ARTICLE_IDS.faq] : []),
    ...(page.sources ? [ARTICLE_IDS.sources] : []),
    ARTICLE_IDS.toc,
    ...(page.related ? [ARTICLE_IDS.related] : []),
  ]);
}
