// Copy and wrap buttons for code blocks, and keyboard access to blocks that scroll.
// The build marks what is not code (prompts, shell output, removed diff lines), so
// this only has to leave those out.
import { focusableWhileOverflowing } from './scrollable.ts';
import { OUTPUT_CLASS, PROMPT_CLASS } from '../shared/shell-session.ts';

/** The text a reader means to copy: no prompts, no output, no removed lines, no line numbers. */
export function copyableText(pre: HTMLElement): string {
  const lines = [...pre.querySelectorAll<HTMLElement>('.line')];
  if (lines.length === 0) return pre.innerText;
  return lines
    .filter((line) => !line.matches(`.${OUTPUT_CLASS}, .diff.remove`))
    .map((line) => {
      const clone = line.cloneNode(true) as HTMLElement;
      clone.querySelectorAll(`.${PROMPT_CLASS}`).forEach((p) => p.remove());
      return clone.textContent ?? '';
    })
    .join('\n');
}

let announcer: HTMLElement | undefined;
function announce(message: string): void {
  if (!announcer) {
    announcer = document.createElement('div');
    announcer.className = 'sr-only';
    announcer.setAttribute('aria-live', 'polite');
    document.body.append(announcer);
  }
  announcer.textContent = '';
  // A fresh text node after clearing makes screen readers announce repeated messages.
  setTimeout(() => (announcer!.textContent = message), 50);
}

function button(label: string, className: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `code-btn ${className}`;
  b.textContent = label;
  return b;
}

export function enhanceCodeBlocks(root: ParentNode = document): void {
  const figures = [...root.querySelectorAll<HTMLElement>('figure.code')];
  for (const figure of figures) {
    const pre = figure.querySelector<HTMLElement>('pre');
    const bar = figure.querySelector('.code-bar');
    if (!pre || !bar) continue;
    const wrap = button('Wrap', 'code-wrap');
    wrap.setAttribute('aria-pressed', 'false');
    wrap.addEventListener('click', () => {
      const on = figure.classList.toggle('wrap');
      wrap.setAttribute('aria-pressed', String(on));
    });
    const copy = button('Copy', 'code-copy');
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(copyableText(pre));
        copy.textContent = 'Copied';
        announce('Code copied to clipboard');
      } catch {
        copy.textContent = 'Copy failed';
        announce('Copy failed: select the code and copy it by hand');
      }
      setTimeout(() => (copy.textContent = 'Copy'), 2000);
    });
    bar.append(wrap, copy);
  }
  focusableWhileOverflowing(
    figures.map((f) => f.querySelector<HTMLElement>('pre')).filter((p): p is HTMLElement => !!p),
    (pre) => {
      const figure = pre.closest('figure');
      const name =
        figure?.querySelector('.code-title')?.textContent ?? figure?.querySelector('.code-lang')?.textContent ?? 'Code';
      return `${name} (scrollable code)`;
    },
  );
}
