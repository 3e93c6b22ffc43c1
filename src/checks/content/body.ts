/**
 * The article body, parsed by the same Sätteri parser the build uses: MDX syntax,
 * headings and their ids, fences, images, components and internal links.
 */
import GithubSlugger from 'github-slugger';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { fenceLanguageProblem } from '../../markdown/fence-languages.ts';
import { metaAttribute } from '../../markdown/languages.ts';
import { checkMermaid } from '../../markdown/mermaid.ts';
import { renderMath } from '../../markdown/math.ts';
import { PLACEHOLDER_MARKER } from '../../lib/placeholder.ts';
import type { Problem } from './problems.ts';
import type { ProseRange } from './spelling.ts';

export interface Fence {
  lang: string;
  meta: string;
  code: string;
  /** Line of the opening ``` in the file. */
  line: number;
}

export interface InternalLink {
  url: string;
  line: number;
  column: number;
}

export interface BodyFacts {
  problems: Problem[];
  headingIds: string[];
  fences: Fence[];
  links: InternalLink[];
  /** Lines of headings and paragraphs still starting with the scaffold's placeholder marker. */
  placeholders: number[];
  /** The text readers read (not code, URLs or HTML), as offsets in the body, for the spell check. */
  prose: ProseRange[];
}

interface Node {
  type: string;
  children?: Node[];
  value?: string;
  lang?: string | null;
  meta?: string | null;
  url?: string;
  alt?: string | null;
  depth?: number;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  position?: { start: { line: number; column: number; offset?: number }; end?: { offset?: number } };
}

function textOf(node: Node): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/**
 * `[text][label]` and `[text][]` that Markdown left as text because no `[label]: url`
 * line defines the label: the reader would see the brackets and no link. Shortcut
 * references (`[text]` alone) are left out; brackets in prose are common and harmless.
 */
export function undefinedReferences(
  text: string,
): Array<{ source: string; text: string; label: string; lineOffset: number; column: number }> {
  const found = [];
  for (const match of text.matchAll(/\[([^[\]\n]+)\]\[([^[\]\n]*)\]/g)) {
    const before = text.slice(0, match.index);
    const lineStart = before.lastIndexOf('\n') + 1;
    found.push({
      source: match[0],
      text: match[1]!,
      label: match[2] || match[1]!,
      lineOffset: before.split('\n').length - 1,
      column: match.index - lineStart + 1,
    });
  }
  return found;
}

/** Components an article may use. None today: Markdown, callouts and mermaid fences cover it. */
export const ALLOWED_COMPONENTS: readonly string[] = [];

export function checkBody(file: string, body: string, bodyLine: number, format: 'md' | 'mdx'): BodyFacts {
  const facts: BodyFacts = { problems: [], headingIds: [], fences: [], links: [], placeholders: [], prose: [] };
  const error = (line: number, message: string, subject?: string, column?: number) =>
    facts.problems.push({ file, line, column, subject, message, severity: 'error' });
  let tree: Node;
  try {
    const parse = format === 'mdx' ? mdxToMdast : markdownToMdast;
    tree = parse(body, { features: { math: true } }) as unknown as Node;
  } catch (e) {
    const message = (e as Error).message;
    const at = /^(\d+):(\d+):\s*([\s\S]*)$/.exec(message);
    const line = at ? Number(at[1]) + bodyLine - 1 : bodyLine;
    const detail = (at?.[3] ?? message).replace(/\s*\([\w:-]+\)\s*$/, '');
    error(
      line,
      `${detail}. In MDX, \`{\`, \`}\` and \`<\` start code: put literal ones in backticks, or write &lt; and \\{ \\}.`,
      'MDX syntax',
      at ? Number(at[2]) : undefined,
    );
    return facts;
  }
  const slugger = new GithubSlugger();
  let previousDepth = 1;
  const lineOf = (node: Node) => (node.position?.start.line ?? 1) + bodyLine - 1;

  // Consecutive fences with tab="…" form one tab group (src/markdown/code-tabs.ts).
  const checkTabGroups = (children: Node[]) => {
    let run: Node[] = [];
    const flush = () => {
      if (run.length === 1)
        error(
          lineOf(run[0]!),
          `tab="${metaAttribute(run[0]!.meta, 'tab')}" stands alone; a tab group is two or more consecutive fences ` +
            `with tab="…" (or remove tab=)`,
          'fence',
        );
      const seen = new Set<string>();
      for (const fence of run) {
        const label = metaAttribute(fence.meta, 'tab')!;
        if (seen.has(label))
          error(lineOf(fence), `tab="${label}" is already a tab of this group; give each tab its own label`, 'fence');
        seen.add(label);
      }
      run = [];
    };
    for (const child of children) {
      if (child.type === 'code' && metaAttribute(child.meta, 'tab')?.trim()) run.push(child);
      else flush();
    }
    flush();
  };

  const visit = (node: Node) => {
    if (node.children) checkTabGroups(node.children);
    switch (node.type) {
      case 'heading': {
        const depth = node.depth ?? 2;
        if (depth === 1)
          error(
            lineOf(node),
            'the layout already renders the title as the page heading; start sections at ##',
            'heading',
          );
        else if (depth > previousDepth + 1)
          error(
            lineOf(node),
            `jumps from h${previousDepth} to h${depth}; use ${'#'.repeat(previousDepth + 1)} so no level is skipped`,
            'heading',
          );
        previousDepth = depth;
        facts.headingIds.push(slugger.slug(textOf(node)));
        if (textOf(node).startsWith(PLACEHOLDER_MARKER)) facts.placeholders.push(lineOf(node));
        break;
      }
      case 'paragraph':
        if (textOf(node).trimStart().startsWith(PLACEHOLDER_MARKER)) facts.placeholders.push(lineOf(node));
        break;
      case 'code': {
        const problem = fenceLanguageProblem(node.lang);
        if (problem) error(lineOf(node), problem, 'fence');
        else if (node.lang === 'mermaid') {
          for (const p of checkMermaid(node.value ?? '', node.meta)) error(lineOf(node) + p.line, p.message, 'mermaid');
        } else
          facts.fences.push({ lang: node.lang!, meta: node.meta ?? '', code: node.value ?? '', line: lineOf(node) });
        const noCheck = metaAttribute(node.meta, 'nocheck');
        if (noCheck !== undefined && noCheck.trim().length < 5)
          error(lineOf(node), 'nocheck needs a reason, e.g. nocheck="fragment: only the lifecycle block"', 'fence');
        break;
      }
      case 'math':
      case 'inlineMath':
        try {
          renderMath(node.value ?? '', node.type === 'math');
        } catch (e) {
          error(lineOf(node), `formula does not parse: ${(e as Error).message.split('\n')[0]}`, 'math');
        }
        break;
      case 'image':
        if (!node.alt?.trim())
          error(lineOf(node), `image ${node.url} has no alt text; write ![what the image shows](${node.url})`, 'image');
        if (node.url?.startsWith('/') || node.url?.startsWith('#'))
          facts.links.push({ url: node.url, line: lineOf(node), column: node.position?.start.column ?? 1 });
        break;
      case 'link':
      // A reference-style link's URL is on its definition line (`[ref]: /articles/x/#y`), checked there.
      case 'definition':
        if (node.url && (node.url.startsWith('/') || node.url.startsWith('#')))
          facts.links.push({ url: node.url, line: lineOf(node), column: node.position?.start.column ?? 1 });
        if (textOf(node) === node.url || `mailto:${textOf(node)}` === node.url) return; // an autolink: a URL, not prose
        break;
      case 'table': {
        // Screen readers announce a column's header with each of its cells; an empty one says nothing.
        const header = node.children?.[0]?.children ?? [];
        header.forEach((cell, i) => {
          if (!textOf(cell).trim() && !cell.children?.some((c) => c.type !== 'text'))
            error(
              lineOf(node),
              `column ${i + 1} has an empty header; name what the column holds (screen readers read it out with every cell)`,
              'table',
            );
        });
        break;
      }
      case 'imageReference':
        if (!node.alt?.trim())
          error(lineOf(node), 'image has no alt text; write ![what the image shows][ref]', 'image');
        break;
      case 'text': {
        const { start, end } = node.position ?? {};
        if (start?.offset !== undefined && end?.offset !== undefined)
          facts.prose.push({ start: start.offset, end: end.offset });
        for (const found of undefinedReferences(node.value ?? '')) {
          error(
            lineOf(node) + found.lineOffset,
            `no definition of [${found.label}], so it would be published as plain text, brackets and all; ` +
              `add a line \`[${found.label}]: /articles/…/\`, or write [${found.text}](/articles/…/)`,
            `link ${found.source}`,
            found.lineOffset ? found.column : (start?.column ?? 1) + found.column - 1,
          );
        }
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        if (/^[A-Z]/.test(name) || name.includes('.')) {
          if (!ALLOWED_COMPONENTS.includes(name))
            error(
              lineOf(node),
              `unknown component <${name}>; articles use Markdown, callouts (> [!NOTE]) and \`\`\`mermaid fences instead of components`,
              'MDX',
            );
        } else {
          const attr = (key: string) => node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === key);
          if (name === 'img' && !(typeof attr('alt')?.value === 'string' && String(attr('alt')!.value).trim()))
            error(lineOf(node), '<img> has no alt text; add alt="what the image shows"', 'image');
          const href = attr('href')?.value;
          if (name === 'a' && typeof href === 'string' && (href.startsWith('/') || href.startsWith('#')))
            facts.links.push({ url: href, line: lineOf(node), column: node.position?.start.column ?? 1 });
        }
        break;
      }
      case 'mdxjsEsm':
        error(lineOf(node), 'import/export lines are not used in articles; remove them', 'MDX');
        break;
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  if (facts.headingIds.length === 0)
    error(
      bodyLine,
      'the article has no ## section heading; readers and the table of contents need at least one',
      'heading',
    );
  return facts;
}
