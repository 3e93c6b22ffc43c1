/**
 * localStorage key of the reader's theme choice: Head.astro's first-paint script reads it,
 * src/client/site.ts writes it.
 */
export const THEME_STORAGE_KEY = 'theme';
