/**
 * Consecutive code fences with a `tab="…"` meta become one tab group:
 *
 *   ```bash tab="bash"            <div class="code-tabs" data-tabs="bash|PowerShell">
 *   …                               <div class="code-tab-panel" data-tab="bash">
 *   ```                               <p class="code-tab-label">bash</p><figure class="code">…</figure>
 *   ```powershell tab="PowerShell"  </div>
 *   …                               <div class="code-tab-panel" data-tab="PowerShell">…</div>
 *   ```                           </div>
 *
 * Without JavaScript every panel shows under its label; src/client/code-tabs.ts turns
 * the group into WAI-ARIA tabs. In GitHub's file view the fences simply follow each other.
 * Runs after Shiki: the code-frame transformer copies the meta to `data-tab` on the figure.
 */
import type { Element, ElementContent } from 'hast';
import type { HastPluginDefinition } from 'satteri';

type Child = Readonly<ElementContent>;

export function tabLabel(node: Child | undefined): string | undefined {
  if (node?.type !== 'element' || node.tagName !== 'figure') return undefined;
  const value = node.properties?.['data-tab'] ?? node.properties?.dataTab;
  return typeof value === 'string' && value ? value : undefined;
}

const isBlank = (node: Child | undefined) => node?.type === 'text' && !node.value.trim();

/** The group for a run of labelled figures. */
export function tabGroup(figures: readonly Element[]): Element {
  const labels = figures.map((f) => tabLabel(f)!);
  return {
    type: 'element',
    tagName: 'div',
    properties: { class: 'code-tabs', 'data-tabs': labels.join('|') },
    children: figures.map((figure, i) => ({
      type: 'element',
      tagName: 'div',
      properties: { class: 'code-tab-panel', 'data-tab': labels[i]! },
      children: [
        {
          type: 'element',
          tagName: 'p',
          properties: { class: 'code-tab-label' },
          children: [{ type: 'text', value: labels[i]! }],
        },
        figure,
      ],
    })),
  };
}

export const codeTabs: HastPluginDefinition = {
  name: 'kb:code-tabs',
  element: {
    filter: ['figure'],
    visit(node, ctx) {
      if (!tabLabel(node)) return;
      const parent = ctx.parent(node);
      const index = ctx.indexOf(node);
      if (!parent || index === undefined) return;
      const siblings = parent.children as readonly Child[];
      // Only the first figure of a run builds the group; the others are moved into it.
      let before = index - 1;
      while (isBlank(siblings[before])) before--;
      if (tabLabel(siblings[before])) return;
      const run: Element[] = [node as Element];
      const absorbed: Child[] = [];
      let blanks: Child[] = [];
      for (let i = index + 1; i < siblings.length; i++) {
        const sibling = siblings[i]!;
        if (isBlank(sibling)) {
          blanks.push(sibling);
          continue;
        }
        if (!tabLabel(sibling)) break;
        // A copy: the sibling is a handle into Sätteri's tree, and removing it below would
        // also empty a group that referenced it.
        run.push(structuredClone(sibling) as Element);
        absorbed.push(...blanks, sibling);
        blanks = [];
      }
      if (run.length < 2) return;
      for (const sibling of absorbed) ctx.removeNode(sibling as never);
      return tabGroup(run);
    },
  },
};
