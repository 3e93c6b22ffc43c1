/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`, astro.config.mjs).
 *
 * Astro skips a page of a `getStaticPaths` route, and copies the previous build's output,
 * when the page's `cacheKey` and the hash of the route's code (its module graph) both match
 * the previous build. So a key must change with everything the page shows that is not code:
 * its own file, the other articles' facts it lists (pager, related, listing cards), and the
 * site-wide inputs every page carries (the site's settings, the commit in "Report a problem",
 * the build date that decides "stale", the tag and topic labels). Pure, so what goes into
 * each key is unit-tested (tests/unit/page-cache-keys.test.ts); src/data/page-cache-keys.ts
 * gathers the inputs.
 */
import { createHash } from 'node:crypto';

/** What every page may show that comes from neither its own file nor the code. */
export interface SiteInputs {
  /** src/site.config.ts's `site` (names, URLs, page size, stale threshold; some from the environment). */
  site: unknown;
  /** HEAD's commit, or undefined outside Git. */
  commit: string | undefined;
  /** The build date (YYYY-MM-DD or ISO), which decides which articles are stale. */
  buildDate: string;
  /** The tag and topic vocabularies (labels and descriptions). */
  tags: unknown;
  topics: unknown;
}

/**
 * An article as pages other than its own show it: its id and frontmatter. Its `digest` (the
 * file's text, body included) is left out, so a change to an article's body does not make
 * every list that links to it render again; its own page's key adds the digest.
 */
const OTHER_PAGES_IGNORE = new Set(['digest', 'body', 'rendered']);
function stable(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => (OTHER_PAGES_IGNORE.has(key) ? undefined : v));
}

function hash(kind: string, ...parts: string[]): string {
  const h = createHash('sha256').update(kind);
  for (const part of parts) h.update('\0').update(part);
  return h.digest('hex').slice(0, 32);
}

export const siteKey = (inputs: SiteInputs): string => hash('site 1', stable(inputs));

/** A page made from one article's file: its HTML page or its Markdown twin. */
export interface ArticleKeyInput {
  site: string;
  /** The content layer's digest of the article's file (frontmatter and body). */
  digest: string | number | undefined;
  /** The article's entry as the page gets it (frontmatter after defaults, file path). */
  article: unknown;
  /** Facts from other articles on the page: pager neighbours, related articles. */
  neighbours?: unknown;
}

/** `kind` keeps the keys of different routes over the same article apart. */
export function articleKey(kind: 'page' | 'twin', input: ArticleKeyInput): string {
  if (input.digest === undefined) throw new Error('page cache key: the article has no content digest');
  return hash(kind, input.site, String(input.digest), stable(input.article), stable(input.neighbours ?? null));
}

/** A listing page (tag, topic): what it renders, with the articles as other pages show them. */
export const listingKey = (site: string, props: unknown): string => hash('listing', site, stable(props));

/** A preview image is a function of its card alone (the renderer is code, which Astro hashes). */
export const previewImageKey = (cardKey: string): string => hash('preview image', cardKey);
