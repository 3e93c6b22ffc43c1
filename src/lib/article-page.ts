/**
 * Everything an article page derives from its article and the catalog, in one pure
 * function (as Starlight's generateRouteData does), so src/layouts/Article.astro only
 * renders and each derivation is unit-tested (tests/unit/article-page.test.ts).
 */
import {
  formatDay,
  isoDay,
  isStale,
  readingMinutes,
  relatedArticles,
  topicNeighbours,
  type ArticleRef,
} from './articles.ts';
import { ARTICLE_IDS, articlePath } from './routes.ts';
import type { ArticleData } from './schemas.ts';
import { articleJsonLd } from './structured-data.ts';

/** A table-of-contents entry, shaped like Astro's MarkdownHeading. */
export interface TocHeading {
  depth: number;
  slug: string;
  text: string;
}

/** The sections the layout adds after the body, with the heading each one gets. */
export const ARTICLE_SECTIONS = {
  faq: { id: ARTICLE_IDS.faq, text: 'Frequently asked questions' },
  sources: { id: ARTICLE_IDS.sources, text: 'Sources' },
} as const;

export interface PageArticle extends ArticleRef {
  data: ArticleData;
  /** Markdown source (Astro's entry.body). */
  body?: string;
  /** Path of the source file in the repository (Astro's entry.filePath). */
  filePath?: string;
}

export interface ArticlePageInput<T extends PageArticle> {
  article: T;
  /** The body's headings, as Astro's render() returns them. */
  headings: readonly TocHeading[];
  byTag: ReadonlyMap<string, readonly T[]>;
  tagPositions: ReadonlyMap<string, ReadonlyMap<string, number>>;
  byTopic: ReadonlyMap<string, readonly T[]>;
  topicPositions: ReadonlyMap<string, ReadonlyMap<string, number>>;
  site: { url: string; name: string; repoUrl: string; branch: string; staleAfterMonths: number };
  today: Date;
}

/** A link of the previous/next pager; `undefined` keeps its slot empty. */
export interface PagerLink {
  href: string;
  rel: 'prev' | 'next';
  label: 'Previous' | 'Next';
  title: string;
}

/** A dated fact of the page header: its label, the machine-readable day and the day as readers see it. */
export interface PageDate {
  label: 'Published' | 'Updated' | 'Last reviewed';
  datetime: string;
  text: string;
}

export interface ArticlePage<T extends PageArticle> {
  path: string;
  /** Absolute URL of the page (canonical, JSON-LD). */
  url: string;
  readingMinutes: number;
  /** Published, updated (when it was) and last reviewed, in that order. */
  dates: PageDate[];
  /** Last reviewed longer ago than site.staleAfterMonths. */
  stale: boolean;
  editUrl: string;
  /** Older and newer article in the same topic, in that order. */
  pager: [PagerLink | undefined, PagerLink | undefined];
  related: T[];
  jsonLd: string;
  toc: TocHeading[];
}

function pagerLink(article: PageArticle | undefined, rel: PagerLink['rel']): PagerLink | undefined {
  if (!article) return undefined;
  return { href: articlePath(article.id), rel, label: rel === 'prev' ? 'Previous' : 'Next', title: article.data.title };
}

export function articlePage<T extends PageArticle>(input: ArticlePageInput<T>): ArticlePage<T> {
  const { article, site } = input;
  const { topic, faq, sources, pubDate, updatedDate, lastReviewed } = article.data;
  const dated = (label: PageDate['label'], date: Date): PageDate => ({
    label,
    datetime: isoDay(date),
    text: formatDay(date),
  });
  const path = articlePath(article.id);
  const url = new URL(path, site.url).href;
  const { previous, next } = topicNeighbours(
    input.byTopic.get(topic) ?? [],
    input.topicPositions.get(topic)?.get(article.id),
  );
  const section = (key: keyof typeof ARTICLE_SECTIONS): TocHeading[] => [
    { depth: 2, slug: ARTICLE_SECTIONS[key].id, text: ARTICLE_SECTIONS[key].text },
  ];
  return {
    path,
    url,
    readingMinutes: readingMinutes(article.body ?? ''),
    dates: [
      dated('Published', pubDate),
      ...(updatedDate ? [dated('Updated', updatedDate)] : []),
      dated('Last reviewed', lastReviewed),
    ],
    stale: isStale(lastReviewed, input.today, site.staleAfterMonths),
    editUrl: `${site.repoUrl}/edit/${site.branch}/${article.filePath}`,
    pager: [pagerLink(previous, 'prev'), pagerLink(next, 'next')],
    related: relatedArticles(input.byTag, input.tagPositions, article),
    jsonLd: articleJsonLd({ article: article.data, url, siteName: site.name }),
    toc: [...input.headings, ...(faq.length ? section('faq') : []), ...(sources.length ? section('sources') : [])],
  };
}
