/**
 * Dev only: how the search index follows saves under `astro dev` without rebuilding it.
 * Pagefind cannot replace one page in an index, and rebuilding the index of 1,000 pages takes
 * most of a minute, so the dev server keeps the full index it built once (the base) and, after
 * each save, builds a small second index of only the pages changed since (the changes). The
 * search client merges the two (Pagefind's mergeIndex) and hides the base's copies of the
 * changed and deleted pages, whose result ids this manifest lists.
 *
 * Shared by the dev server (src/integrations/dev-search-index.ts) and the dev search client
 * (src/client/dev-search.ts); a production build has neither.
 */

/** The manifest's file name in the search bundle folder. */
export const DEV_CHANGES_FILE = 'kb-dev-changes.json';
/** The folder (inside the bundle folder) that serves each build of the changes index. */
export const DEV_CHANGES_DIR = 'dev-changes';

export interface DevSearchChanges {
  /** Changes whenever the base or the changes index does: the client reloads on a new one. */
  version: string;
  /** The changes index's bundle folder, relative to the base's, or null when no page changed. */
  bundle: string | null;
  /** Result ids (Pagefind page hashes) of the base's stale copies of changed and deleted pages. */
  hidden: string[];
}

/**
 * The base's result ids of the pages changed or deleted since it was built. A result's id is
 * the hash of the page's indexed content, so a page saved back to what the base holds has the
 * same id in the changes index: that id stays visible (the client drops the duplicate).
 */
export function staleIds(
  baseIdsByUrl: ReadonlyMap<string, readonly string[]>,
  urls: Iterable<string>,
  changesIds: ReadonlySet<string>,
): string[] {
  const ids = new Set<string>();
  for (const url of urls) for (const id of baseIdsByUrl.get(url) ?? []) if (!changesIds.has(id)) ids.add(id);
  return [...ids].sort();
}

interface SearchResponseLike {
  results: Array<{ id: string }>;
  unfilteredResultCount?: number;
}

/**
 * A merged search's response without the hidden (stale) results and without a second copy of
 * a page both indexes hold unchanged, counts adjusted.
 */
export function hideStale<R extends SearchResponseLike>(response: R, hidden: ReadonlySet<string>): R {
  const seen = new Set<string>();
  const results = response.results.filter((r) => {
    if (hidden.has(r.id) || seen.has(r.id)) return false;
    seen.add(r.id);
    return true;
  });
  const removed = response.results.length - results.length;
  if (removed === 0) return response;
  return {
    ...response,
    results,
    ...(response.unfilteredResultCount === undefined
      ? {}
      : { unfilteredResultCount: Math.max(0, response.unfilteredResultCount - removed) }),
  };
}

/** The vocabulary served with the changes: the base's words, then the changed pages' new ones. */
export function mergedVocabulary(base: readonly string[], changed: readonly string[]): string[] {
  const known = new Set(base);
  return [...base, ...changed.filter((w) => !known.has(w))];
}
