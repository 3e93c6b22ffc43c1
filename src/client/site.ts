// Browser code every page loads: the theme picker and the search entry points. Kept
// tiny; the search UI and its assets are fetched only when the reader opens search.
import { HIGHLIGHT_PARAM } from '../shared/search-params.ts';
import { THEME_STORAGE_KEY } from '../shared/theme.ts';

const root = document.documentElement;
const select = document.querySelector<HTMLSelectElement>('[data-theme-select]');
if (select) {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(THEME_STORAGE_KEY);
  } catch {
    /* storage may be blocked; the system theme still applies */
  }
  select.value = saved === 'light' || saved === 'dark' ? saved : 'system';
  select.closest('label')?.removeAttribute('hidden');
  select.addEventListener('change', () => {
    const value = select.value;
    if (value === 'light' || value === 'dark') root.dataset.theme = value;
    else delete root.dataset.theme;
    try {
      if (value === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, value);
    } catch {
      /* applied, just not remembered */
    }
  });
}

// Search: the header link goes to /search/ without JavaScript; with it, the link, `/`
// and Ctrl/Cmd+K open the search dialog in place.
const trigger = document.querySelector<HTMLAnchorElement>('[data-search-trigger]');
const onSearchPage = !!document.querySelector('[data-search-page]');
function openSearch(): void {
  // Should the search code fail to load (offline, a stale chunk), the link's own page still works.
  import('./search-ui.ts')
    .then((ui) => ui.openSearchModal(trigger))
    .catch(() => trigger && location.assign(trigger.href));
}
if (trigger && !onSearchPage) {
  trigger.setAttribute('aria-keyshortcuts', '/ Control+K Meta+K');
  trigger.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    openSearch();
  });
  addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const typing = !!target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], dialog');
    const isShortcut =
      (event.key === '/' && !typing) || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k');
    if (!isShortcut || event.altKey) return;
    event.preventDefault();
    openSearch();
  });
}
if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) {
  import('./search-ui.ts').then((ui) => ui.highlightSearchTerms());
}
