// "Copy page" and its menu. Bundled with the article script rather than loaded on
// first use: a separate chunk would cost the page more bytes (the module preload
// helper, and the article script could no longer be inlined) than this code itself.
// Nothing is fetched until the reader presses the button.
import { announce } from './announce.ts';

const LABEL = 'Copy page';

/**
 * The clipboard write starts inside the click, with the twin's text as a promise:
 * Safari refuses a write that starts after an await. writeText is the fallback where
 * ClipboardItem is missing.
 */
function copyTwin(twin: string): Promise<void> {
  const text = fetch(twin).then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))));
  if (!window.ClipboardItem) return text.then((t) => navigator.clipboard.writeText(t));
  return navigator.clipboard.write([
    new ClipboardItem({ 'text/plain': text.then((t) => new Blob([t], { type: 'text/plain' })) }),
  ]);
}

export function enhanceCopyPage(root: ParentNode = document): void {
  const box = root.querySelector<HTMLElement>('[data-copy-page]');
  if (!box) return;
  const button = box.querySelector('button')!;
  const menu = box.querySelector('details')!;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await copyTwin(box.dataset.copyPage!);
      button.textContent = 'Copied';
      announce('Page copied to clipboard as Markdown');
    } catch {
      button.textContent = 'Copy failed';
      announce('Copy failed: open “View as Markdown” and copy it by hand');
    }
    setTimeout(() => (button.textContent = LABEL), 2000);
  });
  // Escape closes the menu and returns focus to its toggle; a click elsewhere closes it.
  menu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !menu.open) return;
    menu.open = false;
    menu.querySelector('summary')?.focus();
  });
  document.addEventListener('click', (event) => {
    if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
  });
}
