#!/usr/bin/env node
// `npm run check:reproducible`: the same content must give the same bytes, whatever the clock,
// the time zone or the caches. On a copy of content/ it runs three builds:
//   1. a clean build, which fills the build caches (Astro's incremental build among them);
//   2. after one article's body and another article's title changed, a build with those caches:
//      it re-renders only what the change touches and copies the rest (src/lib/page-cache-keys.ts);
//   3. a build of the changed content with every cache off, the clock three years on and
//      another time zone;
// and compares 2 and 3 byte for byte. Anything that reads the clock instead of the content,
// Git or SOURCE_DATE_EPOCH, depends on file order, or reuses a page, body, snippet result or
// search shard whose inputs changed, shows up as a difference. It also fails when build 2
// reused no page (the incremental path would go untested). Exits 1 listing the first
// differing files. CI runs it after npm test (.ci/run).
//   --keep   keep the builds (their paths are printed) to diff them by hand
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { PhaseReport } from '../src/lib/build-phases.ts';

/**
 * Build 3 runs three years later and in another time zone, as far as Node can tell. (--import
 * reaches Astro through scripts/build.ts, which passes its Node options on.)
 */
const LATER = `data:text/javascript,${encodeURIComponent(`
  const Real = Date, shift = 3 * 365 * 864e5;
  globalThis.Date = class extends Real {
    constructor(...args) { if (args.length) super(...args); else super(Real.now() + shift); }
    static now() { return Real.now() + shift; }
  };`)}`;

/** Caches outside KB_CACHE_DIR that a build may reuse; removed before the clean builds. */
const PROJECT_CACHES = ['node_modules/.vite', '.astro'];
const SHOW = 10;

const { values } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });
const root = mkdtempSync(join(tmpdir(), 'kb-reproducible-'));
const content = join(root, 'content');
cpSync('content', content, { recursive: true });

interface BuildOptions {
  later?: boolean;
  /** Keep the caches of the builds before (build 2) instead of starting clean. */
  warm?: boolean;
}

function build(outDir: string, { later = false, warm = false }: BuildOptions): PhaseReport {
  if (!warm) for (const cache of PROJECT_CACHES) rmSync(cache, { recursive: true, force: true });
  const how = warm
    ? ' (with the caches of the first)'
    : later
      ? ' (no caches, clock three years on, TZ=Pacific/Kiritimati)'
      : '';
  console.log(`check-reproducible: building into ${outDir}${how}`);
  const report = join(root, `${relative(root, outDir)}.report.json`);
  const args = [...(later ? ['--import', LATER] : []), 'scripts/build.ts', '--outDir', outDir];
  const result = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      KB_CONTENT_DIR: content,
      KB_CACHE_DIR: join(root, later ? 'no-cache' : 'cache'),
      KB_BUILD_REPORT: report,
      ...(later ? { TZ: 'Pacific/Kiritimati', KB_BUILD_CACHE: 'off' } : {}),
    },
  });
  if (result.status !== 0) {
    console.error(`check-reproducible: the build into ${outDir} failed (exit ${result.status}); run npm run build`);
    process.exit(1);
  }
  return JSON.parse(readFileSync(report, 'utf8')) as PhaseReport;
}

/** Every file under dir, by path relative to it, with the SHA-256 of its bytes. */
function digests(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return files;
}

/** One article's body gains a sentence and another's title loses its last word (lists and pagers show titles). */
function changeContent(): string[] {
  const dir = join(content, 'articles');
  const [bodyOf, titleOf] = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  if (!bodyOf || !titleOf) throw new Error(`check-reproducible: ${dir} needs two .md articles`);
  appendFileSync(join(dir, bodyOf), '\nOne more sentence, so that this article changed since the last build.\n');
  const file = join(dir, titleOf);
  const text = readFileSync(file, 'utf8');
  const retitled = text.replace(/^title: "(.+) \S+"$/m, 'title: "$1"');
  if (retitled === text) throw new Error(`check-reproducible: no title: "…" of two words or more in ${file}`);
  writeFileSync(file, retitled);
  return [bodyOf, titleOf];
}

const [first, incremental, clean] = ['a', 'b', 'c'].map((name) => join(root, name)) as [string, string, string];
build(first, {});
const changed = changeContent();
const { reused, routes } = build(incremental, { warm: true });
build(clean, { later: true });
const b = digests(incremental);
const c = digests(clean);
const differing = [...new Set([...b.keys(), ...c.keys()])]
  .sort()
  .filter((file) => b.get(file) !== c.get(file))
  .map((file) =>
    !b.has(file)
      ? `${file} (only in the clean build)`
      : !c.has(file)
        ? `${file} (only in the incremental build)`
        : file,
  );

if (!values.keep) rmSync(root, { recursive: true, force: true });
if (differing.length === 0 && reused > 0) {
  console.log(
    `check-reproducible: after ${changed.join(' and ')} changed, the incremental build (${reused} of ${routes} ` +
      `routes reused) and a clean build three years on are byte-identical (${b.size} files)`,
  );
} else if (differing.length === 0) {
  console.error(
    `check-reproducible: the build after the change reused none of its ${routes} routes; the incremental ` +
      'build is off or broken (experimental.incrementalBuild in astro.config.mjs, cacheKey in getStaticPaths)',
  );
  process.exitCode = 1;
} else {
  console.error(
    `check-reproducible: the incremental build and the clean build differ in ${differing.length} of ${c.size} files:`,
  );
  for (const file of differing.slice(0, SHOW)) console.error(`  ${file}`);
  if (differing.length > SHOW) console.error(`  … and ${differing.length - SHOW} more`);
  console.error(
    values.keep
      ? `compare them with: diff -r ${incremental} ${clean}`
      : 'run with --keep to keep the builds and compare them (e.g. diff -r)',
  );
  process.exitCode = 1;
}
