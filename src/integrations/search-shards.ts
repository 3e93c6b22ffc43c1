/**
 * The production search index, built in shards so that no Pagefind process holds the whole
 * site: Pagefind keeps every page's words and positions until it writes the index (about
 * 1 MB a page at its peak), so one index of 10,000 articles needs about 10 GB. Pages are split
 * by a stable rule (src/lib/search-shards.ts) into shards of at most SEARCH_SHARD_PAGES; each
 * shard is indexed by its own Pagefind process, which is closed before the next starts; the
 * first shard is written to dist/pagefind/ and the others to dist/pagefind/shard-N/, which the
 * search UI merges into it (mergeIndex). A site of one shard (the real site, the tests' sites)
 * gets the one index at dist/pagefind/ it always had, built the same way.
 *
 * Each shard's bundle is cached (build cache, `search-index/`) under a hash of its pages' HTML,
 * Pagefind's version and our options, with its pages' word counts for the typo vocabulary: after
 * one article changed, one shard is indexed again and the others are copied.
 */
import { existsSync } from 'node:fs';
import {
  copyFile,
  link,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { cacheDir, cacheEnabled, hashOf, packageVersions } from '../data/build-cache.ts';
import { mapLimited, runWorkerThread } from '../lib/concurrency.ts';
import { locale } from '../lib/locale.ts';
import {
  SEARCH_EXCLUDE_SELECTORS,
  searchIndexChunkSize,
  searchShardPages,
  searchShardsAtOnce,
} from '../lib/search-index-options.ts';
import { assignShards } from '../lib/search-shards.ts';
import { vocabularyCounter } from '../lib/search-vocabulary.ts';
import { SEARCH_BUNDLE_DIR, SEARCH_VOCABULARY_FILE, searchManifestJson } from '../shared/search-bundle.ts';
import { forEachIndexedText } from './search-fragments.ts';

/** What every index of the site is built with (also part of each shard's cache key). */
export const PAGEFIND_CONFIG = {
  forceLanguage: locale.language,
  excludeSelectors: SEARCH_EXCLUDE_SELECTORS,
} satisfies pagefind.PagefindServiceConfig;

/** Pagefind 1.6 reads its index chunk size from this variable only (there is no API option). */
const CHUNK_SIZE_VARIABLE = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/** Starts a Pagefind service; with `chunkSize`, one that cuts its index files at that size. */
async function newIndex(chunkSize?: number): Promise<pagefind.PagefindIndex> {
  // Read by Pagefind's process when it starts (in createIndex), so set only around that call.
  const previous = process.env[CHUNK_SIZE_VARIABLE];
  if (chunkSize !== undefined) process.env[CHUNK_SIZE_VARIABLE] = String(chunkSize);
  const started = pagefind.createIndex(PAGEFIND_CONFIG);
  if (previous === undefined) delete process.env[CHUNK_SIZE_VARIABLE];
  else process.env[CHUNK_SIZE_VARIABLE] = previous;
  const { index, errors } = await started;
  if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
}

/** Pagefind reports problems as a list instead of throwing: fail on any, naming the step. */
export function fail(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind could not ${step}: ${errors.join('; ')}`);
}

/** Folder of shard `i` under dist/pagefind/ (the first shard is dist/pagefind/ itself). */
const shardFolder = (i: number) => (i === 0 ? '' : `shard-${i}/`);

/** What a merged shard needs (mergeIndex reuses the first shard's scripts and WebAssembly). */
const MERGED_SHARD_FILES = /^(pagefind-entry\.json|pagefind\..+\.pf_meta|index|fragment|filter)$/;

/** Pagefind's own rule: once any page has a `data-pagefind-body`, pages without one are not indexed. */
const SEARCHABLE = /<[^>]*\sdata-pagefind-body[\s=>/]/;

interface Page {
  /** Path in dist/, `articles/x/index.html`. */
  path: string;
  hash: string;
  searchable: boolean;
}

async function readPages(distDir: string): Promise<{ pages: Page[]; htmlFiles: number }> {
  const files = (await readdir(distDir, { recursive: true }))
    .filter((f) => f.endsWith('.html') && !f.startsWith(`${SEARCH_BUNDLE_DIR}/`))
    .sort();
  // Read, hashed and let go one at a time (a few in flight): nothing of a page is kept.
  const pages = await mapLimited(files, 8, async (path) => {
    const html = await readFile(join(distDir, path), 'utf8');
    return { path, hash: hashOf(html), searchable: SEARCHABLE.test(html) };
  });
  const searchable = pages.filter((p) => p.searchable);
  return { pages: searchable.length ? searchable : pages, htmlFiles: files.length };
}

/**
 * Copies a shard's bundle (its entries whose top-level name passes `keep`) into dist/, many files
 * at a time. Why not fs.cp: it copies one file after another, and a cached shard of 250 pages is
 * about 400 small files; copying four such shards took 3 s of a 22 s rebuild at 1,000 articles.
 */
async function copyBundle(from: string, to: string, keep: (topLevelName: string) => boolean): Promise<void> {
  const files = (await readdir(from, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(from.length + 1))
    .filter((path) => keep(path.split('/')[0]!));
  for (const dir of new Set(files.map((path) => dirname(join(to, path))))) await mkdir(dir, { recursive: true });
  await mapLimited(files, 16, (path) => copyFile(join(from, path), join(to, path)));
}

/** Hard links of the shard's pages in a folder of their own, for Pagefind to index that folder. */
async function stagePages(distDir: string, paths: readonly string[]): Promise<string> {
  // Beside dist/, so the links stay on its file system.
  const staging = await mkdtemp(join(dirname(resolve(distDir)), '.kb-search-shard-'));
  for (const path of paths) {
    await mkdir(dirname(join(staging, path)), { recursive: true });
    await link(join(distDir, path), join(staging, path)).catch(() =>
      copyFile(join(distDir, path), join(staging, path)),
    );
  }
  return staging;
}

/** Indexes one shard into `bundle` and writes its word counts beside it. */
export interface ShardTask {
  distDir: string;
  /** The shard's pages; undefined indexes all of distDir. */
  paths: readonly string[] | undefined;
  chunkSize: number;
  /** Folder to write `bundle/` and `counts.json` into. */
  entry: string;
}

export async function indexShard({ distDir, paths, chunkSize, entry }: ShardTask): Promise<void> {
  const staging = paths ? await stagePages(distDir, paths) : undefined;
  const bundle = join(entry, 'bundle');
  try {
    const index = await newIndex(chunkSize);
    fail(`index ${distDir}`, (await index.addDirectory({ path: staging ?? distDir })).errors);
    fail('write its files', (await index.writeFiles({ outputPath: bundle })).errors);
  } finally {
    // The process and all it holds go before the next shard starts.
    await pagefind.close();
    if (staging) await rm(staging, { recursive: true, force: true });
  }
  // From the text Pagefind indexed, one page at a time (see search-fragments.ts).
  const counter = vocabularyCounter();
  const pages = await forEachIndexedText(bundle, (text) => counter.add(text));
  await writeFile(join(entry, 'counts.json'), JSON.stringify({ pages, counts: counter.counts() }));
}

// Runs as plain Node (type stripping), outside Vite's bundle, found from the project root
// like the render and preview-image workers.
const SHARD_WORKER_FILE = resolve('src/integrations/search-shard-worker.ts');

/**
 * Indexes a shard in a worker thread: Pagefind's Node API keeps one indexing process per
 * module instance and answers one index at a time, so shards indexed side by side need a
 * module instance (a thread) each. Two 500-page shards took 9.9 s one after the other and
 * 5.3 s side by side on the 2 cores here.
 */
function indexShardInWorker(task: ShardTask): Promise<void> {
  return runWorkerThread(SHARD_WORKER_FILE, task, 'search shard');
}

/** Cached shards kept besides those of the latest build (other branches, other content folders). */
const SPARE_CACHED_SHARDS = 8;

async function pruneCache(root: string, used: Set<string>): Promise<void> {
  const entries = await Promise.all(
    (await readdir(root).catch(() => [])).map(async (name) => ({
      name,
      time: (await stat(join(root, name)).catch(() => undefined))?.mtimeMs ?? 0,
    })),
  );
  const spare = entries.filter((e) => !used.has(e.name)).sort((a, b) => b.time - a.time);
  for (const { name } of spare.slice(SPARE_CACHED_SHARDS)) await rm(join(root, name), { recursive: true, force: true });
}

export interface SearchIndexResult {
  pages: number;
  shards: number;
  /** Shards indexed by Pagefind in this build (the rest came from the cache). */
  indexed: number;
}

export async function buildSearchIndex(distDir: string, log: (message: string) => void): Promise<SearchIndexResult> {
  const { pages, htmlFiles } = await readPages(distDir);
  const maxPages = searchShardPages(process.env.KB_SEARCH_SHARD_PAGES, pages.length);
  const hashes = new Map(pages.map((p) => [p.path, p.hash]));
  const shards = pages.length > maxPages ? assignShards([...hashes.keys()], maxPages) : [[...hashes.keys()]];
  const version = packageVersions(['pagefind']);
  const cacheRoot = cacheDir('search-index');
  const bundleDir = join(distDir, SEARCH_BUNDLE_DIR);
  // Pagefind adds to the folder without clearing it, and the vocabulary is read from every
  // fragment in it: files of an earlier index there would count pages that are gone.
  await rm(bundleDir, { recursive: true, force: true });
  // Each shard's key and cache entry first; then the missing shards are indexed, several at a
  // time when they are small enough (searchShardsAtOnce); then copied in order.
  const jobs = shards.map((paths) => {
    // The share of the site's HTML pages (the count searchIndexChunkSize was measured against).
    const chunkSize = searchIndexChunkSize(Math.round((htmlFiles * paths.length) / Math.max(pages.length, 1)));
    const key = hashOf(
      'search shard 1',
      version,
      JSON.stringify(PAGEFIND_CONFIG),
      String(chunkSize),
      ...paths.map((path) => `${path} ${hashes.get(path)}`),
    );
    return { paths, chunkSize, key, entry: join(cacheRoot, key) };
  });
  const missing = jobs.filter((job) => !(cacheEnabled() && existsSync(join(job.entry, 'counts.json'))));
  const atOnce = searchShardsAtOnce(maxPages, missing.length, availableParallelism());
  if (cacheEnabled()) await mkdir(cacheRoot, { recursive: true });
  await mapLimited(missing, atOnce, async (job) => {
    const staged = await mkdtemp(join(cacheEnabled() ? cacheRoot : tmpdir(), '.new-search-shard-'));
    // One shard is the whole site: Pagefind reads dist/ itself, as it always did.
    const task = { distDir, paths: shards.length > 1 ? job.paths : undefined, chunkSize: job.chunkSize, entry: staged };
    await (atOnce > 1 ? indexShardInWorker(task) : indexShard(task));
    if (cacheEnabled()) {
      await rm(job.entry, { recursive: true, force: true });
      await rename(staged, job.entry);
    } else job.entry = staged;
  });
  const vocabulary = vocabularyCounter();
  const used = new Set<string>();
  let indexedPages = 0;
  for (const [i, job] of jobs.entries()) {
    if (cacheEnabled() && !missing.includes(job)) {
      const now = new Date();
      await utimes(job.entry, now, now);
    }
    used.add(job.key);
    const out = join(bundleDir, shardFolder(i));
    await copyBundle(join(job.entry, 'bundle'), out, i === 0 ? () => true : (name) => MERGED_SHARD_FILES.test(name));
    const { pages: count, counts } = JSON.parse(await readFile(join(job.entry, 'counts.json'), 'utf8')) as {
      pages: number;
      counts: [string, number][];
    };
    indexedPages += count;
    vocabulary.merge(counts);
    if (!cacheEnabled()) await rm(job.entry, { recursive: true, force: true });
  }
  const indexed = missing.length;
  if (cacheEnabled()) await pruneCache(cacheRoot, used);
  const words = vocabulary.words();
  const others = shards.slice(1).map((_, i) => shardFolder(i + 1));
  await writeFile(join(bundleDir, SEARCH_VOCABULARY_FILE), searchManifestJson(words, others));
  const how =
    shards.length > 1
      ? ` in ${shards.length} shards of at most ${maxPages} (${indexed} indexed, ${shards.length - indexed} from the cache)`
      : indexed
        ? ''
        : ' (from the cache)';
  log(`search index: ${indexedPages} pages${how}, ${words.length} words for typo correction`);
  return { pages: indexedPages, shards: shards.length, indexed };
}
