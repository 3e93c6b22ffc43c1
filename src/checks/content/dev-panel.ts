/**
 * What the dev server's problems panel shows for one article: each problem with its line
 * and, where one exists, the place on the page it is about (the link, by its URL, or the
 * section heading above the line). The page reads it from src/shared/dev-problems.ts.
 */
import { readFile } from 'node:fs/promises';
import GithubSlugger from 'github-slugger';
import type { PanelProblem } from '../../shared/dev-problems.ts';
import { formatProblem, type Problem } from './problems.ts';

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}(#{2,6})\s+(.*?)(?:\s+#+)?\s*$/;

/** Heading text as the slugger sees it: inline code, links and emphasis reduced to their text. */
const plainText = (heading: string) =>
  heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__|\*|_)(.+?)\1/g, '$2');

/**
 * Line → id of every ATX heading, in order. Only a helper for pointing at a section:
 * ids that the page does not have (a heading this scan reads differently from the parser)
 * are dropped by the caller.
 */
export function headingLines(source: string): Array<{ line: number; id: string }> {
  const slugger = new GithubSlugger();
  const out: Array<{ line: number; id: string }> = [];
  let fence: string | undefined;
  source.split('\n').forEach((text, index) => {
    const open = FENCE.exec(text)?.[1];
    if (fence) {
      if (open && open[0] === fence[0] && open.length >= fence.length) fence = undefined;
      return;
    }
    if (open) {
      fence = open;
      return;
    }
    const heading = HEADING.exec(text);
    if (heading) out.push({ line: index + 1, id: slugger.slug(plainText(heading[2]!)) });
  });
  return out;
}

const isFatal = (p: Problem) =>
  p.subject === 'MDX syntax' || (p.subject === 'frontmatter' && /^(is not valid YAML|missing)/.test(p.message));

export async function panelProblems(
  absolutePath: string,
  problems: readonly Problem[],
  headingIds: readonly string[],
): Promise<PanelProblem[]> {
  let headings: Array<{ line: number; id: string }> = [];
  try {
    const known = new Set(headingIds);
    headings = headingLines(await readFile(absolutePath, 'utf8')).filter((h) => known.has(h.id));
  } catch {
    // Deleted since: no anchors.
  }
  return problems.map((p) => {
    const link = p.subject?.startsWith('link ') ? p.subject.slice('link '.length) : undefined;
    const anchor = headings.filter((h) => h.line <= p.line).pop()?.id;
    return {
      line: p.line,
      severity: p.severity,
      subject: p.subject,
      message: p.message,
      text: formatProblem(p),
      link,
      anchor,
      fatal: isFatal(p),
    };
  });
}
