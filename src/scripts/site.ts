// Browser code every page loads: the theme picker and the search shortcut. Kept tiny;
// the search UI itself is fetched only when the reader opens search.
const root = document.documentElement;
const select = document.querySelector<HTMLSelectElement>('[data-theme-select]');
if (select) {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem('theme');
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
      if (value === 'system') localStorage.removeItem('theme');
      else localStorage.setItem('theme', value);
    } catch {
      /* not remembered, but applied */
    }
  });
}
