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

export function formatProblems(problems: readonly Problem[]): string {
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${sorted.map(formatProblem).join('\n')}\n\n${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in content.`;
}
