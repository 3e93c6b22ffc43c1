/** A preview-image worker thread: renders the cards it is sent and writes each PNG. */
import { writeFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { renderCard } from './render.ts';
import type { PreviewCard } from '../../lib/preview-image.ts';

const jobs = workerData as Array<{ card: PreviewCard; file: string }>;
for (const job of jobs) await writeFile(job.file, await renderCard(job.card));
parentPort?.postMessage('done');
