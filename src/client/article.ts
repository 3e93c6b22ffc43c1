import { enhanceCodeBlocks } from './code-blocks.ts';
import { enhanceCodeTabs } from './code-tabs.ts';
import { focusableWhileOverflowing } from './scrollable.ts';
import { trackCurrentSection } from './toc.ts';
import { enhanceCopyPage } from './copy-page.ts';

enhanceCodeBlocks();
enhanceCodeTabs();
trackCurrentSection();
focusableWhileOverflowing(document.querySelectorAll<HTMLElement>('.prose table'), (table) => {
  const header = [...table.querySelectorAll('th')]
    .slice(0, 3)
    .map((th) => th.textContent?.trim())
    .join(', ');
  return `Table${header ? `: ${header}` : ''} (scrollable)`;
});
focusableWhileOverflowing(document.querySelectorAll<HTMLElement>('.math-display'), () => 'Formula (scrollable)');
focusableWhileOverflowing(
  document.querySelectorAll<HTMLElement>('.diagram-scroll, .diagram-ascii'),
  (box) => `${box.closest('.diagram')?.querySelector('title')?.textContent ?? 'Diagram'} (scrollable diagram)`,
);

// "Copy page": fetches nothing until the reader presses it or opens its menu.
enhanceCopyPage();
