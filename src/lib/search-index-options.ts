/**
 * How the production search index is cut, for src/integrations/search-index.ts. Pure, so the
 * numbers are unit-tested; the measurements behind them are in the comments.
 */

/**
 * Page chrome Pagefind should not index. Pagefind only puts a space between block elements it
 * knows (p, div, li, h1–h6, …), not after a <figcaption> or a <summary>, so these labels were
 * glued to the next word: the code bar's language ("Bash" + `kubectl …` became the one word
 * "bashkubectl", and `kubectl` at the start of a block could not be found) and the summary of a
 * diagram's text version ("…account" + "Diagram as text" became "accountdiagram"). Neither label
 * is anything a reader searches for: every code block and every diagram has one.
 */
export const SEARCH_EXCLUDE_SELECTORS = ['.code-lang', '.diagram-text > summary'];

/** Pagefind's own chunk size (1.6): word locations per index file. */
export const PAGEFIND_DEFAULT_CHUNK_SIZE = 20_000;
const MIN_CHUNK_SIZE = 1_000;

/**
 * How many word locations go into one index file, for a site of `pages` HTML pages (all of
 * them, article or not: a count the build has before Pagefind runs).
 *
 * A first query downloads the index files holding its words, plus the metadata file, which
 * lists every index file (about 11 B of it, gzipped, per file). Pagefind's fixed 20,000
 * locations suit large sites and cost small ones: at 10 articles the whole index is four
 * 40 KB files, and "kubectl cp" fetched two of them (80 KB of a 193 KB first query). With
 * smaller files a query fetches less and the metadata grows by the number of files, so the
 * best size grows with the square root of the site. Measured first queries ("kubectl cp"):
 * 10 articles (about 50 pages): 193 KB at 20,000, 134 KB at 5,000, 118 KB at 1,000;
 * 1,000 articles (1,259 pages): 139 KB at 20,000, 138 KB at 8,000, 143 KB at 3,000 (the
 * metadata doubles). 230 × √pages gives 1,600 and 8,200 there, and Pagefind's own 20,000
 * from about 7,500 pages up. The result is the same index cut in more places: ranking does
 * not change.
 */
export function searchIndexChunkSize(pages: number): number {
  const size = Math.round(230 * Math.sqrt(Math.max(pages, 1)));
  return Math.min(PAGEFIND_DEFAULT_CHUNK_SIZE, Math.max(MIN_CHUNK_SIZE, size));
}

/**
 * The most pages one search index (one Pagefind process) takes; a larger site is indexed in
 * shards of at most this many pages, built one after another and merged in the browser
 * (src/integrations/search-shards.ts). Pagefind holds every page's words with their positions
 * and copies them while it writes the index: its peak was 265–318 MB for shards of 227–277
 * pages, 1,071–1,129 MB at 1,000 pages and 4,936 MB at 5,000 (1.0–1.2 MB a page, measured
 * 2026-12-02), so a shard of 2,500 pages peaks near 2.5–2.9 GB, under the 4 GB the build may
 * use. Shards are rarely full: a hash does not split evenly, so 10,000 pages make 5 shards of
 * about 2,000 (about 2.2 GB each) and 5,000 pages 3 of about 1,670.
 * Fewer, larger shards make a smaller first query (each shard adds its metadata file and an
 * index file per word searched), so this is as large as memory allows; smaller sites get
 * smaller shards for their rebuilds' sake (searchShardPages).
 */
export const SEARCH_SHARD_PAGES = 2_500;

/**
 * The fewest shards a site of a thousand pages or more is cut into, so that a rebuild after
 * one article changed re-indexes a quarter of the site at most: at 1,000 articles one index
 * took Pagefind 14.8 s of a 36.8 s warm rebuild. Each shard costs a first query about 6–7 KB
 * (its metadata file and an index file per word), so four shards put a 1,000-article site's
 * first query near 160 KB; at 10,000 articles the 2,500-page maximum already makes four.
 */
export const SEARCH_SHARDS_AT_LEAST = 4;
/** Up to this many pages a site is one index (the real site has about 50); from 4 × this, four shards or more. */
export const MIN_SHARD_PAGES = 250;

/**
 * The most pages a shard takes, for a site of `pages` indexed pages: a quarter of the site,
 * between MIN_SHARD_PAGES and SEARCH_SHARD_PAGES. KB_SEARCH_SHARD_PAGES (`value`) overrides
 * it (tests force small sites into several shards).
 */
export function searchShardPages(value: string | undefined, pages: number): number {
  if (value === undefined || value === '')
    return Math.min(SEARCH_SHARD_PAGES, Math.max(MIN_SHARD_PAGES, Math.ceil(pages / SEARCH_SHARDS_AT_LEAST)));
  const override = Number(value);
  if (!Number.isInteger(override) || override < 1)
    throw new Error(`KB_SEARCH_SHARD_PAGES=${value}: not a whole number of pages; set it to 1 or more, or unset it`);
  return override;
}

/**
 * How many shards to index side by side (each in its own Pagefind process): as many as the
 * cores allow while their pages together stay within one full shard's, SEARCH_SHARD_PAGES, the
 * memory a single index may take. So 250-page shards (1,000 articles) go two at a time on 2
 * cores, and 2,500-page shards (10,000) one at a time.
 */
export function searchShardsAtOnce(shardPages: number, shards: number, cores: number): number {
  const byMemory = Math.floor(SEARCH_SHARD_PAGES / Math.max(shardPages, 1));
  return Math.max(1, Math.min(byMemory, cores, shards));
}
