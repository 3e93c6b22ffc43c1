import { Worker } from 'node:worker_threads';

/**
 * Runs `task` over `items` with at most `limit` in flight, keeping the results in order.
 * Written out rather than taken from p-limit: it is these few lines, and the snippet check
 * and the external link check both want exactly this shape (a bounded pool over a list).
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/**
 * Worker threads a build starts for work the page loop waits on (the render pool): one per
 * core but one, and at least one, since the page loop keeps a core busy itself (the measurement
 * is in src/data/render-pool.ts). The preview images, drawn at the lowest priority to fill what
 * is left, take one per core instead (src/integrations/preview-images/index.ts).
 */
export const workerThreadsBesideMain = (cores: number): number => Math.max(1, cores - 1);

/**
 * Runs `file` in a worker thread with `workerData` and settles when the thread ends: resolved
 * when it exits normally, rejected with its error or exit code (`what` names it in the message).
 */
export function runWorkerThread(file: string, workerData: unknown, what: string): Promise<void> {
  return new Promise((done, fail) => {
    const worker = new Worker(file, { workerData });
    worker.once('error', fail);
    worker.once('exit', (code) => (code === 0 ? done() : fail(new Error(`${what} worker exited with ${code}`))));
  });
}
