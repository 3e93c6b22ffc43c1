/**
 * The preview card of every page that has its own (each article, and the site's for
 * every other page), and one batch that draws the missing ones before the first image
 * endpoint answers, so drawing runs in parallel instead of one page at a time.
 */
import { drawMissing } from '../integrations/preview-images/index.ts';
import { EARLY_PREVIEW_BATCH, cardFor, siteCard } from './preview-card-list.ts';
import { catalog } from './catalog.ts';

let batch: Promise<unknown> | undefined;
/**
 * Draws every missing image once per build, before the first image endpoint answers. The
 * build started a batch from the files' frontmatter before Astro synced the content
 * (src/integrations/preview-images/early.ts); it is awaited first, so only what it did not
 * draw (an article whose frontmatter it could not read, or all of them if it failed) is drawn here.
 */
export function drawAllPreviewImages(): Promise<unknown> {
  batch ??= (async () => {
    const early = (globalThis as Record<symbol, Promise<unknown> | undefined>)[EARLY_PREVIEW_BATCH];
    await early?.catch(() => {});
    const { articles, topicLabel } = await catalog();
    return drawMissing([siteCard, ...articles.map((a) => cardFor(a, topicLabel))]);
  })();
  return batch;
}
