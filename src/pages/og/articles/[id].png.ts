import type { APIRoute, GetStaticPaths } from 'astro';
import { catalog, type Article } from '../../../data/catalog.ts';
import { drawAllPreviewImages } from '../../../data/preview-cards.ts';
import { cardFor } from '../../../data/preview-card-list.ts';
import { previewImage } from '../../../integrations/preview-images/index.ts';
import { cardKey } from '../../../lib/preview-image.ts';
import { previewImageKey } from '../../../lib/page-cache-keys.ts';

/** Each article's preview image (og:image), at articlePreviewImagePath(id). */
export const getStaticPaths = (async () => {
  const { articles, topicLabel } = await catalog();
  return articles.map((article) => ({
    params: { id: article.id },
    props: { article },
    cacheKey: previewImageKey(cardKey(cardFor(article, topicLabel))),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { article } = props as { article: Article };
  if (!import.meta.env.DEV) await drawAllPreviewImages();
  const png = await previewImage(cardFor(article, (await catalog()).topicLabel));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
