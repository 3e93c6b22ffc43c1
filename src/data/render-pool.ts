/**
 * Renders `.md` article bodies in worker threads, a little ahead of the pages that show
 * them, so Astro's page loop (one thread) only assembles pages while the bodies are
 * rendered on the other cores.
 *
 * Why: rendering was the largest part of the pages phase (--cpu-prof of a 1,000-article
 * build: renderMarkdown 16.7 s of a 67 s pages phase even with the code-block memo), all of
 * it on the thread that also writes every page. Pages are generated in the order of
 * getStaticPaths, so when the page for article i asks, the pool sends articles i … i+AHEAD
 * to the workers; a page then usually finds its body done. Memory stays bounded: only
 * those few results wait, never a whole site's HTML.
 *
 * The worker runs the same render-markdown.ts (same cache, same memo, same errors), so a
 * page is byte for byte what in-thread rendering gives (tests/unit/render-pool.test.ts).
 */
import { availableParallelism } from 'node:os';
import { workerThreadsBesideMain } from '../lib/concurrency.ts';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CachedRender } from './render-markdown.ts';
import type { RenderStats } from '../lib/build-phases.ts';

export interface RenderRequest {
  id: number;
  file: string;
}
export type RenderResult = CachedRender & { body: string };
export interface RenderReply {
  id: number;
  result?: RenderResult;
  error?: string;
  stats?: RenderStats;
}

/** How many articles ahead of the page being built go to the workers. */
const AHEAD_PER_WORKER = 4;
// Found from the project root, where every build runs (see preview-images/index.ts).
export const RENDER_WORKER_FILE = resolve('src/data/render-worker.ts');

export class RenderPool {
  readonly #workers: Worker[] = [];
  readonly #idle: Worker[] = [];
  readonly #queue: RenderRequest[] = [];
  readonly #pending = new Map<number, { done: (r: RenderResult) => void; fail: (e: Error) => void }>();
  /** Started renders not yet taken by their page, oldest first. */
  readonly #started = new Map<string, Promise<RenderResult>>();
  readonly #order: string[];
  readonly #position: Map<string, number>;
  readonly #ahead: number;
  readonly #stats: RenderStats;
  #nextToStart = 0;
  #nextId = 0;
  /** Set when a worker died: every render from then on fails with it, none waits forever. */
  #broken: Error | undefined;

  /**
   * @param order the article files in the order their pages will ask for them
   * @param stats counters to add the workers' renders to (the build log's)
   */
  constructor(order: readonly string[], size: number, stats: RenderStats, workerFile = RENDER_WORKER_FILE) {
    this.#order = [...order];
    this.#position = new Map(this.#order.map((file, i) => [file, i]));
    this.#ahead = AHEAD_PER_WORKER * size;
    this.#stats = stats;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerFile);
      worker.on('message', (reply: RenderReply) => this.#answer(worker, reply));
      worker.on('error', (error) => this.#failAll(error));
      worker.on('exit', (code) => this.#failAll(new Error(`render worker exited with code ${code}`)));
      // Idle workers must not keep the build's process alive; a busy one is ref'd again.
      worker.unref();
      this.#workers.push(worker);
      this.#idle.push(worker);
    }
  }

  /** The rendered body of an article file (and the body itself), from a worker. */
  render(file: string): Promise<RenderResult> {
    const position = this.#position.get(file);
    if (position !== undefined) {
      const until = Math.min(position + this.#ahead, this.#order.length - 1);
      // Pages before this one were not asked for and will not be (Astro's incremental build
      // skipped them): start from here, not from the first article. Before this, a rebuild
      // after one change to article 880 of 1,000 had the workers read 882 bodies nobody took.
      this.#nextToStart = Math.max(this.#nextToStart, position);
      for (; this.#nextToStart <= until; this.#nextToStart++) {
        const next = this.#order[this.#nextToStart]!;
        if (!this.#started.has(next)) this.#started.set(next, this.#start(next));
      }
    }
    const started = this.#started.get(file);
    this.#started.delete(file);
    // Renders a page never asked for (another order than expected) are dropped, oldest first.
    for (const [old] of this.#started) {
      if (this.#started.size <= 2 * this.#ahead) break;
      this.#started.delete(old);
    }
    return started ?? this.#start(file);
  }

  /** How many renders were sent to the workers so far (tests: the pool renders ahead). */
  get requested(): number {
    return this.#nextId;
  }

  async close(): Promise<void> {
    this.#broken ??= new Error('render pool closed');
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }

  #start(file: string): Promise<RenderResult> {
    if (this.#broken) return Promise.reject(this.#broken);
    const id = this.#nextId++;
    const result = new Promise<RenderResult>((done, fail) => this.#pending.set(id, { done, fail }));
    // A result nobody takes must not count as an unhandled rejection; the taker still sees the error.
    result.catch(() => {});
    this.#queue.push({ id, file });
    this.#dispatch();
    return result;
  }

  #dispatch(): void {
    while (this.#idle.length && this.#queue.length) {
      const worker = this.#idle.pop()!;
      worker.ref();
      worker.postMessage(this.#queue.shift()!);
    }
  }

  #answer(worker: Worker, reply: RenderReply): void {
    if (reply.stats) {
      this.#stats.rendered += reply.stats.rendered;
      this.#stats.cached += reply.stats.cached;
      this.#stats.ms += reply.stats.ms;
    }
    const job = this.#pending.get(reply.id);
    this.#pending.delete(reply.id);
    if (reply.result) job?.done(reply.result);
    else job?.fail(new Error(reply.error ?? 'render worker: no result'));
    worker.unref();
    this.#idle.push(worker);
    this.#dispatch();
  }

  #failAll(error: Error): void {
    this.#broken ??= error;
    for (const job of this.#pending.values()) job.fail(error);
    this.#pending.clear();
  }
}

/** Below this many `.md` articles, starting workers (each loads Shiki and its grammars) costs more than it saves. */
export const RENDER_WORKER_THRESHOLD = 50;

/**
 * Render workers for a build of `count` `.md` articles: KB_RENDER_WORKERS when set (0 renders
 * in the page's thread), else none for a small site and one per core but one for a large one.
 * Measured at 1,000 articles on 2 cores (cold builds, shared machine): 2 render workers and
 * 2 image workers gave pages 71–107 s and 1.9–2.0 GB peak RSS; 1 and 1 gave 61 s, 1.6 GB
 * and the least CPU. Each worker holds its own Shiki (or satori) and heap.
 */
export function renderWorkerCount(count: number, env = process.env.KB_RENDER_WORKERS): number {
  if (env !== undefined && env !== '') return Math.max(0, Math.floor(Number(env)) || 0);
  return count < RENDER_WORKER_THRESHOLD ? 0 : workerThreadsBesideMain(availableParallelism());
}
