#!/usr/bin/env node
// `npm run bench:dev -- --articles 1000`: how live the dev server's feedback is. Starts
// `astro dev` on a generated corpus, then saves a broken link into one article several
// times and measures, from the save: the problem's line in the terminal, the problem in
// the page's panel, a search (the dev client's merge of the full index and the index of
// changes, scripts/lib/dev-search-probe.ts) finding the saved text, and the "fixed" line after
// the fix is saved. Also prints the re-check's own time (its debug line). `npm run bench`
// runs it at the largest size up to 1,000. Prints each figure beside the latest earlier run
// that measured it (bench/dev.jsonl); asserts nothing.
import { spawn } from 'node:child_process';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, median, printTable, recordRun } from './lib/corpus.ts';
import { devSearchProbe } from './lib/dev-search-probe.ts';
import { SEARCH_BUNDLE_DIR, SEARCH_VOCABULARY_FILE } from '../src/shared/search-bundle.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    saves: { type: 'string', default: '3' },
    port: { type: 'string', default: process.env.BENCH_DEV_PORT ?? '4390' },
  },
});
const n = Number(values.articles);
const saves = Number(values.saves);
const origin = `http://127.0.0.1:${values.port}`;
const dir = join('.cache/bench', `dev-${n}`);
const content = join(dir, 'content');
const cache = join('.cache/bench', `dev-${n}-cache`);

await rm(dir, { recursive: true, force: true });
// Astro's content store from earlier runs would still hold their articles (it lives in the
// build cache, KB_CACHE_DIR/astro).
await rm('.astro/data-store.json', { force: true });
await rm(join(cache, 'astro'), { recursive: true, force: true });
await generateCorpus(content, n);
console.log(`${n} articles: starting astro dev…`);

const started = performance.now();
const child = spawn(
  process.execPath,
  ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', values.port!, '--ignore-lock'],
  {
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      DEBUG: 'kb:*',
      KB_CONTENT_DIR: content,
      // Kept between runs (same corpus, same cache keys): startup is then what a writer sees daily.
      KB_CACHE_DIR: cache,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
let output = '';
child.stdout.on('data', (d) => (output += d));
child.stderr.on('data', (d) => (output += d));
const stop = () => child.kill('SIGTERM');
process.on('exit', stop);

/** Resolves with the time (ms since `from`) at which `test` first holds, polling. */
async function until(test: () => boolean | Promise<boolean>, from: number, limitMs = 120_000): Promise<number> {
  while (performance.now() - from < limitMs) {
    if (await test()) return performance.now() - from;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up after ${limitMs} ms; the server's output is in ${join(dir, 'server.log')}`);
}
const get = async (path: string) => {
  try {
    const response = await fetch(new URL(path, origin));
    return response.ok ? await response.text() : '';
  } catch {
    return '';
  }
};

const figures: Record<string, number> = {};
const units: Record<string, string> = {};
const put = (name: string, value: number, unit: string) => {
  figures[`${n} dev: ${name}`] = Math.round(value * 10) / 10;
  units[`${n} dev: ${name}`] = unit;
};

try {
  await until(() => output.includes('content check for the panel') && output.includes('ready in'), started, 900_000);
  await until(async () => (await get('/')) !== '', started, 900_000);
  put('server ready', (performance.now() - started) / 1000, 's');
  const articles = (await readdir(join(content, 'articles'))).sort();
  const name = articles[Math.floor(articles.length / 2)]!;
  const file = join(content, 'articles', name);
  const url = `/articles/${name.replace(/\.mdx?$/, '')}/`;
  const original = await readFile(file, 'utf8');
  await get(url); // the first render compiles the page's modules
  let t = performance.now();
  await get(`/${SEARCH_BUNDLE_DIR}/${SEARCH_VOCABULARY_FILE}`);
  put('search index, first build', (performance.now() - t) / 1000, 's');
  const searchFor = await devSearchProbe(origin);

  const terminal: number[] = [];
  const page: number[] = [];
  const search: number[] = [];
  const fixed: number[] = [];
  const recheck: number[] = [];
  const searchServer: number[] = [];
  for (let i = 1; i <= saves; i++) {
    const missing = `/articles/no-such-article-${i}/`;
    const word = `zorblaxquint${'abcdefghij'[i % 10]}`;
    const seen = output.length;
    t = performance.now();
    await writeFile(file, `${original}\nSee [a page](${missing}) about ${word}.\n`);
    const [term, shown, found] = await Promise.all([
      until(() => output.slice(seen).includes(`link ${missing}: no page`), t),
      until(async () => {
        const html = await get(url);
        return html.includes('data-dev-problems') && html.includes(missing);
      }, t),
      until(async () => (await searchFor(word).catch((): string[] => [])).includes(url), t),
    ]);
    terminal.push(term);
    page.push(shown);
    search.push(found);
    const took = /re-checked in (\d+) ms/.exec(output.slice(seen))?.[1];
    if (took) recheck.push(Number(took));
    const indexed = /save → searchable (\d+) ms/.exec(output.slice(seen))?.[1];
    if (indexed) searchServer.push(Number(indexed));
    const beforeFix = output.length;
    t = performance.now();
    await writeFile(file, original);
    fixed.push(await until(() => /: fixed, no problems left/.test(output.slice(beforeFix)), t));
    await new Promise((r) => setTimeout(r, 500));
  }
  put('save → problem in terminal (median)', median(terminal), 'ms');
  put('save → problem in page panel (median)', median(page), 'ms');
  put('save → search finds the saved text (median)', median(search), 'ms');
  if (searchServer.length) put('save → changes index built, server log (median)', median(searchServer), 'ms');
  put('save fix → "fixed" in terminal (median)', median(fixed), 'ms');
  if (recheck.length) put('re-check itself (median)', median(recheck), 'ms');
} finally {
  stop();
  await writeFile(join(dir, 'server.log'), output);
}

const previous = await recordRun('bench/dev.jsonl', figures);
console.log('');
printTable(figures, previous, units);
process.exit(0);
