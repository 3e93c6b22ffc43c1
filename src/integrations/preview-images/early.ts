/**
 * Starts drawing the preview images at the very start of a build, from each article file's
 * frontmatter, in their low-priority workers: the content check and Astro's sync and bundling
 * that follow keep about one core busy, and the images took 24 s of CPU at 1,000 articles,
 * most of it in the pages phase, where both cores are. The pages wait for this batch and draw
 * whatever it missed (src/data/preview-cards.ts), so a card that differs from the page's (a
 * broken file, which the check then stops) is only drawn twice, never wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { parse } from 'yaml';
import { EARLY_PREVIEW_BATCH, cardFor, siteCard } from '../../data/preview-card-list.ts';
import { splitFrontmatter } from '../../lib/frontmatter-source.ts';
import { loadVocabulary } from '../../lib/vocabulary.ts';

// Plain Node (type stripping), outside Vite's bundle, found from the project root like the other workers.
const EARLY_WORKER_FILE = resolve('src/integrations/preview-images/early-worker.ts');

/** The cards the pages will ask for, from the files as they are: the site's and one per published article. */
export function earlyPreviewCards(contentDir: string) {
  const labels = new Map(loadVocabulary(contentDir, 'topics').map((t) => [t.id, t.label]));
  const dir = join(contentDir, 'articles');
  const cards = [siteCard];
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!/\.mdx?$/.test(file)) continue;
    try {
      const split = splitFrontmatter(readFileSync(join(dir, file), 'utf8'));
      const data = (split ? parse(split.yaml) : undefined) as Record<string, unknown> | undefined;
      const { title, topic, level, draft } = data ?? {};
      if (draft === true || typeof title !== 'string' || typeof topic !== 'string' || typeof level !== 'string')
        continue;
      cards.push(cardFor({ data: { title, topic, level } }, (id) => labels.get(id) ?? id));
    } catch {
      // The content check names the problem; the page batch draws what is left.
    }
  }
  return cards;
}

export function earlyPreviewImages(contentDir: string): AstroIntegration {
  return {
    name: 'kb:early-preview-images',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        // Reading and parsing 1,000 files' frontmatter takes 0.6 s: in a thread of its own, not
        // on the one the content check is about to use.
        const batch = new Promise<void>((done, fail) => {
          const worker = new Worker(EARLY_WORKER_FILE, { workerData: contentDir });
          worker.once('error', fail);
          worker.once('exit', (code) =>
            code === 0 ? done() : fail(new Error(`early preview image worker exited with ${code}`)),
          );
        });
        batch.catch(() => {});
        (globalThis as Record<symbol, Promise<unknown>>)[EARLY_PREVIEW_BATCH] = batch;
      },
    },
  };
}
