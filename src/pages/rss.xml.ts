import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { catalog } from '../data/catalog.ts';
import { articlePath } from '../lib/routes.ts';
import { site } from '../site.config.ts';
import { lastModified } from '../lib/last-modified.ts';

/**
 * Published articles, newest first. @astrojs/rss escapes titles and descriptions. RSS 2.0
 * has no "updated" field, so each item carries Atom's <atom:updated>, the same date as the
 * page's dateModified and the sitemap's lastmod.
 */
export const GET: APIRoute = async () => {
  const { articles } = await catalog();
  return rss({
    title: site.name,
    description: site.description,
    site: site.url,
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    items: articles.map((a) => ({
      title: a.data.title,
      description: a.data.description,
      pubDate: a.data.pubDate,
      link: articlePath(a.id),
      categories: a.data.tags,
      customData: `<atom:updated>${lastModified(a.data).toISOString()}</atom:updated>`,
    })),
  });
};
