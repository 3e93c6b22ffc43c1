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

/**
 * What stops a build. A misspelt word is a real finding, but not one that should stop a
 * site from publishing (or a generated corpus from building): the build reports spelling as
 * warnings, at most `shown` of them, while `npm run validate` and therefore `npm test` and CI
 * keep them as errors.
 */
export function forBuild(problems: readonly Problem[], shown = 20): { problems: Problem[]; hiddenSpelling: number } {
  const demoted = problems.map((p) => (p.subject === 'spelling' ? { ...p, severity: 'warning' as const } : p));
  const spelling = demoted.filter((p) => p.subject === 'spelling');
  const kept = new Set(spelling.slice(0, shown));
  return {
    problems: demoted.filter((p) => p.subject !== 'spelling' || kept.has(p)),
    hiddenSpelling: spelling.length - kept.size,
  };
}
