import type { APIRoute } from 'astro';
import { catalog } from '../data/catalog.ts';
import { twinArticle, twinContext } from '../data/machine-readable.ts';
import { llmsTxt } from '../lib/markdown-twin.ts';
import { site } from '../site.config.ts';

/** /llms.txt (llmstxt.org): every published article by topic, linking its Markdown twin. */
export const GET: APIRoute = async () => {
  const all = await catalog();
  const text = llmsTxt({
    ...twinContext(all),
    description: site.description,
    articles: all.articles.map(twinArticle),
    topics: all.topics.map((t) => t.id),
  });
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
