import type { APIRoute } from 'astro';
import { catalog } from '../data/catalog.ts';
import { plainText, twinSite } from '../data/machine-readable.ts';
import { llmsTxt } from '../lib/markdown-twin.ts';

/** /llms.txt (llmstxt.org): every published article by topic, linking its Markdown twin. */
export const GET: APIRoute = async () => {
  const all = await catalog();
  return plainText(llmsTxt({ ...twinSite(all), topics: all.topics.map((t) => t.id) }));
};
