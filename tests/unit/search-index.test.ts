// The production search index (src/integrations/search-index.ts), built by Pagefind itself on
// a tiny site in a temporary folder: what it indexes, how it cuts the index, and the typo
// vocabulary read back from Pagefind's own fragments.
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/integrations/search-index.ts';
import { parseFragmentFile } from '../../src/integrations/search-fragments.ts';
import { PAGEFIND_DEFAULT_CHUNK_SIZE, searchIndexChunkSize } from '../../src/lib/search-index-options.ts';
import { SEARCH_BUNDLE_DIR, SEARCH_VOCABULARY_FILE } from '../../src/shared/search-bundle.ts';
import { vocabularyCounter } from '../../src/lib/search-vocabulary.ts';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Site menu</nav>` +
  `<article data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1>${body}</article></body></html>`;

// As the site renders them: a code bar whose language label sits right before the code, and a
// diagram's text version under a <summary>, neither with whitespace before the next word.
const codeBlock =
  '<figure class="code"><figcaption class="code-bar"><span class="code-lang">Bash</span></figcaption>' +
  '<pre><code><span class="line"><span>kubectl</span><span> rollout</span></span></code></pre></figure>';
const diagram =
  '<figure><figcaption class="diagram-caption">How a request becomes an account</figcaption></figure>' +
  '<details class="diagram-text"><summary>Diagram as text</summary><ol><li>Pipeline runs</li></ol></details>';
// Enough distinct words that a 1,000-location chunk size cuts the index into several files.
const longProse = `<p>${Array.from({ length: 1500 }, (_, i) => `word${i.toString(36)}x`).join(' ')}</p>`;

let dist = '';
let result: { pages: number };
const logs: string[] = [];

const savedCacheDir = process.env.KB_CACHE_DIR;
beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'kb-search-index-'));
  // A cache of its own, so the index is built by Pagefind every run (and the project's cache is untouched).
  process.env.KB_CACHE_DIR = join(dist, '.cache');
  for (const [slug, html] of Object.entries({
    'articles/rollouts': page('Rollouts', `<p>Restart a deployment.</p>${codeBlock}${diagram}`),
    'articles/long': page('Long read', longProse),
    tags: '<!doctype html><html lang="en"><body><p>Tag listing without a searchable body</p></body></html>',
  })) {
    await mkdir(join(dist, slug), { recursive: true });
    await writeFile(join(dist, slug, 'index.html'), html);
  }
  // Left by an earlier index: Pagefind does not clear the folder, so the build must.
  await mkdir(join(dist, SEARCH_BUNDLE_DIR, 'fragment'), { recursive: true });
  await writeFile(
    join(dist, SEARCH_BUNDLE_DIR, 'fragment', 'en_stale.pf_fragment'),
    gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ url: '/gone/', content: 'Removed zebrafish' })}`)),
  );
  result = await buildSearchIndex(dist, (m) => logs.push(m));
}, 60_000);

afterAll(async () => {
  if (savedCacheDir === undefined) delete process.env.KB_CACHE_DIR;
  else process.env.KB_CACHE_DIR = savedCacheDir;
  if (dist) await rm(dist, { recursive: true, force: true });
});

async function vocabulary(): Promise<string[]> {
  return JSON.parse(await readFile(join(dist, SEARCH_BUNDLE_DIR, SEARCH_VOCABULARY_FILE), 'utf8')) as string[];
}

describe('buildSearchIndex', () => {
  it('indexes only the pages with a searchable body, and no page of an earlier index, and says how many', async () => {
    expect(result.pages).toBe(2);
    expect(await vocabulary()).not.toContain('zebrafish');
    expect(logs.at(-1)).toMatch(/^search index: 2 pages, \d+ words for typo correction$/);
  });

  it('counts the typo vocabulary from what Pagefind indexed, most common first', async () => {
    const words = await vocabulary();
    // In both pages (title + body) or one; never the text outside data-pagefind-body.
    expect(words).toContain('rollouts');
    expect(words).toContain('deployment');
    expect(words).not.toContain('menu');
    expect(words).not.toContain('listing');
    expect(words.length).toBeGreaterThan(1500);
  });

  it('keeps the code bar’s language and the diagram’s summary out of the index, so they do not glue to the next word', async () => {
    const words = await vocabulary();
    expect(words).toContain('kubectl');
    expect(words).not.toContain('bashkubectl');
    expect(words).toContain('account');
    expect(words).not.toContain('accountdiagram');
    const fragments = await readdir(join(dist, SEARCH_BUNDLE_DIR, 'fragment'));
    const texts = await Promise.all(
      fragments.map(async (f) => parseFragmentFile(await readFile(join(dist, SEARCH_BUNDLE_DIR, 'fragment', f)), f)),
    );
    const rollouts = texts.flat().find((f) => f.url === '/articles/rollouts/');
    expect(rollouts?.content).toContain('kubectl rollout');
    expect(rollouts?.content).not.toMatch(/Bash|Diagram as text/);
  });

  it('cuts a small site’s index into small files (the chunk size reaches Pagefind)', async () => {
    // 1,500 distinct words in one page: one file at Pagefind's default, several at 1,000.
    const chunks = await readdir(join(dist, SEARCH_BUNDLE_DIR, 'index'));
    expect(chunks.length).toBeGreaterThan(1);
    expect(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBeUndefined();
  });
});

describe('searchIndexChunkSize', () => {
  it('grows with the square root of the site, between 1,000 locations and Pagefind’s default', () => {
    expect(searchIndexChunkSize(0)).toBe(1000);
    expect(searchIndexChunkSize(39)).toBe(1436);
    expect(searchIndexChunkSize(1259)).toBe(8161);
    expect(searchIndexChunkSize(4 * 1259)).toBe(16_322);
    expect(searchIndexChunkSize(12_600)).toBe(PAGEFIND_DEFAULT_CHUNK_SIZE);
  });
});

describe('parseFragmentFile', () => {
  const file = (json: unknown, signature = 'pagefind_dcd') => gzipSync(Buffer.from(signature + JSON.stringify(json)));

  it('reads one page, or each page of a grouped file', () => {
    expect(parseFragmentFile(file({ url: '/a/', content: 'Alpha' }), 'a')).toEqual([{ url: '/a/', content: 'Alpha' }]);
    const grouped = parseFragmentFile(
      file({ en_1: { url: '/a/', content: 'Alpha' }, en_2: { url: '/b/', content: 'Beta' } }),
      'g',
    );
    expect(grouped.map((f) => f.url)).toEqual(['/a/', '/b/']);
  });

  it('names the file that is not a Pagefind fragment', () => {
    expect(() => parseFragmentFile(file({ url: '/a/', content: 'x' }, 'other_format'), 'dist/x.pf_fragment')).toThrow(
      /dist\/x\.pf_fragment: not a Pagefind fragment/,
    );
    expect(() => parseFragmentFile(file({ nothing: 1 }), 'dist/y.pf_fragment')).toThrow(/without page text/);
  });
});

describe('vocabularyCounter', () => {
  it('counts pages, not occurrences, and a compound as its parts', () => {
    const counter = vocabularyCounter();
    counter.add('Pod pod POD aws-config k8s.io io');
    counter.add('pods config');
    // config: 2 pages (once as part of aws-config); pod: 1 page however often; io: too short.
    expect(counter.words()).toEqual(['config', 'aws', 'k8s', 'pod', 'pods']);
  });

  it('keeps words of 3 to 24 characters', () => {
    const counter = vocabularyCounter();
    counter.add(`ab abc ${'x'.repeat(24)} ${'y'.repeat(25)}`);
    expect(counter.words()).toEqual(['abc', 'x'.repeat(24)]);
  });
});
