/** The early preview-image batch (early.ts), in a thread of its own: reads the cards, then draws them. */
import { workerData } from 'node:worker_threads';
import { earlyPreviewCards } from './early.ts';
import { drawMissing } from './index.ts';

await drawMissing(earlyPreviewCards(workerData as string));
