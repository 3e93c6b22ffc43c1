import { plural } from '../../lib/plural.ts';
import { locale } from '../../lib/locale.ts';

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
 * warnings, at most `shown` distinct ones (the build log groups repeats, formatGroupedProblems),
 * while `npm run validate` and therefore `npm test` and CI keep them as errors.
 */
export function forBuild(problems: readonly Problem[], shown = 20): { problems: Problem[]; hiddenSpelling: number } {
  const demoted = problems.map((p) => (p.subject === 'spelling' ? { ...p, severity: 'warning' as const } : p));
  const messages = new Set<string>();
  for (const p of demoted) if (p.subject === 'spelling' && messages.size < shown) messages.add(p.message);
  const kept = demoted.filter((p) => p.subject !== 'spelling' || messages.has(p.message));
  return { problems: kept, hiddenSpelling: demoted.length - kept.length };
}

/** Places listed after the first on a grouped line; the rest are counted. */
const PLACES_SHOWN = 3;

/**
 * For the build log: like formatProblems, but a problem repeated word for word in several files
 * (a typo or a snippet copied into many articles) is one line, at its first place, that says
 * how many more files have it and names a few. `npm run validate` lists every one.
 */
export function formatGroupedProblems(problems: readonly Problem[]): string {
  const groups = new Map<string, Problem[]>();
  for (const p of [...problems].sort(byPlace)) {
    const key = `${p.severity}\0${p.subject ?? ''}\0${p.message}`;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  const where = (p: Problem) => `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}`;
  const lines = [...groups.values()].map(([first, ...rest]) => {
    if (!rest.length) return formatProblem(first!);
    const files = new Set(rest.map((p) => p.file).filter((f) => f !== first!.file)).size;
    // Usually one place per file (a copied article); otherwise count places.
    const scope = files === rest.length ? plural(files, 'more file') : plural(rest.length, 'more place');
    const named = rest.slice(0, PLACES_SHOWN).map(where).join(', ');
    const unnamed =
      rest.length > PLACES_SHOWN ? ` and ${(rest.length - PLACES_SHOWN).toLocaleString(locale.tag)} more` : '';
    return `${formatProblem(first!)} [the same in ${scope}: ${named}${unnamed}; npm run validate lists each]`;
  });
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${lines.join('\n')}\n\n${plural(errors, 'error')}, ${plural(warnings, 'warning')} in content.`;
}
