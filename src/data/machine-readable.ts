/**
 * The catalog as the pure Markdown-twin and llms.txt builders take it
 * (src/lib/markdown-twin.ts): one place that says which site facts the plain-text
 * versions carry.
 */
import { site } from '../site.config.ts';
import type { TwinArticle, TwinContext } from '../lib/markdown-twin.ts';
import type { Article, Catalog } from './catalog.ts';
import { articleBody } from './render.ts';

export const twinContext = (catalog: Catalog): TwinContext => ({
  siteUrl: site.url,
  siteName: site.name,
  topicLabel: catalog.topicLabel,
  tagLabel: catalog.tagLabel,
});

/** The body comes from the article's file: the content store keeps no bodies (src/data/article-loader.ts). */
export const twinArticle = async (article: Article): Promise<TwinArticle> => ({
  id: article.id,
  data: article.data,
  body: await articleBody(article),
});

/** What /llms.txt is made from: the site's context and every published article, without bodies. */
export const twinSite = (catalog: Catalog) => ({
  ...twinContext(catalog),
  description: site.description,
  articles: catalog.articles.map((article): TwinArticle => ({ id: article.id, data: article.data, body: '' })),
});

/** A plain-text response, as the text endpoints serve it. */
export const plainText = (body: string | ReadableStream<Uint8Array>): Response =>
  new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
