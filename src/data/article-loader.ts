/**
 * The articles collection's loader: Astro's glob loader, except that it keeps
 * rendered HTML and article bodies out of the content layer's data store.
 *
 * Astro keeps every entry of every collection in one data store that it serializes as
 * one string (into the build and node_modules/.astro/data-store.json). With the glob
 * loader's defaults, a `.md` entry carries its body and its rendered HTML, and about
 * 5,000 of our articles pass V8's maximum string length ("Invalid string length").
 * Here the store holds only each article's validated frontmatter, file path and digest
 * (about a kilobyte); the page reads the body from the file and renders it when the
 * page is built (src/data/render.ts), through the same Markdown pipeline and a
 * per-article cache. `.mdx` articles keep Astro's own path (deferred render, one Vite
 * module each), unchanged.
 */
import { resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';

/** What Astro passes besides the documented LoaderContext: its handlers per file extension. */
interface EntryTypes {
  entryTypes: Map<string, { getRenderFunction?: unknown }>;
}

export function articleLoader(contentDir: string): Loader {
  const inner = glob({ pattern: '**/*.{md,mdx}', base: resolve(contentDir, 'articles'), retainBody: false });
  return {
    name: 'kb:articles',
    load: (context: LoaderContext) => {
      const { entryTypes } = context as LoaderContext & EntryTypes;
      const markdown = entryTypes.get('.md');
      if (!markdown) return inner.load(context);
      // Without a render function the glob loader stores a .md entry as plain data.
      const types = new Map(entryTypes).set('.md', { ...markdown, getRenderFunction: undefined });
      return inner.load({ ...context, entryTypes: types } as LoaderContext);
    },
  };
}
