import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFences, closeSnippetCheckers, lintLinesByFile } from '../../src/checks/content/snippets.ts';
import { SnippetResults } from '../../src/checks/content/snippet-results.ts';
import type { Fence } from '../../src/checks/content/body.ts';

afterAll(() => closeSnippetCheckers());

const fence = (lang: string, code: string, line: number, meta = ''): Fence => ({ lang, meta, code, line });

describe('snippet results by content', () => {
  it('parses an identical snippet once, in another file too, and a different one again', async () => {
    const results = new SnippetResults();
    const bad = 'key: [unclosed\n';
    const [first, second] = await Promise.all([
      checkFences('a.md', [fence('yaml', bad, 10)], results),
      checkFences('b.md', [fence('yml', bad, 20)], results),
    ]);
    expect(results.stats).toEqual({ asked: 2, parsed: 1, fromDisk: 0 });
    // The same failure, each at its own file and line.
    expect(first.map((p) => `${p.file}:${p.line}`)).toEqual(['a.md:12']);
    expect(second.map((p) => `${p.file}:${p.line}`)).toEqual(['b.md:22']);
    expect(second[0]!.message).toBe(first[0]!.message);
    await checkFences('c.md', [fence('yaml', 'key: value\n', 1)], results);
    expect(results.stats.parsed).toBe(2);
    // Another checker on the same code is another result (JSON rejects what YAML accepts).
    await checkFences('d.md', [fence('json', 'key: value\n', 1)], results);
    expect(results.stats.parsed).toBe(3);
  });

  it('keeps at most its limit, forgetting the least recently used', async () => {
    const results = new SnippetResults({ limit: 2 });
    for (const code of ['a: 1', 'b: 2', 'a: 1', 'c: 3', 'a: 1'])
      await checkFences('x.md', [fence('yaml', code, 1)], results);
    expect(results.size).toBe(2);
    // 'a: 1' was used last before 'c: 3' came, so 'b: 2' was the one forgotten.
    expect(results.stats.parsed).toBe(3);
  });

  it('reads results from the disk cache in a later run with the same version only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-snippet-cache-'));
    try {
      const fences = [fence('yaml', 'key: [unclosed\n', 3), fence('json', '{"ok": true}', 8)];
      const cold = new SnippetResults({ disk: { dir, version: 'v1' } });
      const problems = await checkFences('a.md', fences, cold);
      expect(cold.stats).toEqual({ asked: 2, parsed: 2, fromDisk: 0 });
      const warm = new SnippetResults({ disk: { dir, version: 'v1' } });
      expect(await checkFences('a.md', fences, warm)).toEqual(problems);
      expect(warm.stats).toEqual({ asked: 2, parsed: 0, fromDisk: 2 });
      const upgraded = new SnippetResults({ disk: { dir, version: 'v2' } });
      await checkFences('a.md', fences, upgraded);
      expect(upgraded.stats.parsed).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('shellcheck batches', () => {
  it('gives each file of a batch its own lines', () => {
    const output = [
      '/t/s1.sh:3:5: error: one [SC1]',
      '/t/s3.sh:2:1: error: two [SC2]',
      '/t/s3.sh:4:1: error: three',
    ].join('\x1f');
    expect(lintLinesByFile(output, ['/t/s1.sh', '/t/s2.sh', '/t/s3.sh'])).toEqual([
      ['3:5: error: one [SC1]'],
      [],
      ['2:1: error: two [SC2]', '4:1: error: three'],
    ]);
  });

  it('reports a failing snippet among many at its own file and line', async () => {
    const results = new SnippetResults();
    // Only shellcheck (not bash -n) rejects `$((1 +))`; the others are clean and distinct.
    const clean = Array.from({ length: 30 }, (_, i) => fence('bash', `echo ${i}\n`, 100 + i * 5));
    const files = await Promise.all([
      checkFences('clean.md', clean, results),
      checkFences('bad.md', [fence('bash', 'echo ok\necho ok\necho "$((1 +))"\n', 40), ...clean], results),
    ]);
    expect(files[0]).toEqual([]);
    expect(files[1].map((p) => `${p.file}:${p.line} ${p.message.slice(0, 18)}`)).toEqual([
      'bad.md:43 shellcheck: error:',
    ]);
  }, 60_000);
});
