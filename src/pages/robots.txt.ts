import type { APIRoute } from 'astro';
import { site } from '../site.config.ts';
import { SITEMAP_INDEX_PATH } from '../lib/routes.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(SITEMAP_INDEX_PATH, site.url).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
