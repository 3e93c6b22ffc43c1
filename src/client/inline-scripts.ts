/**
 * The only scripts written into pages rather than loaded from /_astro/: each must run
 * before first paint, so it cannot wait for a module. The Content Security Policy allows
 * exactly these by their SHA-256 hashes (src/lib/csp.ts), so the layouts render these
 * strings verbatim (`set:html`) and a changed byte changes the hash with it.
 */

import { THEME_STORAGE_KEY } from '../shared/theme.ts';

/** Applies a saved theme before first paint so it never flashes the other one (src/client/site.ts saves it). */
export const THEME_INIT = `try {
  var t = localStorage.getItem('${THEME_STORAGE_KEY}');
  if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
} catch (e) {}`;

/** Collapses the table of contents on narrow screens before first paint; without JS it stays open. */
export const TOC_COLLAPSE = `if (matchMedia('(max-width: 63.99rem)').matches) document.currentScript.previousElementSibling.open = false;`;

export const INLINE_SCRIPTS = [THEME_INIT, TOC_COLLAPSE] as const;
