import type { APIRoute, GetStaticPaths } from 'astro';
import { catalog, type Article } from '../../../data/catalog.ts';
import { cardFor, drawAllPreviewImages } from '../../../data/preview-cards.ts';
import { previewImage } from '../../../integrations/preview-images/index.ts';

/** Each article's preview image (og:image), at articlePreviewImagePath(id). */
export const getStaticPaths = (async () => {
  const { articles } = await catalog();
  return articles.map((article) => ({ params: { id: article.id }, props: { article } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { article } = props as { article: Article };
  if (!import.meta.env.DEV) await drawAllPreviewImages();
  const png = await previewImage(cardFor(article, (await catalog()).topicLabel));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
