/**
 * Where the search index lives, for the build that writes it (src/integrations/search-index.ts),
 * the browser code that loads it (src/client/search-ui.ts) and the scripts that measure it.
 */

/** Folder of the index in the build (dist/pagefind/) and its URL. */
export const SEARCH_BUNDLE_DIR = 'pagefind';
export const SEARCH_BUNDLE_PATH = `/${SEARCH_BUNDLE_DIR}/`;

/** The index's word list for typo correction, written by the build next to Pagefind's files. */
export const SEARCH_VOCABULARY_FILE = 'kb-vocabulary.json';

/**
 * A site indexed in shards (src/integrations/search-shards.ts) has its first shard at
 * SEARCH_BUNDLE_PATH and the others in folders under it, which the search UI merges into the
 * first (Pagefind's mergeIndex). The list travels in the vocabulary file, which the UI fetches
 * anyway when search opens, so a sharded site costs no extra request and a site of one index
 * keeps the file it always had: the plain word list.
 */
export interface SearchManifest {
  /** Folders of the other shards, relative to SEARCH_BUNDLE_PATH (`shard-1/`, …). */
  indexes: string[];
  words: string[];
}

/** The vocabulary file's content for one index (the word list) or several (words and folders). */
export function searchManifestJson(words: readonly string[], indexes: readonly string[]): string {
  return JSON.stringify(indexes.length ? { indexes, words } : words);
}

/** Reads the vocabulary file in either form; anything else counts as no words and no shards. */
export function readSearchManifest(data: unknown): SearchManifest {
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  if (Array.isArray(data)) return { indexes: [], words: strings(data) };
  const object = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  return { indexes: strings(object.indexes), words: strings(object.words) };
}
