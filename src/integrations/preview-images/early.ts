/**
 * Starts drawing the preview images at the very start of a build, from each article file's
 * frontmatter, in their low-priority workers: the content check and Astro's sync and bundling
 * that follow keep about one core busy, and the images took 24 s of CPU at 1,000 articles,
 * most of it in the pages phase, where both cores are. The pages wait for this batch and draw
 * whatever it missed (src/data/preview-cards.ts), so a card that differs from the page's (a
 * broken file, which the check then stops) is only drawn twice, never wrong.
 */
import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { articleFrontmatter } from '../../data/article-frontmatter.ts';
import { EARLY_PREVIEW_BATCH, cardFor, siteCard } from '../../data/preview-card-list.ts';
import { runWorkerThread } from '../../lib/concurrency.ts';
import { loadVocabulary } from '../../lib/vocabulary.ts';

// Plain Node (type stripping), outside Vite's bundle, found from the project root like the other workers.
const EARLY_WORKER_FILE = resolve('src/integrations/preview-images/early-worker.ts');

/** The cards the pages will ask for, from the files as they are: the site's and one per published article. */
export function earlyPreviewCards(contentDir: string) {
  const labels = new Map(loadVocabulary(contentDir, 'topics').map((t) => [t.id, t.label]));
  const articles = articleFrontmatter(contentDir).flatMap((a) => (a.card ? [a.card] : []));
  return [siteCard, ...articles.map((data) => cardFor({ data }, (id) => labels.get(id) ?? id))];
}

export function earlyPreviewImages(contentDir: string): AstroIntegration {
  return {
    name: 'kb:early-preview-images',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        // Reading and parsing 1,000 files' frontmatter takes 0.6 s: in a thread of its own, not
        // on the one the content check is about to use.
        const batch = runWorkerThread(EARLY_WORKER_FILE, contentDir, 'early preview image');
        batch.catch(() => {});
        (globalThis as Record<symbol, Promise<unknown>>)[EARLY_PREVIEW_BATCH] = batch;
      },
    },
  };
}
