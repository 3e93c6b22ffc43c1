/**
 * A generated corpus for benchmarks: the real articles plus variants of them, up to
 * `count` articles, so we can see how the build, pages and search behave at the size
 * the knowledge base will grow to. Variants keep the real bodies (so code, callouts,
 * diagrams and links are realistic) under new slugs and titles.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { locale } from '../../src/lib/locale.ts';

const WORDS = 'latency quota drift rollout canary sidecar webhook tenant backlog throughput retention'.split(' ');

export async function generateCorpus(target: string, count: number, source = 'content'): Promise<number> {
  await rm(target, { recursive: true, force: true });
  await mkdir(join(target, 'articles'), { recursive: true });
  await cp(join(source, 'tags.yaml'), join(target, 'tags.yaml'));
  await cp(join(source, 'topics.yaml'), join(target, 'topics.yaml'));
  // The spell check's word list, when the content folder has one.
  await cp(join(source, 'words.txt'), join(target, 'words.txt')).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  const files = (await readdir(join(source, 'articles'))).filter((f) => /\.mdx?$/.test(f)).sort();
  const originals = await Promise.all(files.map((f) => readFile(join(source, 'articles', f), 'utf8')));
  for (let i = 0; i < count; i++) {
    const base = i % files.length;
    const original = originals[base]!;
    const slug = files[base]!.replace(/\.mdx?$/, '');
    const ext = files[base]!.slice(slug.length);
    if (i < files.length) {
      await writeFile(join(target, 'articles', files[base]!), original);
      continue;
    }
    const n = Math.floor(i / files.length);
    const day = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000 * 0.5).toISOString().slice(0, 10);
    const variant = original
      // Shortened at a word boundary: a cut word would be a misspelling to the spell check.
      .replace(
        /^title: "?(.*?)"?$/m,
        (_, t: string) => `title: "${t.length > 70 ? t.slice(0, 70).replace(/\s+\S*$/, '') : t} (variant ${n})"`,
      )
      .replace(/^pubDate: .*$/m, `pubDate: ${day}`)
      .replace(/^updatedDate: .*\n/m, '')
      .replace(/^redirectFrom:.*\n(?:\s+-.*\n)*/m, '')
      .replace(
        /\n---\n/,
        `\n---\n\nThis variant discusses ${WORDS[i % WORDS.length]} and ${WORDS[(i * 7) % WORDS.length]} (generated ${i}).\n`,
      );
    await writeFile(join(target, 'articles', `${slug}-v${n}${ext}`), variant);
  }
  return count;
}

export function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; ms: number; output: string }> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(command, args, {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code: code ?? 1, ms: performance.now() - start, output }));
  });
}

/** Builds the corpus site into `<dir>/dist` (reusing it when already built for this count). */
export async function buildCorpus(dir: string, count: number): Promise<{ distDir: string; buildMs?: number }> {
  const distDir = join(dir, 'dist');
  const stamp = join(dir, `built-${count}`);
  if (existsSync(stamp) && existsSync(distDir)) return { distDir };
  await generateCorpus(join(dir, 'content'), count);
  const result = await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', distDir], {
    KB_CONTENT_DIR: join(dir, 'content'),
  });
  await writeFile(join(dir, 'build.log'), result.output);
  if (result.code !== 0) throw new Error(`corpus build failed:\n${result.output.slice(-3000)}`);
  await writeFile(stamp, new Date().toISOString());
  return { distDir, buildMs: result.ms };
}

/** The middle value (the upper middle of an even count): what a benchmark reports of its rounds. */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface HistoryEntry {
  date: string;
  commit: string;
  figures: Record<string, number>;
}

/**
 * Each figure's value in the latest earlier run that measured it, with that run's commit.
 * Why not simply the last run: runs measure different sizes (`--articles 100,1000` one day,
 * `10000` the next), and the last run alone left the "before" column empty.
 */
export interface PreviousFigures {
  figures: Record<string, { value: number; commit: string; date: string }>;
}

export function previousFigures(history: readonly HistoryEntry[]): PreviousFigures {
  const figures: PreviousFigures['figures'] = {};
  for (const entry of [...history].reverse())
    for (const [name, value] of Object.entries(entry.figures))
      figures[name] ??= { value, commit: entry.commit, date: entry.date };
  return { figures };
}

/** Appends this run to a JSONL history and returns the earlier runs' figures, for comparison. */
export async function recordRun(file: string, figures: Record<string, number>): Promise<PreviousFigures> {
  const lines = existsSync(file) ? (await readFile(file, 'utf8')).trim().split('\n').filter(Boolean) : [];
  const previous = previousFigures(lines.map((line) => JSON.parse(line) as HistoryEntry));
  const commit = (await run('git', ['rev-parse', '--short', 'HEAD'])).output.trim();
  const entry: HistoryEntry = { date: new Date().toISOString(), commit, figures };
  await writeFile(file, [...lines, JSON.stringify(entry)].join('\n') + '\n');
  return previous;
}

export function printTable(
  figures: Record<string, number>,
  previous: PreviousFigures,
  units: Record<string, string>,
): void {
  const rows = Object.entries(figures).map(([name, value]) => {
    const before = previous.figures[name]?.value;
    const change =
      before === undefined || before === 0
        ? ''
        : `${value >= before ? '+' : ''}${(((value - before) / before) * 100).toFixed(1)}%`;
    return [
      name,
      `${format(value)} ${units[name] ?? ''}`.trim(),
      before === undefined ? '' : `${format(before)}`,
      change,
    ];
  });
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...rows.map((r) => r[i]!.length), ['figure', 'now', 'before', 'change'][i]!.length),
  );
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(['figure', 'now', 'before', 'change']));
  for (const row of rows) console.log(line(row));
  const runs = new Set(
    Object.keys(figures).flatMap((name) => {
      const p = previous.figures[name];
      return p ? [`${p.commit} at ${p.date}`] : [];
    }),
  );
  if (runs.size) console.log(`\n(before = ${[...runs].join('; ')})`);
}

const format = (n: number) => (Number.isInteger(n) ? n.toLocaleString(locale.tag) : n.toFixed(1));
