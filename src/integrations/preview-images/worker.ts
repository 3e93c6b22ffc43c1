/** A preview-image worker thread: renders the cards it is sent and writes each PNG. */
import { writeFile } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';
import { renderCard } from './render.ts';
import type { PreviewCard } from '../../lib/preview-image.ts';

// The batch draws while the main thread generates pages (src/pages/articles/[id].astro
// starts it), and the page loop is what the build waits for: at the lowest priority the
// images take only the CPU the pages leave over, instead of taking turns with them. On
// Linux, setpriority for pid 0 applies to the calling thread only; elsewhere it may be
// refused, which costs nothing but the overlap.
try {
  setPriority(19);
} catch {
  // Not allowed here: draw at normal priority.
}

const jobs = workerData as Array<{ card: PreviewCard; file: string }>;
for (const job of jobs) await writeFile(job.file, await renderCard(job.card));
