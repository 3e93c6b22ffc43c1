/**
 * The catalog as the pure Markdown-twin and llms.txt builders take it
 * (src/lib/markdown-twin.ts): one place that says which site facts the plain-text
 * versions carry.
 */
import { site } from '../site.config.ts';
import type { TwinArticle, TwinContext } from '../lib/markdown-twin.ts';
import type { Article, Catalog } from './catalog.ts';

export const twinContext = (catalog: Catalog): TwinContext => ({
  siteUrl: site.url,
  siteName: site.name,
  topicLabel: catalog.topicLabel,
  tagLabel: catalog.tagLabel,
});

export const twinArticle = (article: Article): TwinArticle => ({
  id: article.id,
  data: article.data,
  body: article.body ?? '',
});

/** What /llms.txt and /llms-full.txt are made from: the site's context and every published article. */
export const twinSite = (catalog: Catalog) => ({
  ...twinContext(catalog),
  description: site.description,
  articles: catalog.articles.map(twinArticle),
});

/** A plain-text response, as the text endpoints serve it. */
export const plainText = (text: string): Response =>
  new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
