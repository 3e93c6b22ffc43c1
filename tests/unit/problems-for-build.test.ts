import { describe, expect, it } from 'vitest';
import { forBuild, formatGroupedProblems, formatProblems, type Problem } from '../../src/checks/content/problems.ts';

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

  it('shows a bounded number of distinct spelling warnings and counts the rest', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ ...at(i + 1, 'spelling'), message: `word ${i}` }));
    const { problems, hiddenSpelling } = forBuild([...many, at(99, 'description', 'warning')], 20);
    expect(problems.filter((p) => p.subject === 'spelling')).toHaveLength(20);
    expect(problems.at(-1)!.subject).toBe('description');
    expect(hiddenSpelling).toBe(5);
  });

  it('keeps every copy of a shown spelling warning (the log groups them), however many files repeat it', () => {
    const copies = Array.from({ length: 30 }, (_, i) => ({ ...at(2, 'spelling'), file: `c/articles/x-v${i}.md` }));
    expect(forBuild(copies, 20)).toMatchObject({ hiddenSpelling: 0, problems: { length: 30 } });
  });
});

describe('the build log', () => {
  const copy = (i: number, message = "'acce' is not in the dictionary.") => ({
    file: `c/articles/x-v${i}.md`,
    line: 2,
    column: 75,
    subject: 'spelling',
    message,
    severity: 'warning' as const,
  });

  it('prints a warning repeated in many files once, with how many files and the first few', () => {
    const problems = [
      ...Array.from({ length: 20 }, (_, i) => copy(i + 10)),
      copy(5, "'teh' is not in the dictionary."),
    ];
    expect(formatGroupedProblems(problems).split('\n')).toEqual([
      "c/articles/x-v10.md:2:75 warning: spelling: 'acce' is not in the dictionary. [the same in 19 more files: " +
        'c/articles/x-v11.md:2:75, c/articles/x-v12.md:2:75, c/articles/x-v13.md:2:75 and 16 more; npm run validate lists each]',
      "c/articles/x-v5.md:2:75 warning: spelling: 'teh' is not in the dictionary.",
      '',
      '0 errors, 21 warnings in content.',
    ]);
  });

  it('prints problems that do not repeat as formatProblems does', () => {
    const problems = [at(3, 'link /x/'), at(1, 'tags[0]'), { ...at(1, 'tags[0]'), message: 'other' }];
    expect(formatGroupedProblems(problems)).toBe(formatProblems(problems));
  });

  it('counts places when a problem repeats within one file', () => {
    expect(formatGroupedProblems([at(1, 'fence'), at(9, 'fence')]).split('\n')[0]).toBe(
      'content/articles/x.md:1 fence: m [the same in 1 more place: content/articles/x.md:9; npm run validate lists each]',
    );
  });
});
