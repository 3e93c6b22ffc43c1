/**
 * GitHub alert blockquotes (`> [!TIP]`) become labelled asides. The syntax is the one
 * GitHub renders in its file view, so an article reads the same in a pull request.
 * The label is real text (not an icon or a colour) so every reader gets it.
 */
import type { Element, ElementContent } from 'hast';
import type { HastPluginDefinition } from 'satteri';

export const CALLOUT_KINDS = {
  NOTE: 'Note',
  TIP: 'Tip',
  IMPORTANT: 'Important',
  WARNING: 'Warning',
  CAUTION: 'Caution',
} as const;

const MARKER = /^\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*\n?/;

function firstParagraph(node: Element): Element | undefined {
  return node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'p');
}

/** Pure transform, exported for tests: the aside for a blockquote, or undefined. */
export function calloutFromBlockquote(blockquote: Element): Element | undefined {
  const paragraph = firstParagraph(blockquote);
  const first = paragraph?.children[0];
  if (!paragraph || !first || first.type !== 'text') return undefined;
  const match = MARKER.exec(first.value);
  if (!match) return undefined;
  const kind = match[1] as keyof typeof CALLOUT_KINDS;
  const rest = first.value.slice(match[0].length);
  const paragraphChildren: ElementContent[] = [
    ...(rest ? [{ ...first, value: rest }] : []),
    ...paragraph.children.slice(1),
  ];
  // A marker alone on its line leaves a leading line break; drop it.
  while (paragraphChildren[0]?.type === 'element' && paragraphChildren[0].tagName === 'br') paragraphChildren.shift();
  const body = blockquote.children.flatMap((child): ElementContent[] => {
    if (child !== paragraph) return [child];
    return paragraphChildren.some((c) => c.type !== 'text' || c.value.trim())
      ? [{ ...paragraph, children: paragraphChildren }]
      : [];
  });
  const label = CALLOUT_KINDS[kind];
  return {
    type: 'element',
    tagName: 'aside',
    properties: { class: `callout callout-${kind.toLowerCase()}`, 'aria-label': label },
    children: [
      {
        type: 'element',
        tagName: 'p',
        properties: { class: 'callout-label' },
        children: [{ type: 'text', value: label }],
      },
      ...body,
    ],
  };
}

export const callouts: HastPluginDefinition = {
  name: 'kb:callouts',
  element: {
    filter: ['blockquote'],
    visit(node) {
      return calloutFromBlockquote(node);
    },
  },
};
