#!/usr/bin/env node
// `npm run bench:search`: the search index's size, the bytes a reader downloads for a first
// and a second query, and the median query time, on the real site and on a generated corpus
// (BENCH_ARTICLES, default 1000). Prints figures and compares each with the latest earlier
// run that measured it (bench/search.jsonl); asserts nothing. A reused build (dist/, or a corpus built earlier) is
// indexed again with the current code first, so the figures are those of this commit's index.
import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './lib/chromium.ts';
import { buildCorpus, median, printTable, recordRun, run } from './lib/corpus.ts';
import {
  SEARCH_BUNDLE_DIR,
  SEARCH_BUNDLE_PATH,
  SEARCH_VOCABULARY_FILE,
  readSearchManifest,
} from '../src/shared/search-bundle.ts';
import { buildSearchIndex } from '../src/integrations/search-index.ts';

const CORPUS = Number(process.env.BENCH_ARTICLES ?? 1000);
// Preview servers on PORT and PORT + 1 (BENCH_PORT, so two checkouts can measure at once).
const PORT = Number(process.env.BENCH_PORT ?? 4610);
const { queries } = JSON.parse(await readFile('tests/search/queries.json', 'utf8')) as {
  queries: Array<{ q: string }>;
};

async function dirBytes(dir: string, include: (name: string) => boolean): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && include(entry.name)) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

const UI_FILES = /^pagefind-(component-ui|ui|modular-ui|highlight)\.(js|css)$/;

function fileKind(path: string): string {
  if (path.endsWith(SEARCH_VOCABULARY_FILE)) return 'typo vocabulary';
  if (path.endsWith('.pf_index')) return 'index files';
  if (path.endsWith('.pf_fragment')) return 'results (fragments)';
  if (path.endsWith('.pf_filter')) return 'filter indexes';
  if (path.endsWith('.pf_meta') || path.endsWith('pagefind-entry.json')) return 'metadata';
  if (path.includes('/wasm.')) return 'WebAssembly';
  return 'script';
}

async function serve(distDir: string, port: number): Promise<() => void> {
  const child = spawn(
    process.execPath,
    [
      'node_modules/astro/bin/astro.mjs',
      'preview',
      '--outDir',
      distDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--ignore-lock',
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return () => child.kill();
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill();
  throw new Error(`preview server for ${distDir} did not start`);
}

async function measure(label: string, distDir: string, port: number, figures: Record<string, number>): Promise<void> {
  figures[`${label}: index files`] = await dirBytes(join(distDir, SEARCH_BUNDLE_DIR), (n) => !UI_FILES.test(n));
  figures[`${label}: typo vocabulary gzip`] = gzipSync(
    await readFile(join(distDir, SEARCH_BUNDLE_DIR, SEARCH_VOCABULARY_FILE)),
  ).length;
  const stop = await serve(distDir, port);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    // Count bytes from Playwright's network events: Pagefind fetches from a web worker,
    // whose requests the page's own Resource Timing does not see.
    let bytes = 0;
    // Where a first query's bytes go, by kind of file.
    const byKind: Record<string, number> = {};
    let firstQuery = true;
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      if (!path.startsWith(SEARCH_BUNDLE_PATH)) return;
      void request.sizes().then(
        (s) => {
          bytes += s.responseBodySize;
          if (firstQuery) byKind[fileKind(path)] = (byKind[fileKind(path)] ?? 0) + s.responseBodySize;
        },
        () => undefined,
      );
    });
    const settle = () => new Promise((r) => setTimeout(r, 300));
    await page.goto(`http://127.0.0.1:${port}/`);
    const vocabularyUrl = `${SEARCH_BUNDLE_PATH}${SEARCH_VOCABULARY_FILE}`;
    // As the search UI does (src/client/search-ui.ts): the vocabulary file, which lists the
    // index's other shards on a large site, then Pagefind with those shards merged.
    const manifest = readSearchManifest(
      await page.evaluate((url) => fetch(url).then((r) => r.json() as Promise<unknown>), vocabularyUrl),
    );
    figures[`${label}: index shards`] = 1 + manifest.indexes.length;
    await page.evaluate(
      async ({ bundle, indexes }) => {
        // A URL in the browser, not a module of this project.
        const pf = await import(/* @vite-ignore */ `${bundle}pagefind.js`);
        await pf.options({ noWorker: true }); // as the search UI configures it
        await pf.init();
        for (const path of indexes) await pf.mergeIndex(`${bundle}${path}`);
        (window as unknown as { pf: unknown }).pf = pf;
      },
      { bundle: SEARCH_BUNDLE_PATH, indexes: manifest.indexes },
    );
    const searchAndLoad = (q: string) =>
      page.evaluate(async (query) => {
        const pf = (
          window as unknown as { pf: { search(q: string): Promise<{ results: Array<{ data(): Promise<unknown> }> }> } }
        ).pf;
        const start = performance.now();
        const r = await pf.search(query);
        await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
        return performance.now() - start;
      }, q);
    await searchAndLoad(queries[0]!.q);
    await settle();
    figures[`${label}: bytes for first query`] = bytes;
    firstQuery = false;
    for (const [kind, n] of Object.entries(byKind).sort()) figures[`${label}: first query, ${kind}`] = n;
    bytes = 0;
    await searchAndLoad(queries[1]!.q);
    await settle();
    figures[`${label}: bytes for second query`] = bytes;
    const times: number[] = [];
    for (const { q } of queries) times.push(await searchAndLoad(q));
    figures[`${label}: median query time`] = median(times);
  } finally {
    await browser.close();
    stop();
  }
}

const figures: Record<string, number> = {};
if (!existsSync(join('dist', SEARCH_BUNDLE_DIR, 'pagefind.js'))) {
  console.log('Building the site…');
  const built = await run('npm', ['run', 'build']);
  if (built.code !== 0) throw new Error(built.output.slice(-2000));
} else {
  console.log('Indexing the site again with this commit’s code…');
  await buildSearchIndex('dist', console.log);
}
console.log('Measuring the site…');
await measure('site', 'dist', PORT, figures);
console.log(`Building or reusing a ${CORPUS}-article corpus (npm run bench builds the same one)…`);
const { distDir, buildMs } = await buildCorpus(`.cache/bench/corpus-${CORPUS}`, CORPUS);
if (buildMs === undefined) await buildSearchIndex(distDir, console.log);
await measure(`${CORPUS} articles`, distDir, PORT + 1, figures);
const ui = ['pagefind-component-ui.js', 'pagefind-component-ui.css'];
figures['search UI gzip (loaded on open)'] = (
  await Promise.all(ui.map(async (f) => gzipSync(await readFile(join('dist', SEARCH_BUNDLE_DIR, f))).length))
).reduce((a, b) => a + b, 0);

const units: Record<string, string> = {};
for (const k of Object.keys(figures)) units[k] = k.includes('time') ? 'ms' : k.endsWith('shards') ? '' : 'B';
const previous = await recordRun('bench/search.jsonl', figures);
console.log('');
printTable(figures, previous, units);
