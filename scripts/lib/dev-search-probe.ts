/**
 * Searches a running `astro dev` server's index from Node the way its search page does in
 * dev: through src/client/dev-search.ts (the base index merged with the changes index,
 * stale copies hidden) and Pagefind's own pagefind.js, fetched from the server. For
 * `npm run bench:dev`, which measures how soon a save is searchable.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { devSearch } from '../../src/client/dev-search.ts';
import { SEARCH_BUNDLE_PATH, SEARCH_VOCABULARY_FILE } from '../../src/shared/search-bundle.ts';

interface Result {
  id: string;
  data(): Promise<{ url: string }>;
}

/** Returns a function that searches for a term and resolves to the result pages' paths. */
export async function devSearchProbe(origin: string): Promise<(term: string) => Promise<string[]>> {
  const bundle = new URL(SEARCH_BUNDLE_PATH, origin).href;
  const response = await fetch(`${bundle}pagefind.js`);
  if (!response.ok) throw new Error(`${bundle}pagefind.js: HTTP ${response.status}`);
  const file = join(await mkdtemp(join(tmpdir(), 'kb-dev-search-')), 'pagefind.js');
  await writeFile(file, await response.text());
  const latest = devSearch<{ results: Result[] }, null>({
    bundle,
    vocabularyFile: SEARCH_VOCABULARY_FILE,
    // basePath: the module's own URL is a file here, not the server's bundle folder.
    pagefindOptions: { basePath: bundle, baseUrl: origin, noWorker: true },
    createVocabulary: () => null,
    loadPagefind: () => import(pathToFileURL(file).href),
  });
  return async (term) => {
    const { search } = await latest();
    const { results } = await search(term);
    return Promise.all(results.map(async (r) => new URL((await r.data()).url, origin).pathname));
  };
}
