/**
 * The articles collection's loader: Astro's glob loader, except that it keeps
 * rendered HTML and article bodies out of the content layer's data store.
 *
 * Astro keeps every entry of every collection in one data store that it serializes as
 * one string (into the build and .cache/astro/data-store.json). With the glob
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
  const base = resolve(contentDir, 'articles');
  const inner = glob({ pattern: '**/*.{md,mdx}', base, retainBody: false });
  return {
    name: 'kb:articles',
    load: (context: LoaderContext) => {
      // The glob loader keeps a stored entry whose digest matches, with the file path it had:
      // after a build of another content folder (KB_CONTENT_DIR) with the same article, the
      // page's "Edit this page" and dates would point at the other folder's file. Start over
      // whenever the folder changes.
      if (context.meta.get('articles-folder') !== base) {
        context.store.clear();
        context.meta.set('articles-folder', base);
      }
      const { entryTypes } = context as LoaderContext & EntryTypes;
      const markdown = entryTypes.get('.md');
      if (!markdown) return inner.load(context);
      // Without a render function the glob loader stores a .md entry as plain data.
      const types = new Map(entryTypes).set('.md', { ...markdown, getRenderFunction: undefined });
      return inner.load({ ...context, entryTypes: types } as LoaderContext);
    },
  };
}
