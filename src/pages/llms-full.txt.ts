import type { APIRoute } from 'astro';
import { catalog } from '../data/catalog.ts';
import { plainText, twinArticle, twinContext } from '../data/machine-readable.ts';
import { site } from '../site.config.ts';
import { LLMS_FULL_TXT_END, llmsFullTxtEntry, llmsFullTxtHead } from '../lib/markdown-twin.ts';

/**
 * /llms-full.txt: every published article's Markdown twin in one file, newest first. Streamed,
 * one article's body read and written at a time (see llmsFullTxt in src/lib/markdown-twin.ts).
 */
export const GET: APIRoute = async () => {
  const all = await catalog();
  const context = twinContext(all);
  const encoder = new TextEncoder();
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(llmsFullTxtHead({ ...context, description: site.description })));
    },
    async pull(controller) {
      const article = all.articles[next++];
      if (!article) {
        controller.enqueue(encoder.encode(LLMS_FULL_TXT_END));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(llmsFullTxtEntry(await twinArticle(article), context)));
    },
  });
  return plainText(body);
};
