/**
 * A render worker thread (src/data/render-pool.ts): reads each article file it is sent,
 * renders the body through the site's pipeline (render-markdown.ts, with its disk cache
 * and code-block memo) and posts the result back. Runs as plain Node (type stripping),
 * outside Vite's bundle, like the preview-image worker.
 */
import { parentPort } from 'node:worker_threads';
import { renderFile, renderStats } from './render-markdown.ts';
import type { RenderReply, RenderRequest } from './render-pool.ts';

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs as a worker thread (src/data/render-pool.ts)');
port.on('message', async ({ id, file }: RenderRequest) => {
  const before = { ...renderStats };
  let reply: RenderReply;
  try {
    reply = { id, result: await renderFile(file) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  reply.stats = {
    rendered: renderStats.rendered - before.rendered,
    cached: renderStats.cached - before.cached,
    ms: renderStats.ms - before.ms,
  };
  port.postMessage(reply);
});
