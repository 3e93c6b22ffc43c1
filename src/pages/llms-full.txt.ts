import type { APIRoute } from 'astro';
import { catalog } from '../data/catalog.ts';
import { plainText, twinArticle, twinContext } from '../data/machine-readable.ts';
import { outputFilePath, writeParts } from '../data/output-file.ts';
import { site } from '../site.config.ts';
import { LLMS_FULL_TXT_PATH } from '../lib/routes.ts';
import { LLMS_FULL_TXT_END, llmsFullTxtEntry, llmsFullTxtHead } from '../lib/markdown-twin.ts';

/**
 * /llms-full.txt: every published article's Markdown twin in one file, newest first, one
 * article's body read and written at a time (see llmsFullTxt in src/lib/markdown-twin.ts). A
 * build writes the file itself (src/data/output-file.ts: Astro would hold all of it in memory);
 * the dev server streams it.
 */
export const GET: APIRoute = async () => {
  const all = await catalog();
  const context = twinContext(all);
  async function* parts() {
    yield llmsFullTxtHead({ ...context, description: site.description });
    for (const article of all.articles) yield llmsFullTxtEntry(await twinArticle(article), context);
    yield LLMS_FULL_TXT_END;
  }
  const file = outputFilePath(LLMS_FULL_TXT_PATH);
  if (file) {
    await writeParts(file, parts());
    return new Response(null);
  }
  const next = parts();
  const encoder = new TextEncoder();
  return plainText(
    new ReadableStream<Uint8Array>({
      async pull(controller) {
        const part = await next.next();
        if (part.done) controller.close();
        else controller.enqueue(encoder.encode(part.value));
      },
    }),
  );
};
