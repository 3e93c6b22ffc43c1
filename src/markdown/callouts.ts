/**
 * GitHub alert blockquotes (`> [!TIP]`) become notes. The syntax is the one GitHub
 * renders in its file view, so an article reads the same in a pull request.
 * The label is real text (not an icon or a colour) so every reader gets it.
 *
 * A callout is a `<div role="note">` (WAI-ARIA: "a section whose content is parenthetic
 * or ancillary to the main content"), not an `<aside>`: an aside is a complementary
 * landmark, so an article with two tips had two landmarks of the same name
 * (axe's landmark-unique), and landmark menus filled with every callout. GitHub uses a
 * plain `<div>` with the same visible title; role="note" adds what it is.
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

/** Pure transform, exported for tests: the note for a blockquote, or undefined. */
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
    tagName: 'div',
    properties: { class: `callout callout-${kind.toLowerCase()}`, role: 'note' },
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
