// Dev only (search-ui.ts imports it under import.meta.env.DEV, so a build drops it): search
// that follows saves. Before each search it reads the dev server's manifest of changes
// (src/shared/dev-search-changes.ts); when that changed, it loads a fresh Pagefind instance
// of the base index merged with the index of the changed pages, hides the base's stale
// copies, and reloads the vocabulary for typo correction.
import { DEV_CHANGES_FILE, hideStale, type DevSearchChanges } from '../shared/dev-search-changes.ts';

interface Response {
  results: Array<{ id: string }>;
  unfilteredResultCount?: number;
}
type Search<R> = (term: string | null, options?: unknown) => Promise<R>;
interface PagefindModule<R> {
  createInstance(options: Record<string, unknown>): {
    mergeIndex(path: string): Promise<void>;
    search: Search<R>;
  };
}

export interface DevSearchOptions<V> {
  /** The search bundle's URL (`/pagefind/`). */
  bundle: string;
  vocabularyFile: string;
  /** Options of the component UI's own instance, for results that look the same. */
  pagefindOptions: Record<string, unknown>;
  createVocabulary(words: string[]): V;
  loadPagefind?: () => Promise<unknown>;
  fetch?: typeof fetch;
}

/** Returns what to search with now: called before each search. */
export function devSearch<R extends Response, V>(
  options: DevSearchOptions<V>,
): () => Promise<{ search: Search<R>; vocabulary: V }> {
  const get = options.fetch ?? ((input, init) => fetch(input, init));
  const load = (options.loadPagefind ??
    (() => import(/* @vite-ignore */ `${options.bundle}pagefind.js`))) as () => Promise<PagefindModule<R>>;
  let current: { version: string; ready: Promise<{ search: Search<R>; vocabulary: V }> } | undefined;
  return async () => {
    const changes = (await (
      await get(`${options.bundle}${DEV_CHANGES_FILE}`, { cache: 'no-store' })
    ).json()) as DevSearchChanges;
    if (current?.version !== changes.version) {
      const ready = (async () => {
        const instance = (await load()).createInstance(options.pagefindOptions);
        if (changes.bundle) await instance.mergeIndex(`${options.bundle}${changes.bundle}`);
        const hidden = new Set(changes.hidden);
        const words = (await (
          await get(`${options.bundle}${options.vocabularyFile}`, { cache: 'no-store' })
        ).json()) as string[];
        return {
          search: async (term: string | null, searchOptions?: unknown) =>
            hideStale(await instance.search(term, searchOptions), hidden),
          vocabulary: options.createVocabulary(words),
        };
      })();
      current = { version: changes.version, ready };
      // A load that failed (the server moved on to newer changes meanwhile) is tried again.
      ready.catch(() => {
        if (current?.ready === ready) current = undefined;
      });
    }
    return current.ready;
  };
}
