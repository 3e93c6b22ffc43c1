import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { catalog } from '../data/catalog.ts';
import { articlePath } from '../lib/routes.ts';
import { site } from '../site.config.ts';

/** Published articles, newest first. @astrojs/rss escapes titles and descriptions. */
export const GET: APIRoute = async () => {
  const { articles } = await catalog();
  return rss({
    title: site.name,
    description: site.description,
    site: site.url,
    trailingSlash: true,
    items: articles.map((a) => ({
      title: a.data.title,
      description: a.data.description,
      pubDate: a.data.pubDate,
      link: articlePath(a.id),
      categories: a.data.tags,
    })),
  });
};
