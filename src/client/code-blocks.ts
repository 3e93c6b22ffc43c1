// Copy and wrap buttons for code blocks, and keyboard access to blocks that scroll.
// The build marks what is not code (prompts, shell output, removed diff lines), so
// this only has to leave those out.
import { focusableWhileOverflowing } from './scrollable.ts';
import { OUTPUT_CLASS, PROMPT_CLASS } from '../shared/shell-session.ts';
import { announce } from './announce.ts';

/** The code of some lines: no prompts, no output, no removed lines, no copy buttons. */
function linesText(lines: HTMLElement[]): string {
  return lines
    .filter((line) => !line.matches(`.${OUTPUT_CLASS}, .diff.remove`))
    .map((line) => {
      const clone = line.cloneNode(true) as HTMLElement;
      clone.querySelectorAll(`.${PROMPT_CLASS}, .cmd-copy`).forEach((p) => p.remove());
      return clone.textContent ?? '';
    })
    .join('\n');
}

/** The text a reader means to copy: no prompts, no output, no removed lines, no line numbers. */
export function copyableText(pre: HTMLElement): string {
  const lines = [...pre.querySelectorAll<HTMLElement>('.line')];
  if (lines.length === 0) return pre.innerText;
  return linesText(lines);
}

function button(label: string, className: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `code-btn ${className}`;
  b.textContent = label;
  return b;
}

async function copy(text: string, done: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    announce(done);
    return true;
  } catch {
    announce('Copy failed: select the code and copy it by hand');
    return false;
  }
}

/**
 * In a shell session with more than one command, a small button at the end of each
 * command's first line copies that command alone (its continuation lines included,
 * no prompt). The build gives the lines of one command the same data-command.
 */
function addCommandButtons(pre: HTMLElement): void {
  const commands = new Map<string, HTMLElement[]>();
  for (const line of pre.querySelectorAll<HTMLElement>('.line[data-command]')) {
    const lines = commands.get(line.dataset.command!) ?? [];
    commands.set(line.dataset.command!, [...lines, line]);
  }
  if (commands.size < 2) return; // the block's own Copy already takes exactly that command
  for (const lines of commands.values()) {
    const text = linesText(lines);
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'cmd-copy';
    const summary = text.split('\n')[0]!.replace(/\s*\\$/, '');
    b.setAttribute('aria-label', `Copy command: ${summary.length > 60 ? `${summary.slice(0, 57)}…` : summary}`);
    b.textContent = 'copy';
    b.addEventListener('click', async () => {
      if (await copy(text, 'Command copied to clipboard')) {
        b.textContent = 'copied';
        setTimeout(() => (b.textContent = 'copy'), 2000);
      }
    });
    lines[0]!.append(b);
  }
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
    const copyAll = button('Copy', 'code-copy');
    copyAll.addEventListener('click', async () => {
      copyAll.textContent = (await copy(copyableText(pre), 'Code copied to clipboard')) ? 'Copied' : 'Copy failed';
      setTimeout(() => (copyAll.textContent = 'Copy'), 2000);
    });
    bar.append(wrap, copyAll);
    addCommandButtons(pre);
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
