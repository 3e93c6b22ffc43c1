/**
 * A search shard indexed in a worker thread (src/integrations/search-shards.ts), so that
 * it has a Pagefind process of its own; an error fails the worker, and so the build.
 */
import { workerData } from 'node:worker_threads';
import { indexShard, type ShardTask } from './search-shards.ts';

await indexShard(workerData as ShardTask);
