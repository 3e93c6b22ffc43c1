import type { APIRoute } from 'astro';
import { catalog } from '../data/catalog.ts';
import { twinArticle, twinContext } from '../data/machine-readable.ts';
import { llmsFullTxt } from '../lib/markdown-twin.ts';
import { site } from '../site.config.ts';

/** /llms-full.txt: every published article's Markdown twin in one file, newest first. */
export const GET: APIRoute = async () => {
  const all = await catalog();
  const text = llmsFullTxt({
    ...twinContext(all),
    description: site.description,
    articles: all.articles.map(twinArticle),
  });
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
