// The search index in shards: which page goes where (src/lib/search-shards.ts), the shard size
// setting, the vocabulary file that lists the shards, and the build with its cache
// (src/integrations/search-shards.ts), run by Pagefind itself on a tiny site forced into shards.
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFragmentFile } from '../../src/integrations/search-fragments.ts';
import { buildSearchIndex, type SearchIndexResult } from '../../src/integrations/search-shards.ts';
import {
  MIN_SHARD_PAGES,
  SEARCH_SHARD_PAGES,
  SEARCH_SHARDS_AT_LEAST,
  searchShardPages,
  searchShardsAtOnce,
} from '../../src/lib/search-index-options.ts';
import { assignShards, pathHash } from '../../src/lib/search-shards.ts';
import {
  SEARCH_BUNDLE_DIR,
  SEARCH_VOCABULARY_FILE,
  readSearchManifest,
  searchManifestJson,
} from '../../src/shared/search-bundle.ts';

const paths = (n: number, prefix = 'articles/page') => Array.from({ length: n }, (_, i) => `${prefix}-${i}/index.html`);
const shardOf = (shards: string[][], path: string) => shards.findIndex((shard) => shard.includes(path));

describe('assignShards', () => {
  it('puts every page in exactly one shard, none above the maximum, in about as few shards as the maximum allows', () => {
    for (const [count, max] of [
      [10_000, 2_500],
      [1_000, 250],
      [7, 3],
      [1, 1],
    ] as const) {
      const shards = assignShards(paths(count), max);
      expect(shards.flat().sort()).toEqual(paths(count).sort());
      for (const shard of shards) expect(shard.length).toBeLessThanOrEqual(max);
      expect(shards.length).toBeGreaterThanOrEqual(Math.ceil(count / max));
      // A hash does not split exactly evenly; it must not need many more shards than the minimum.
      if (count >= 1000) expect(shards.length).toBeLessThanOrEqual(Math.ceil(count / max) + 1);
    }
  });

  it('is stable: the order of the list does not matter, and changing other pages moves no page', () => {
    const all = paths(1_000);
    const shards = assignShards(all, 300);
    expect(assignShards([...all].reverse(), 300)).toEqual(shards);
    // A page from the middle gone and one added before all others: the same number of shards,
    // and every other page stays put (its place in the list moved; its shard did not).
    const kept = all.filter((_, i) => i !== 500);
    const after = assignShards([...kept, 'articles/a-new-page/index.html'], 300);
    expect(after.length).toBe(shards.length);
    for (const path of kept) expect(shardOf(after, path)).toBe(shardOf(shards, path));
  });

  it('spreads similar paths evenly (a hash of the path, the same on every machine)', () => {
    expect(pathHash('articles/kubectl-cp/index.html')).toBe(pathHash('articles/kubectl-cp/index.html'));
    const sizes = assignShards(paths(1_000, 'articles/kubectl-cp-v'), 260).map((s) => s.length);
    expect(Math.min(...sizes)).toBeGreaterThan((0.75 * 1_000) / sizes.length);
    // Two shards of paths that differ in their last digits: not split by the digits' parity.
    const halves = assignShards(paths(5_000, 'articles/a'), 2_600);
    expect(halves.map((s) => s.length)).not.toEqual([2_500, 2_500]);
    expect(Math.min(...halves.map((s) => s.length))).toBeGreaterThan(2_350);
  });

  it('refuses a shard size that is not a whole number of pages', () => {
    expect(() => assignShards(paths(3), 0)).toThrow(/whole number/);
  });
});

describe('searchShardPages', () => {
  it('is a quarter of a large site, between the floor and the measured maximum, unless KB_SEARCH_SHARD_PAGES says otherwise', () => {
    // The floor up to 4 × the floor: the real site (about 50 pages) stays one index.
    expect(searchShardPages(undefined, 50)).toBe(MIN_SHARD_PAGES);
    expect(searchShardPages('', 4 * MIN_SHARD_PAGES)).toBe(MIN_SHARD_PAGES);
    // 1,000 articles: four shards of about 250, so one edit re-indexes a quarter.
    expect(searchShardPages(undefined, 1_259)).toBe(315);
    expect(assignShards(paths(1_259), searchShardPages(undefined, 1_259)).length).toBeGreaterThanOrEqual(
      SEARCH_SHARDS_AT_LEAST,
    );
    // 10,000 and more: the memory bound decides.
    expect(searchShardPages(undefined, 10_000)).toBe(SEARCH_SHARD_PAGES);
    expect(searchShardPages(undefined, 40_000)).toBe(SEARCH_SHARD_PAGES);
    expect(searchShardPages('3', 1_259)).toBe(3);
    expect(() => searchShardPages('0', 10)).toThrow(/KB_SEARCH_SHARD_PAGES=0: not a whole number of pages/);
    expect(() => searchShardPages('many', 10)).toThrow(/KB_SEARCH_SHARD_PAGES=many/);
  });
});

describe('searchShardsAtOnce', () => {
  it('indexes small shards side by side, within the cores and one full shard of memory', () => {
    expect(searchShardsAtOnce(250, 5, 2)).toBe(2);
    expect(searchShardsAtOnce(250, 5, 16)).toBe(5); // no more than there are shards
    expect(searchShardsAtOnce(250, 12, 16)).toBe(10); // 10 × 250 pages = one full shard's memory
    expect(searchShardsAtOnce(SEARCH_SHARD_PAGES, 4, 16)).toBe(1);
    expect(searchShardsAtOnce(1_300, 4, 16)).toBe(1);
    expect(searchShardsAtOnce(250, 1, 2)).toBe(1); // one changed shard: no worker
    expect(searchShardsAtOnce(3, 0, 2)).toBe(1);
  });
});

describe('the vocabulary file', () => {
  it('is the plain word list for one index, and lists the other shards when there are several', () => {
    expect(searchManifestJson(['pod'], [])).toBe('["pod"]');
    expect(readSearchManifest(JSON.parse(searchManifestJson(['pod'], [])))).toEqual({ indexes: [], words: ['pod'] });
    const sharded = JSON.parse(searchManifestJson(['pod'], ['shard-1/']));
    expect(readSearchManifest(sharded)).toEqual({ indexes: ['shard-1/'], words: ['pod'] });
    expect(readSearchManifest(null)).toEqual({ indexes: [], words: [] });
  });
});

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body>` +
  `<article data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1><p>${body}</p></article></body></html>`;

describe('buildSearchIndex in shards, with its cache', () => {
  let root = '';
  let dist = '';
  const saved = { ...process.env };
  const logs: string[] = [];
  const slugs = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf'];
  const build = () => buildSearchIndex(dist, (m) => logs.push(m));
  let cold: SearchIndexResult;

  /** Each shard's folder under dist/pagefind/ and the page URLs in it (from Pagefind's fragments). */
  async function shardPages(): Promise<Map<string, string[]>> {
    const bundle = join(dist, SEARCH_BUNDLE_DIR);
    const manifest = readSearchManifest(JSON.parse(await readFile(join(bundle, SEARCH_VOCABULARY_FILE), 'utf8')));
    const result = new Map<string, string[]>();
    for (const folder of ['', ...manifest.indexes]) {
      const dir = join(bundle, folder, 'fragment');
      const files = await readdir(dir);
      const urls = (
        await Promise.all(files.map(async (f) => parseFragmentFile(await readFile(join(dir, f)), f)))
      ).flatMap((fragments) => fragments.map((f) => f.url));
      result.set(folder, urls.sort());
    }
    return result;
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'kb-search-shards-'));
    dist = join(root, 'dist');
    process.env.KB_CACHE_DIR = join(root, 'cache');
    process.env.KB_SEARCH_SHARD_PAGES = '3';
    delete process.env.KB_BUILD_CACHE;
    for (const slug of slugs) {
      await mkdir(join(dist, 'articles', slug), { recursive: true });
      await writeFile(join(dist, 'articles', slug, 'index.html'), page(`Guide ${slug}`, `All about ${slug}word.`));
    }
    // Not searchable: in no shard, so no shard is made of such pages only.
    await mkdir(join(dist, 'tags'), { recursive: true });
    await writeFile(join(dist, 'tags', 'index.html'), '<!doctype html><html lang="en"><body>Tag list</body></html>');
    cold = await build();
  }, 60_000);

  afterAll(async () => {
    process.env = saved;
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('indexes every searchable page once, in shards of at most the maximum, each its own bundle', async () => {
    expect(cold.pages).toBe(7);
    expect(cold.shards).toBeGreaterThanOrEqual(3);
    expect(cold.indexed).toBe(cold.shards);
    const shards = await shardPages();
    expect(shards.size).toBe(cold.shards);
    expect([...shards.values()].flat().sort()).toEqual(slugs.map((s) => `/articles/${s}/`));
    for (const urls of shards.values()) expect(urls.length).toBeLessThanOrEqual(3);
    // Merged shards carry only their index: the first shard's scripts and WebAssembly serve all.
    const second = await readdir(join(dist, SEARCH_BUNDLE_DIR, 'shard-1'));
    expect(second.some((f) => f.endsWith('.pf_meta'))).toBe(true);
    expect(second.filter((f) => /\.js$|^wasm/.test(f))).toEqual([]);
    expect(logs.at(-1)).toMatch(
      new RegExp(
        `^search index: 7 pages in ${cold.shards} shards of at most 3 \\(${cold.shards} indexed, 0 from the cache\\), `,
      ),
    );
  });

  it('has one typo vocabulary with the words of every shard', async () => {
    const manifest = readSearchManifest(
      JSON.parse(await readFile(join(dist, SEARCH_BUNDLE_DIR, SEARCH_VOCABULARY_FILE), 'utf8')),
    );
    expect(manifest.indexes).toEqual(Array.from({ length: cold.shards - 1 }, (_, i) => `shard-${i + 1}/`));
    for (const slug of slugs) expect(manifest.words).toContain(`${slug}word`);
    expect(manifest.words[0]).toMatch(/^(about|all|guide)$/); // on every page: counted across shards
  });

  it('indexes again only the shard of a changed page, and copies the others from the cache', async () => {
    const before = await shardPages();
    await writeFile(join(dist, 'articles', 'delta', 'index.html'), page('Guide delta', 'All about deltaword, edited.'));
    const warm = await build();
    expect(warm).toEqual({ ...cold, indexed: 1 });
    expect(await shardPages()).toEqual(before);
    const manifest = readSearchManifest(
      JSON.parse(await readFile(join(dist, SEARCH_BUNDLE_DIR, SEARCH_VOCABULARY_FILE), 'utf8')),
    );
    expect(manifest.words).toContain('edited');
    expect(logs.at(-1)).toContain(`(1 indexed, ${cold.shards - 1} from the cache)`);
    // Nothing changed: nothing is indexed. KB_BUILD_CACHE=off: everything is.
    expect((await build()).indexed).toBe(0);
    process.env.KB_BUILD_CACHE = 'off';
    expect((await build()).indexed).toBe(cold.shards);
    delete process.env.KB_BUILD_CACHE;
  }, 60_000);
});
