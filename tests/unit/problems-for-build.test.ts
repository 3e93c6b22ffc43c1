import { describe, expect, it } from 'vitest';
import { forBuild, type Problem } from '../../src/checks/content/problems.ts';

const at = (line: number, subject: string, severity: Problem['severity'] = 'error'): Problem => ({
  file: 'content/articles/x.md',
  line,
  subject,
  message: 'm',
  severity,
});

describe('what stops a build', () => {
  it('keeps every error but spelling, and reports spelling as warnings', () => {
    const { problems, hiddenSpelling } = forBuild([at(1, 'tags[0]'), at(2, 'spelling'), at(3, 'link /x/')]);
    expect(problems.map((p) => [p.line, p.severity])).toEqual([
      [1, 'error'],
      [2, 'warning'],
      [3, 'error'],
    ]);
    expect(hiddenSpelling).toBe(0);
  });

  it('shows a bounded number of spelling warnings and counts the rest', () => {
    const many = Array.from({ length: 25 }, (_, i) => at(i + 1, 'spelling'));
    const { problems, hiddenSpelling } = forBuild([...many, at(99, 'description', 'warning')], 20);
    expect(problems.filter((p) => p.subject === 'spelling')).toHaveLength(20);
    expect(problems.at(-1)!.subject).toBe('description');
    expect(hiddenSpelling).toBe(5);
  });
});
