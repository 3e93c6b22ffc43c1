/**
 * Starts drawing the preview images at the very start of a build, from each article file's
 * frontmatter, in their low-priority workers: the content check and Astro's sync and bundling
 * that follow keep about one core busy, and the images took 24 s of CPU at 1,000 articles,
 * most of it in the pages phase, where both cores are. The pages wait for this batch and draw
 * whatever it missed (src/data/preview-cards.ts), so a card that differs from the page's (a
 * broken file, which the check then stops) is only drawn twice, never wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { parse } from 'yaml';
import { EARLY_PREVIEW_BATCH, cardFor, siteCard } from '../../data/preview-card-list.ts';
import { splitFrontmatter } from '../../lib/frontmatter-source.ts';
import { loadVocabulary } from '../../lib/vocabulary.ts';
import { drawMissing } from './index.ts';

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
        let batch: Promise<unknown>;
        try {
          batch = drawMissing(earlyPreviewCards(contentDir));
        } catch (error) {
          batch = Promise.reject(error);
        }
        batch.catch(() => {});
        (globalThis as Record<symbol, Promise<unknown>>)[EARLY_PREVIEW_BATCH] = batch;
      },
    },
  };
}
