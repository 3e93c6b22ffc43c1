/**
 * Where the search index lives, for the build that writes it (src/integrations/search-index.ts),
 * the browser code that loads it (src/client/search-ui.ts) and the scripts that measure it.
 */

/** Folder of the index in the build (dist/pagefind/) and its URL. */
export const SEARCH_BUNDLE_DIR = 'pagefind';
export const SEARCH_BUNDLE_PATH = `/${SEARCH_BUNDLE_DIR}/`;

/** The index's word list for typo correction, written by the build next to Pagefind's files. */
export const SEARCH_VOCABULARY_FILE = 'kb-vocabulary.json';
