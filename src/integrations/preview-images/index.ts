/**
 * Preview images at build time, cached by their inputs. An image's file name in the
 * cache is a hash of its laid-out card (text and layout, see cardKey) and of the
 * renderer's and font's versions, so a rebuild only draws what changed and an
 * unchanged site draws nothing. The cache lives with the build's others (.cache/,
 * KB_CACHE_DIR; a cold cache only costs time).
 *
 * Drawing costs tens of milliseconds of CPU per image, so a large batch is split across
 * worker threads, one per core (at 10,000 articles that is the difference between minutes
 * and a fraction of them); a handful is drawn in this thread, where starting workers would
 * cost more than it saves. The batch runs while the pages are generated
 * (src/pages/articles/[id].astro starts it), beside the render workers
 * (src/data/render-pool.ts), at the lowest thread priority (worker.ts), so it takes what the
 * page loop and the renders leave. One per core, not one per core but one: in a cold build
 * of 1,000 articles on 2 cores the one image worker was busy for 24 s, the last 8 s of the
 * pages phase with nothing else running; with two, the build took 43.2 s instead of 51.8 s at
 * the same peak RSS (1.22 and 1.20 GB).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { cacheDir } from '../../data/build-cache.ts';
import { runWorkerThread } from '../../lib/concurrency.ts';
import { join, resolve } from 'node:path';
import { cardKey, type PreviewCard } from '../../lib/preview-image.ts';
import { renderCard, rendererVersion } from './render.ts';

/** With the build's other caches (KB_CACHE_DIR), so a cold build in a fresh cache folder draws them all. */
export const PREVIEW_CACHE_DIR = process.env.KB_PREVIEW_CACHE ?? cacheDir('preview-images');
/** Worker threads to use, when set (0 draws in this thread); by default one per core for a large batch. */
const WORKERS_FROM_ENV = process.env.KB_PREVIEW_WORKERS ? Number(process.env.KB_PREVIEW_WORKERS) : undefined;
/** Below this many images to draw, workers cost more to start than they save. */
const WORKER_THRESHOLD = 12;
// The worker runs as plain Node (type stripping), outside Vite's bundle, so it is found
// from the project root, where every build and script runs.
const WORKER_FILE = resolve('src/integrations/preview-images/worker.ts');

let version: string | undefined;
export function cacheFile(card: PreviewCard, cacheDir = PREVIEW_CACHE_DIR): string {
  version ??= rendererVersion();
  const hash = createHash('sha256').update(version).update('\0').update(cardKey(card)).digest('hex').slice(0, 32);
  return join(cacheDir, `${hash}.png`);
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes the half-drawn images of builds that did not finish: a build the content check stops
 * (its images were started with the build, src/integrations/preview-images/early.ts) or one that
 * was killed leaves its `<hash>.png.<pid>.tmp` files behind.
 */
async function removeUnfinished(cacheDir: string): Promise<void> {
  for (const name of await readdir(cacheDir)) {
    const pid = /\.png\.(\d+)\.tmp$/.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !isRunning(Number(pid))) await rm(join(cacheDir, name), { force: true });
  }
}

export interface DrawStats {
  drawn: number;
  cached: number;
  workers: number;
}

/** Makes sure every card has its PNG in the cache; returns what it had to draw. */
export async function drawMissing(
  cards: readonly PreviewCard[],
  cacheDir = PREVIEW_CACHE_DIR,
  /** How many worker threads; by default none for a handful of images, else one per core. */
  workerCount = WORKERS_FROM_ENV,
): Promise<DrawStats> {
  await mkdir(cacheDir, { recursive: true });
  await removeUnfinished(cacheDir);
  const seen = new Set<string>();
  const missing: Array<{ card: PreviewCard; file: string }> = [];
  for (const card of cards) {
    const file = cacheFile(card, cacheDir);
    if (seen.has(file) || existsSync(file)) continue;
    seen.add(file);
    missing.push({ card, file });
  }
  // Written under a temporary name first, so an interrupted build never leaves a half file in the cache.
  const jobs = missing.map((m) => ({ card: m.card, file: `${m.file}.${process.pid}.tmp` }));
  const workers = Math.min(
    jobs.length,
    workerCount ??
      (jobs.length < WORKER_THRESHOLD || !existsSync(WORKER_FILE)
        ? 0
        : Math.min(availableParallelism(), Math.ceil(jobs.length / WORKER_THRESHOLD))),
  );
  if (workers === 0) {
    for (const job of jobs) await writeFile(job.file, await renderCard(job.card));
  } else {
    const share = Math.ceil(jobs.length / workers);
    await Promise.all(
      Array.from({ length: workers }, (_, i) =>
        runWorkerThread(WORKER_FILE, jobs.slice(i * share, (i + 1) * share), 'preview image'),
      ),
    );
  }
  await Promise.all(missing.map((m, i) => rename(jobs[i]!.file, m.file)));
  return { drawn: missing.length, cached: cards.length - missing.length, workers };
}

/** The PNG for a card, drawn now if the cache does not have it. */
export async function previewImage(card: PreviewCard, cacheDir = PREVIEW_CACHE_DIR): Promise<Buffer> {
  const file = cacheFile(card, cacheDir);
  if (!existsSync(file)) await drawMissing([card], cacheDir);
  return readFile(file);
}
