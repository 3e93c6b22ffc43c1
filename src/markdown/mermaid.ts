/**
 * ```mermaid fences become inline SVG at build time (beautiful-mermaid: no browser, no
 * DOM). GitHub renders the same fence in a pull request, so the source stays readable.
 *
 * What we add around the renderer, and why:
 * - Its SVG carries a <style> element (a Google Fonts @import plus colour derivations)
 *   and a style attribute. Both would fetch from another origin or need
 *   'unsafe-inline' under the site's CSP, so they are removed; the same derivations live
 *   in src/styles/article.css, mapped to the site's tokens, so the diagram follows the
 *   theme without a second render. Presentation attributes (fill="var(--_line)") stay:
 *   CSP does not govern them.
 * - It has no accessibility support and would draw `accTitle:` as a node, so we read
 *   accTitle/accDescr ourselves, give the SVG role="img" and a name, and add a text
 *   version (the steps or connections; the renderer's ASCII drawing for other types).
 * - Its parser skips lines it does not understand. Unbalanced brackets and quotes and a
 *   dangling arrow are the typos that lose content silently, so `checkMermaid` reports them.
 */
import { parseMermaid, renderMermaidASCII, renderMermaidSVG } from 'beautiful-mermaid';
import type { MdastPluginDefinition } from 'satteri';
import { metaAttribute } from './languages.ts';

/** Diagram types the renderer draws, by their header keyword. */
const SUPPORTED = {
  flowchart: /^(?:graph|flowchart)\b/i,
  state: /^stateDiagram(?:-v2)?\b/i,
  sequence: /^sequenceDiagram\b/i,
  class: /^classDiagram\b/i,
  er: /^erDiagram\b/i,
} as const;
export type MermaidType = keyof typeof SUPPORTED;
const SUPPORTED_HEADERS = 'flowchart (graph), stateDiagram-v2, sequenceDiagram, classDiagram, erDiagram';

export interface MermaidProblem {
  /** Line inside the fence: 0 = the opening ```, 1 = the line after it. */
  line: number;
  message: string;
}

export class MermaidError extends Error {
  /** Line inside the fence the problem is on. */
  readonly line: number;
  constructor(message: string, line = 1) {
    super(message);
    this.line = line;
  }
}

export interface MermaidSource {
  type: MermaidType;
  /** The diagram without accTitle/accDescr lines, which the renderer does not know. */
  body: string;
  title?: string;
  description?: string;
  caption?: string;
}

/** Reads the header, the accessibility lines and the caption; throws MermaidError. */
export function readMermaid(source: string, meta?: string | null): MermaidSource {
  const lines = source.split('\n');
  const kept: string[] = [];
  let title: string | undefined;
  let description: string | undefined;
  let descriptionBlock: string[] | undefined;
  for (const line of lines) {
    const trimmed = line.trim();
    if (descriptionBlock) {
      if (trimmed === '}') {
        description = descriptionBlock.join(' ').trim();
        descriptionBlock = undefined;
      } else descriptionBlock.push(trimmed);
      kept.push('');
      continue;
    }
    const acc = /^acc(Title|Descr)\s*(:|\{)\s*(.*)$/.exec(trimmed);
    if (acc) {
      if (acc[1] === 'Title') title = acc[3]!.trim();
      else if (acc[2] === ':') description = acc[3]!.trim();
      else descriptionBlock = acc[3] ? [acc[3]] : [];
      kept.push(''); // keep line numbers for problems
      continue;
    }
    kept.push(line);
  }
  const headerIndex = kept.findIndex((l) => l.trim() && !l.trim().startsWith('%%'));
  if (headerIndex < 0) throw new MermaidError('diagram is empty; start with a header such as flowchart LR', 0);
  const header = kept[headerIndex]!.trim();
  const type = (Object.keys(SUPPORTED) as MermaidType[]).find((t) => SUPPORTED[t].test(header));
  if (!type) {
    const keyword = header.split(/\s/)[0];
    throw new MermaidError(
      `diagram type '${keyword}' cannot be drawn at build time; use one of ${SUPPORTED_HEADERS}`,
      headerIndex + 1,
    );
  }
  const caption = metaAttribute(meta, 'caption')?.trim() || undefined;
  if (!caption && !title)
    throw new MermaidError(
      'diagram has no name for screen readers; add caption="what it shows" after ```mermaid, or an accTitle: line',
      0,
    );
  return { type, body: kept.join('\n'), title, description, caption };
}

/** Typos the renderer would skip without a word: unbalanced brackets or quotes, an arrow to nothing. */
function lintLines(body: string, type: MermaidType): MermaidProblem[] {
  if (type !== 'flowchart') return [];
  const problems: MermaidProblem[] = [];
  const pairs: Record<string, string> = { ']': '[', ')': '(', '}': '{' };
  body.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('%%') || index === 0) return;
    const stack: string[] = [];
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (quoted) continue;
      else if (ch === '[' || ch === '(' || ch === '{') stack.push(ch);
      else if (ch in pairs) {
        if (stack.pop() !== pairs[ch]) {
          problems.push({ line: index + 1, message: `line '${line}' closes '${ch}' that was never opened` });
          return;
        }
      }
    }
    if (quoted) problems.push({ line: index + 1, message: `line '${line}' has an unclosed quote` });
    else if (stack.length)
      problems.push({ line: index + 1, message: `line '${line}' leaves '${stack.at(-1)}' unclosed` });
    else if (/(?:-->|---|-\.->|==>|===)\s*(?:\|[^|]*\|)?$/.test(line))
      problems.push({ line: index + 1, message: `line '${line}' ends in an arrow; name the node it points to` });
  });
  return problems;
}

/**
 * Everything the content check needs to know, without laying the diagram out (layout is
 * the expensive part, ~10–40 ms a diagram): the header, the name, the renderer's own
 * parser where it has one that throws, and the lint above.
 */
export function checkMermaid(source: string, meta?: string | null): MermaidProblem[] {
  let read: MermaidSource;
  try {
    read = readMermaid(source, meta);
  } catch (error) {
    if (error instanceof MermaidError) return [{ line: error.line, message: error.message }];
    throw error;
  }
  if (read.type === 'flowchart' || read.type === 'state') {
    try {
      parseMermaid(read.body);
    } catch (error) {
      return [{ line: 1, message: `diagram does not parse: ${(error as Error).message}` }];
    }
  }
  return lintLines(read.body, read.type);
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Pieces of the renderer's <style> we replace with site CSS; anything else is unexpected. */
const KNOWN_STYLE =
  /@import url\([^)]*\);|text \{[^}]*\}|\.mono \{[^}]*\}|svg \{(?:\s*(?:\/\*[^*]*\*\/|--_[\w-]+:[^;]+;))*\s*\}/g;

/** Makes the renderer's SVG safe under the CSP, unique on the page and labelled. */
export function cleanSvg(svg: string, id: string, name: string, description?: string): string {
  const style = /<style>([\s\S]*?)<\/style>\s*/.exec(svg);
  if (style && style[1]!.replace(KNOWN_STYLE, '').trim())
    throw new MermaidError(
      'diagram needs styles the renderer puts in a <style> element, which the site does not allow; use a table or another diagram type',
    );
  let out = style ? svg.replace(style[0], '') : svg;
  out = out
    .replace(/(?<![\w-])id="([^"]+)"/g, `id="${id}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${id}-$1)`)
    .replace(/(?<![\w-])href="#([^"]+)"/g, `href="#${id}-$1"`);
  const open = /^<svg\b[^>]*>/.exec(out);
  if (!open) throw new MermaidError('renderer returned no <svg>');
  const tag = open[0]
    .replace(/\s(?:style|width|height)="[^"]*"/g, '')
    .replace(
      /(viewBox="0 0 ([\d.]+) ([\d.]+)")/,
      (_, viewBox: string, w: string, h: string) =>
        `${viewBox} width="${Math.ceil(Number(w))}" height="${Math.ceil(Number(h))}"`,
    )
    .replace(
      />$/,
      ` class="diagram-svg" role="img" aria-labelledby="${id}-title"${description ? ` aria-describedby="${id}-desc"` : ''}>`,
    );
  const labels =
    `<title id="${id}-title">${escapeHtml(name)}</title>` +
    (description ? `<desc id="${id}-desc">${escapeHtml(description)}</desc>` : '');
  out = tag + labels + out.slice(open[0].length);
  if (/<style\b|\sstyle="/.test(out)) throw new MermaidError('renderer left inline styles in the SVG');
  // One line, and without the renderer's data-* attributes (hooks for its interactive
  // mode; one holds the label's line breaks): MDX reads a line break as the end of raw HTML.
  return out.replace(/\s+data-[\w-]+="[^"]*"/g, '').replace(/>\s+</g, '><');
}

/** A label as one line of text: a bold first line reads as a heading ("Title: rest"). */
const plain = (label: string) =>
  label
    .replace(/<\/b>\s*\n/g, ': ')
    .replace(/<\/?[bius]>/g, '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');

type Graph = ReturnType<typeof parseMermaid>;

/** A chain or a loop of nodes as numbered steps, or undefined when the graph branches. */
function steps(ids: string[], edges: Graph['edges'], label: (id: string) => string): string | undefined {
  if (edges.length === 0 || edges.some((e) => e.label)) return undefined;
  const next = new Map<string, string>();
  const into = new Map<string, number>();
  for (const e of edges) {
    if (next.has(e.source)) return undefined;
    next.set(e.source, e.target);
    into.set(e.target, (into.get(e.target) ?? 0) + 1);
  }
  if ([...into.values()].some((n) => n > 1)) return undefined;
  const start = ids.find((id) => !into.get(id)) ?? edges[0]!.source;
  const order: string[] = [];
  for (let id: string | undefined = start; id && !order.includes(id); id = next.get(id)) order.push(id);
  if (order.length !== ids.length) return undefined;
  const loops = next.get(order.at(-1)!) === order[0];
  return (
    `<ol>${order.map((id) => `<li>${label(id)}</li>`).join('')}</ol>` +
    (loops ? '<p>Then back to step 1: the loop repeats.</p>' : '')
  );
}

function connections(ids: string[], edges: Graph['edges'], label: (id: string) => string): string {
  const items = edges.map(
    (e) => `<li>${label(e.source)} → ${label(e.target)}${e.label ? ` (${escapeHtml(plain(e.label))})` : ''}</li>`,
  );
  const connected = new Set(edges.flatMap((e) => [e.source, e.target]));
  for (const id of ids) if (!connected.has(id)) items.push(`<li>${label(id)}</li>`);
  return `<ul>${items.join('')}</ul>`;
}

/**
 * The text version of a flowchart or state diagram: a chain or a loop reads as numbered
 * steps (per group when every connection stays inside a group), anything else as the
 * list of its connections.
 */
export function graphText(body: string): string {
  const graph = parseMermaid(body);
  const label = (id: string) => {
    const node = graph.nodes.get(id);
    if (node?.shape === 'state-start') return 'Start';
    if (node?.shape === 'state-end') return 'End';
    return escapeHtml(plain(node?.label || id));
  };
  const describe = (ids: string[], edges: Graph['edges']) => steps(ids, edges, label) ?? connections(ids, edges, label);
  const groups = graph.subgraphs;
  const inGroup = (g: (typeof groups)[number], e: Graph['edges'][number]) =>
    g.nodeIds.includes(e.source) && g.nodeIds.includes(e.target);
  const grouped = groups.length > 0 && graph.edges.every((e) => groups.some((g) => inGroup(g, e)));
  if (grouped)
    return groups
      .map(
        (g) =>
          `<p>${escapeHtml(plain(g.label))}</p>${describe(
            g.nodeIds,
            graph.edges.filter((e) => inGroup(g, e)),
          )}`,
      )
      .join('');
  return describe([...graph.nodes.keys()], graph.edges);
}

export interface RenderedMermaid {
  html: string;
  type: MermaidType;
}

/**
 * Layout is the expensive part (10–60 ms a diagram, measured in `npm run bench`), and the
 * same diagram source often recurs across a large site (a shared architecture sketch, or a
 * generated corpus), so drawings are remembered by source. Bounded, so memory stays flat
 * however many articles the build renders; ids are prefixed per page afterwards, in cleanSvg.
 */
const DRAWINGS_KEPT = 256;
const drawings = new Map<string, { svg: string; text: string }>();

function drawing(body: string, type: MermaidType): { svg: string; text: string } {
  const known = drawings.get(body);
  if (known) {
    drawings.delete(body);
    drawings.set(body, known);
    return known;
  }
  const drawn = {
    svg: renderMermaidSVG(body, { transparent: true }),
    text:
      type === 'flowchart' || type === 'state'
        ? graphText(body)
        : `<pre class="diagram-ascii">${escapeHtml(renderMermaidASCII(body, { colorMode: 'none' }))}</pre>`,
  };
  drawings.set(body, drawn);
  if (drawings.size > DRAWINGS_KEPT) drawings.delete(drawings.keys().next().value!);
  return drawn;
}

/**
 * The figure for one fence. `id` must be unique on the page (it prefixes the SVG's ids).
 * Throws MermaidError for what checkMermaid reports and for output we cannot ship.
 */
export function renderMermaid(source: string, meta: string | null | undefined, id: string): RenderedMermaid {
  const problem = checkMermaid(source, meta)[0];
  if (problem) throw new MermaidError(problem.message, problem.line);
  const read = readMermaid(source, meta);
  const name = read.title ?? read.caption!;
  // No colour or font options: they only reach the <style> and style attribute cleanSvg
  // removes; the site stylesheet sets both on .diagram-svg. `transparent` drops its background.
  const { svg, text } = drawing(read.body, read.type);
  const caption = read.caption ?? read.title!;
  // The drawing's words stay out of the search index; the text version below is indexed.
  const html =
    `<div class="diagram" data-diagram="${read.type}">` +
    `<figure class="diagram-figure"><div class="diagram-scroll" ` +
    `data-pagefind-ignore="">${cleanSvg(svg, id, name, read.description)}</div>` +
    `<figcaption class="diagram-caption">${escapeHtml(caption)}</figcaption></figure>` +
    `<details class="diagram-text"><summary>Diagram as text</summary>${text}</details></div>`;
  return { html, type: read.type };
}

/**
 * MDX parses raw HTML as JSX, which turns a line break in a <pre> into <br> and trims the
 * spaces that start a line; entities are decoded before that. Non-breaking spaces and
 * &#10; keep the text drawing intact.
 */
export function forMdx(html: string): string {
  return html.replace(
    /(<pre class="diagram-ascii">)([\s\S]*?)(<\/pre>)/,
    (_, open: string, text: string, close: string) =>
      open + text.replace(/ /g, '\u00a0').replace(/\n/g, '&#10;') + close,
  );
}

/** Satteri plugin: replaces each ```mermaid fence with its rendered figure. */
export const mermaidDiagrams: MdastPluginDefinition = {
  name: 'kb:mermaid',
  options: { position: true },
  code(node, ctx) {
    if (node.lang !== 'mermaid') return;
    const line = node.position?.start.line ?? 0;
    let rendered: RenderedMermaid;
    try {
      rendered = renderMermaid(node.value, node.meta, `mermaid-${line}`);
    } catch (error) {
      if (!(error instanceof MermaidError)) throw error;
      const file = ctx.fileURL ? decodeURIComponent(ctx.fileURL.pathname) : 'content';
      throw new Error(`${file}:${line + error.line} mermaid: ${error.message}`);
    }
    if (ctx.sourceFormat === 'mdx') ctx.replaceNode(node, { raw: forMdx(rendered.html), mdxExpressions: false });
    else ctx.replaceNode(node, { type: 'html', value: rendered.html });
  },
};
