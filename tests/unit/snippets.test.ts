import { afterAll, describe, expect, it } from 'vitest';
import { checkSnippet, closeSnippetCheckers } from '../../src/checks/content/snippets.ts';

afterAll(() => closeSnippetCheckers());

describe('snippet parsers (long-lived and batched)', () => {
  it('reports bash syntax errors at the snippet line', async () => {
    expect(await checkSnippet('bash', 'echo ok\nif true; then\n  echo x\n')).toEqual({
      line: 4,
      message: 'bash -n: syntax error: unexpected end of file',
    });
    expect(await checkSnippet('bash', 'echo ok\nfi\n')).toEqual({
      line: 2,
      message: "bash -n: syntax error near unexpected token `fi' `fi'",
    });
  });

  it('hands the shell the snippet byte for byte (backslashes, printf escapes, line continuations)', async () => {
    // Were `\c` or `\n` interpreted on the way, the file would end inside the quotes or gain lines.
    expect(await checkSnippet('bash', 'echo "\\c \\n %s \\\\"\nls \\\n  -l\nif true; then\n')).toEqual({
      line: 5,
      message: 'bash -n: syntax error: unexpected end of file',
    });
    expect(await checkSnippet('bash', 'printf \'%s\\n\' "a\\b" \\\n  "c"\n')).toBeUndefined();
  });

  it('reports what shellcheck finds at error severity, and not a leading comment as a shebang', async () => {
    expect(await checkSnippet('bash', '# /srv/app is empty\nls /srv/app\n')).toBeUndefined();
    const failure = await checkSnippet('bash', 'echo ok\n[[ $x == "a" ]] && echo "$((1 +))"\n');
    expect(failure?.line).toBe(2);
    expect(failure?.message).toMatch(/^shellcheck: error: /);
  });

  it('checks Python through one long-lived interpreter per pool slot', async () => {
    expect(await checkSnippet('python', 'def f(:\n  pass\n')).toEqual({
      line: 1,
      message: 'Python: invalid syntax',
    });
    expect(await checkSnippet('py', 'print("ok")\n')).toBeUndefined();
  });

  it('answers many concurrent snippets each with its own result', async () => {
    const codes = Array.from({ length: 150 }, (_, i) => (i % 3 === 0 ? `echo ${i}\nfi\n` : `echo ${i}\n`));
    const results = await Promise.all(codes.map((c) => checkSnippet('bash', c)));
    results.forEach((r, i) => expect(r === undefined, `snippet ${i}`).toBe(i % 3 !== 0));
    const py = await Promise.all(codes.map((_, i) => checkSnippet('python', i % 5 === 0 ? 'x = (' : `x = ${i}`)));
    py.forEach((r, i) => expect(r === undefined, `python ${i}`).toBe(i % 5 !== 0));
  }, 60_000);
});
