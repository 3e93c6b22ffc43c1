/**
 * Which preview cards the site has: the site's own and one per published article. Free of
 * Astro's content modules, so the build can start drawing them before Astro has synced the
 * content (src/integrations/preview-images/early.ts), and the pages (src/data/preview-cards.ts)
 * then find them drawn.
 */
import { site } from '../site.config.ts';
import { articleCard, type PreviewCard } from '../lib/preview-image.ts';

export const siteCard: PreviewCard = {
  title: site.name,
  kicker: 'Verified, hands-on DevOps guides',
  badge: 'Terraform · Kubernetes · AWS',
  siteName: new URL(site.url).host,
};

/** What an article's card shows of it. */
export interface CardArticle {
  data: { title: string; topic: string; level: string };
}

export function cardFor(article: CardArticle, topicLabel: (id: string) => string): PreviewCard {
  return articleCard({
    title: article.data.title,
    topicLabel: topicLabel(article.data.topic),
    level: article.data.level,
    siteName: site.name,
  });
}

/**
 * Where the build keeps the early batch. On globalThis because the integration runs in the
 * config's copy of these modules and the pages in Vite's bundle of them: one process, two
 * module instances.
 */
export const EARLY_PREVIEW_BATCH = Symbol.for('kb.previewImages.early');
