import type { APIRoute } from 'astro';
import { catalog } from '../data/catalog.ts';
import { plainText, twinSite } from '../data/machine-readable.ts';
import { llmsFullTxt } from '../lib/markdown-twin.ts';

/** /llms-full.txt: every published article's Markdown twin in one file, newest first. */
export const GET: APIRoute = async () => plainText(llmsFullTxt(await twinSite(await catalog(), true)));
