/**
 * ```diagram fences hold a small YAML description of a flow or a loop, rendered at
 * build time to an ordered list styled as a diagram. The list is the text
 * alternative: screen readers and text browsers get the same steps in order, the
 * colours come from the theme's CSS variables, and no JavaScript or headless browser
 * is involved. In GitHub's file view the fence still reads as a list of steps.
 */
import { parse } from 'yaml';
import { z } from 'astro/zod';
import type { Element, ElementContent } from 'hast';
import type { HastPluginDefinition } from 'satteri';

const step = z.union([z.string().min(1), z.object({ label: z.string().min(1), note: z.string().optional() }).strict()]);
const sequence = z.object({
  title: z.string().min(1).optional(),
  kind: z.enum(['flow', 'cycle'], { error: "kind must be 'flow' or 'cycle'" }).default('flow'),
  steps: z.array(step, { error: 'steps must be a list' }).min(2, { error: 'a diagram needs at least two steps' }),
});
const diagramSchema = z.union([
  sequence
    .extend({ caption: z.string().min(1, { error: 'caption is required: say what the diagram shows' }) })
    .strict(),
  z
    .object({
      kind: z.literal('compare'),
      caption: z.string().min(1, { error: 'caption is required: say what the diagram shows' }),
      columns: z
        .array(sequence.extend({ title: z.string().min(1) }).strict())
        .min(2)
        .max(3),
    })
    .strict(),
]);
export type Diagram = z.output<typeof diagramSchema>;
type Sequence = z.output<typeof sequence>;

export class DiagramError extends Error {}

export function parseDiagram(source: string): Diagram {
  let data: unknown;
  try {
    data = parse(source);
  } catch (error) {
    throw new DiagramError(`diagram is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const result = diagramSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    throw new DiagramError(
      `diagram ${where}${issue.message}. Expected kind: flow|cycle with caption and steps, or kind: compare with caption and columns.`,
    );
  }
  return result.data;
}

const text = (value: string): ElementContent => ({ type: 'text', value });
const el = (tagName: string, className: string, children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties: { class: className },
  children,
});

function renderSequence(seq: Sequence): Element[] {
  const items = seq.steps.map((s) => {
    const { label, note } = typeof s === 'string' ? { label: s, note: undefined } : s;
    return el('li', 'diagram-step', [
      el('span', 'diagram-label', [text(label)]),
      ...(note ? [el('span', 'diagram-note', [text(note)])] : []),
    ]);
  });
  // Up to four steps fit side by side on a wide screen; longer sequences run top to bottom.
  const direction = seq.steps.length <= 4 ? 'diagram-across' : 'diagram-down';
  const parts: Element[] = [el('ol', `diagram-steps diagram-${seq.kind} ${direction}`, items)];
  if (seq.kind === 'cycle') parts.push(el('p', 'diagram-loop', [text('Then back to step 1: the loop repeats.')]));
  return parts;
}

export function renderDiagram(diagram: Diagram): Element {
  const body: Element[] =
    diagram.kind === 'compare'
      ? [
          el(
            'div',
            'diagram-columns',
            diagram.columns.map((column) =>
              el('div', 'diagram-column', [
                el('p', 'diagram-column-title', [text(column.title)]),
                ...renderSequence(column),
              ]),
            ),
          ),
        ]
      : renderSequence(diagram);
  return el('figure', `diagram diagram-kind-${diagram.kind}`, [
    ...body,
    el('figcaption', 'diagram-caption', [text(diagram.caption)]),
  ]);
}

export const diagrams: HastPluginDefinition = {
  name: 'kb:diagrams',
  element: {
    filter: ['pre'],
    visit(node, ctx) {
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      const className = code?.properties?.className ?? code?.properties?.class;
      const classes = Array.isArray(className) ? className.map(String) : String(className ?? '').split(/\s+/);
      if (!code || !classes.includes('language-diagram')) return;
      try {
        return renderDiagram(parseDiagram(ctx.textContent(code)));
      } catch (error) {
        const file = ctx.fileURL ? decodeURIComponent(ctx.fileURL.pathname) : 'a content file';
        throw new Error(`${file}: ${(error as Error).message}`);
      }
    },
  },
};
