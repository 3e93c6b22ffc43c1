#!/usr/bin/env node
// `npm run check:reproducible`: builds the site twice from a clean state into two
// temporary folders and compares them byte for byte. Exits 1 and lists the first
// differing files when they differ, so a build that depends on the clock, on file
// order or on a cache is caught before it ships. CI runs it after npm test (.ci/run).
//   --keep   keep the two builds (their paths are printed) to diff them by hand
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * The second build runs three years later and in another time zone, as far as Node can
 * tell: anything that reads the clock instead of the content, Git or SOURCE_DATE_EPOCH
 * then shows up as a difference. (--import reaches Astro through scripts/build.ts,
 * which passes its Node options on.)
 */
const LATER = `data:text/javascript,${encodeURIComponent(`
  const Real = Date, shift = 3 * 365 * 864e5;
  globalThis.Date = class extends Real {
    constructor(...args) { if (args.length) super(...args); else super(Real.now() + shift); }
    static now() { return Real.now() + shift; }
  };`)}`;

/** Caches a build may reuse; removed before each build so both start clean. */
const CACHES = ['node_modules/.astro', 'node_modules/.vite', '.astro'];
const SHOW = 10;

const { values } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });

function build(outDir: string, later: boolean): void {
  for (const cache of CACHES) rmSync(cache, { recursive: true, force: true });
  console.log(
    `check-reproducible: building into ${outDir}${later ? ' (clock three years on, TZ=Pacific/Kiritimati)' : ''}`,
  );
  const args = [...(later ? ['--import', LATER] : []), 'scripts/build.ts', '--outDir', outDir];
  const result = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: later ? { ...process.env, TZ: 'Pacific/Kiritimati' } : process.env,
  });
  if (result.status !== 0) {
    console.error(`check-reproducible: the build into ${outDir} failed (exit ${result.status}); run npm run build`);
    process.exit(1);
  }
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

const root = mkdtempSync(join(tmpdir(), 'kb-reproducible-'));
const [first, second] = [join(root, 'a'), join(root, 'b')];
build(first, false);
build(second, true);
const a = digests(first);
const b = digests(second);
const differing = [...new Set([...a.keys(), ...b.keys()])]
  .sort()
  .filter((file) => a.get(file) !== b.get(file))
  .map((file) =>
    !a.has(file) ? `${file} (only in the second build)` : !b.has(file) ? `${file} (only in the first build)` : file,
  );

if (!values.keep) rmSync(root, { recursive: true, force: true });
if (differing.length === 0) {
  console.log(`check-reproducible: two clean builds are byte-identical (${a.size} files)`);
} else {
  console.error(`check-reproducible: two clean builds differ in ${differing.length} of ${a.size} files:`);
  for (const file of differing.slice(0, SHOW)) console.error(`  ${file}`);
  if (differing.length > SHOW) console.error(`  … and ${differing.length - SHOW} more`);
  console.error(
    values.keep
      ? `compare them with: diff -r ${first} ${second}`
      : 'run with --keep to keep both builds and compare them (e.g. diff -r)',
  );
  process.exitCode = 1;
}
