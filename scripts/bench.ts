#!/usr/bin/env node
// `npm run bench -- --articles 100,1000,5000,10000`: what a build costs at each size, and
// whether it stays flat per article. Per size: a cold build (no cache of ours or Astro's),
// its wall and CPU time, peak RSS and phases (check, sync, bundle, pages with render, index),
// then a warm rebuild after one article changed, the size of dist/ and of an article page;
// and one cold build with every article as .mdx (--mdx-at, default the smallest size;
// --mdx-at 0 skips it; --no-warm skips the warm rebuilds). Prints each figure beside the
// latest earlier run that measured it (bench/build.jsonl); asserts nothing. Sizes above
// 1,000 take minutes to tens of minutes. Then the dev server's feedback on save
// (scripts/bench-dev.ts) at the largest size up to 1,000 (--no-dev skips it).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateCorpus, printTable, recordRun } from './lib/corpus.ts';
import type { PhaseReport } from '../src/lib/build-phases.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: process.env.BENCH_ARTICLES ?? '100,1000' },
    'mdx-at': { type: 'string' },
    'no-warm': { type: 'boolean', default: false },
    'no-dev': { type: 'boolean', default: false },
  },
});
const sizes = values.articles!.split(',').map(Number).filter(Boolean);
const mdxAt = Number(values['mdx-at'] ?? Math.min(...sizes));
const ROOT = '.cache/bench';

interface BuildFigures {
  wall: number;
  cpu: number;
  rssMb: number;
  report: PhaseReport;
}

/** One `npm run build` under GNU time (peak RSS of the largest process, CPU of all). */
async function build(contentDir: string, outDir: string, cacheDir: string, log: string): Promise<BuildFigures> {
  const reportFile = `${log}.json`;
  const timeFile = `${log}.time`;
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-v', '-o', timeFile] : [];
  const started = performance.now();
  const code = await new Promise<number>((resolve) => {
    const [cmd, ...args] = [...time, process.execPath, 'scripts/build.ts', '--outDir', outDir];
    const child = spawn(cmd!, args, {
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        KB_CONTENT_DIR: contentDir,
        KB_CACHE_DIR: cacheDir,
        KB_BUILD_REPORT: reportFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', async (status) => {
      await appendFile(log, output);
      resolve(status ?? 1);
    });
  });
  const wall = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`build of ${contentDir} failed; see ${log}`);
  const t = existsSync(timeFile) ? await readFile(timeFile, 'utf8') : '';
  const num = (re: RegExp) => Number(re.exec(t)?.[1] ?? NaN);
  return {
    wall,
    cpu: num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/),
    rssMb: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024,
    report: JSON.parse(await readFile(reportFile, 'utf8')) as PhaseReport,
  };
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) total += (await stat(join(e.parentPath, e.name))).size;
  return total;
}

/** A cold start: our caches, Astro's among them (KB_CACHE_DIR/astro), from earlier builds are removed. */
async function clearCaches(cacheDir: string): Promise<void> {
  await rm(cacheDir, { recursive: true, force: true });
}

const figures: Record<string, number> = {};
const units: Record<string, string> = {};
const put = (name: string, value: number, unit: string) => {
  figures[name] = Math.round(value * 10) / 10;
  units[name] = unit;
};
function putBuild(prefix: string, n: number, b: BuildFigures): void {
  put(`${prefix}: wall`, b.wall, 's');
  put(`${prefix}: CPU (user+sys)`, b.cpu, 's');
  put(`${prefix}: peak RSS`, b.rssMb, 'MB');
  put(`${prefix}: per article`, (b.wall / n) * 1000, 'ms');
  for (const [phase, s] of Object.entries(b.report.phases)) put(`${prefix}: ${phase}`, s, 's');
}

for (const n of sizes) {
  const dir = join(ROOT, `scale-${n}`);
  const content = join(dir, 'content');
  const cache = join(dir, 'cache');
  const dist = join(dir, 'dist');
  await rm(dir, { recursive: true, force: true });
  await generateCorpus(content, n);
  console.log(`${n} articles: cold build…`);
  await clearCaches(cache);
  const cold = await build(content, dist, cache, join(dir, 'cold.log'));
  putBuild(`${n} cold`, n, cold);
  const page = await readFile(join(dist, 'articles', 'kubectl-cp', 'index.html'));
  put(`${n}: article HTML (kubectl-cp)`, page.length / 1024, 'KB');
  put(`${n}: article HTML gzip (kubectl-cp)`, gzipSync(page).length / 1024, 'KB');
  put(`${n}: dist size`, (await dirBytes(dist)) / 1024 / 1024, 'MB');
  if (values['no-warm']) {
    await rm(dist, { recursive: true, force: true });
    continue;
  }
  // Warm: the caches stay; one article changes (as kb-vs-starlight.sh does).
  const articles = (await readdir(join(content, 'articles'))).sort();
  await appendFile(join(content, 'articles', articles[4]!), '\nOne more sentence, so that this article changed.\n');
  console.log(`${n} articles: warm rebuild after one change…`);
  const warm = await build(content, dist, cache, join(dir, 'warm.log'));
  putBuild(`${n} warm`, n, warm);
  put(`${n}: warm / cold`, warm.wall / cold.wall, '×');
  await rm(dist, { recursive: true, force: true });
}

if (mdxAt > 0) {
  const dir = join(ROOT, `mdx-${mdxAt}`);
  const content = join(dir, 'content');
  await rm(dir, { recursive: true, force: true });
  await generateCorpus(content, mdxAt);
  for (const f of await readdir(join(content, 'articles')))
    if (f.endsWith('.md')) await rename(join(content, 'articles', f), join(content, 'articles', `${f}x`));
  console.log(`${mdxAt} articles as .mdx: cold build…`);
  await clearCaches(join(dir, 'cache'));
  putBuild(
    `${mdxAt} .mdx cold`,
    mdxAt,
    await build(content, join(dir, 'dist'), join(dir, 'cache'), join(dir, 'cold.log')),
  );
  await rm(join(dir, 'dist'), { recursive: true, force: true });
}

const previous = await recordRun('bench/build.jsonl', figures);
console.log('');
printTable(figures, previous, units);

const devSize = Math.max(0, ...sizes.filter((n) => n <= 1000));
if (!values['no-dev'] && devSize > 0) {
  console.log('');
  spawnSync(process.execPath, ['scripts/bench-dev.ts', '--articles', String(devSize)], { stdio: 'inherit' });
}
