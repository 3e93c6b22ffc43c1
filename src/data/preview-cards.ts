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

let batch: Promise<unknown> | undefined;
/** Draws every missing image once per build, before the first image endpoint answers. */
export function drawAllPreviewImages(): Promise<unknown> {
  batch ??= catalog().then(({ articles, topicLabel }) =>
    drawMissing([siteCard, ...articles.map((a) => cardFor(a, topicLabel))]),
  );
  return batch;
}
