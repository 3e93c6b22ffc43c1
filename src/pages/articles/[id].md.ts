import type { APIRoute, GetStaticPaths } from 'astro';
import { catalog, type Article } from '../../data/catalog.ts';
import { twinArticle, twinContext } from '../../data/machine-readable.ts';
import { articleTwin } from '../../lib/markdown-twin.ts';
import { articleTwinCacheKey } from '../../data/page-cache-keys.ts';

/** Each article's Markdown twin, at markdownTwinPath(id) (src/lib/machine-routes.ts). */
export const getStaticPaths = (async () => {
  const { articles } = await catalog();
  return Promise.all(
    articles.map(async (article) => ({
      params: { id: article.id },
      props: { article },
      cacheKey: await articleTwinCacheKey(article),
    })),
  );
}) satisfies GetStaticPaths;

/**
 * A UTF-8 byte-order mark first: `astro preview`, and hosts that do not add a charset,
 * send `text/markdown` without one, and browsers then decode the file as Windows-1252
 * ("−" becomes "âˆ’"). The mark makes every browser read UTF-8; fetch().text() and
 * other decoders drop it.
 */
const BYTE_ORDER_MARK = '\uFEFF';

export const GET: APIRoute = async ({ props }) => {
  const { article } = props as { article: Article };
  return new Response(BYTE_ORDER_MARK + articleTwin(await twinArticle(article), twinContext(await catalog())), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
};
