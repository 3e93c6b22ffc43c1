/**
 * The preview card of every page that has its own (each article, and the site's for
 * every other page), and one batch that draws the missing ones before the first image
 * endpoint answers, so drawing runs in parallel instead of one page at a time.
 */
import { site } from '../site.config.ts';
import { articleCard, type PreviewCard } from '../lib/preview-image.ts';
import { drawMissing } from '../integrations/preview-images/index.ts';
import { catalog, type Article } from './catalog.ts';

export const siteCard: PreviewCard = {
  title: site.name,
  kicker: 'Verified, hands-on DevOps guides',
  badge: 'Terraform · Kubernetes · AWS',
  siteName: new URL(site.url).host,
};

export function cardFor(article: Article, topicLabel: (id: string) => string): PreviewCard {
  return articleCard({
    title: article.data.title,
    topicLabel: topicLabel(article.data.topic),
    level: article.data.level,
    siteName: site.name,
  });
}

let batch: Promise<void> | undefined;
export function drawAllPreviewImages(): Promise<void> {
  batch ??= (async () => {
    const { articles, topicLabel } = await catalog();
    const started = performance.now();
    const stats = await drawMissing([siteCard, ...articles.map((a) => cardFor(a, topicLabel))]);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(
      `preview images: ${stats.drawn} drawn${stats.workers ? ` in ${stats.workers} workers` : ''}, ${stats.cached} from the cache (${seconds} s)`,
    );
  })();
  return batch;
}
