import { plural } from '../../lib/plural.ts';

/** A problem found in a content file, reported like a compiler: file:line:column subject: message. */
export interface Problem {
  file: string;
  line: number;
  column?: number;
  /** The frontmatter field, link or fence the problem is about. */
  subject?: string;
  message: string;
  severity: 'error' | 'warning';
}

export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}`;
  return `${where} ${p.severity === 'warning' ? 'warning: ' : ''}${p.subject ? `${p.subject}: ` : ''}${p.message}`;
}

/** Reading order for anything reported at a place: file by file, line by line, then column. */
export function byPlace(a: Place, b: Place): number {
  return a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0);
}

interface Place {
  file: string;
  line: number;
  column?: number;
}

export function formatProblems(problems: readonly Problem[]): string {
  const sorted = [...problems].sort(byPlace);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${sorted.map(formatProblem).join('\n')}\n\n${plural(errors, 'error')}, ${plural(warnings, 'warning')} in content.`;
}
