/**
 * Query parameter carrying the searched words to an article reached from a result. Shared
 * by the always-loaded site script and the lazily loaded search UI, so the page can tell it
 * arrived from a search result without loading any search code.
 */
export const HIGHLIGHT_PARAM = 'highlight';
