import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildLogReader, formatPhases } from '../../src/lib/build-phases.ts';
import { emptySiteProblem } from '../../src/integrations/content-check.ts';
import { isHeadInjectWarning } from '../../src/integrations/build-log.ts';
import { checkContent } from '../../src/checks/content/index.ts';

describe('build log reader', () => {
  const log = [
    '22:44:02 [build] Waiting for integration "kb:content-check", hook "astro:config:setup"...',
    '22:44:03 [kb:content-check] content check: 10 articles, no problems (4.9 s)',
    '22:44:07 [content] Synced content',
    '22:44:07 [build] Building static entrypoints...',
    '22:44:08 [vite] ✓ built in 665ms',
    '',
    '\u001b[42m\u001b[30m generating static routes \u001b[39m\u001b[49m',
    '22:44:08   \u001b[34m├─\u001b[39m \u001b[2m/404.html\u001b[22m \u001b[2m(+17ms)\u001b[22m ',
    '22:44:08   ├─ /articles/kubectl-cp/index.html (+8ms) ',
    '22:44:08   └─ /index.html (+3ms) ',
    '22:44:08 ✓ Completed in 392ms.',
    '22:48:23 [kb:build-log] render: 1 article bodies rendered, 9 from the cache, 0.4 s',
    '22:44:09 [kb:search-index] search index: 10 pages, 3096 words for typo correction',
    '22:44:09 [build] Complete!',
  ];

  it('counts route lines instead of printing them and times each phase', () => {
    const reader = new BuildLogReader(0);
    const shown = log.map((line, i) => reader.feed(line, (i + 1) * 1000)).filter((l) => l !== undefined);
    expect(shown.some((l) => l.includes('├─') || l.includes('└─'))).toBe(false);
    expect(shown).toContain('22:44:08 ✓ Completed in 392ms. (3 routes)');
    const report = reader.report(15_000);
    expect(report).toEqual({
      phases: { check: 2, sync: 2, bundle: 3, pages: 4, render: 0.4, index: 2 },
      routes: 3,
      reused: 0,
      rendered: 1,
      cached: 9,
      total: 15,
    });
    expect(formatPhases(report)).toBe(
      'build phases: check 2.0 s · sync 2.0 s · bundle 3.0 s · pages 4.0 s · (render 0.4 s: 1 rendered, 9 cached) · index ' +
        '2.0 s · total 15.0 s (3 routes)',
    );
  });

  /** The log with its kubectl-cp route line replaced by `lines`, read line by line. */
  const readWithRouteLines = (lines: string[]) => {
    const reader = new BuildLogReader(0);
    const fed = log.flatMap((line) => (line.includes('kubectl-cp') ? lines : [line]));
    const shown = fed.map((line, i) => reader.feed(line, (i + 1) * 1000)).filter((l) => l !== undefined);
    return { reader, shown };
  };

  it('counts the routes an incremental build copied from the last build', () => {
    const { reader, shown } = readWithRouteLines([
      '22:44:08   ├─ /articles/kubectl-cp/index.html (restored)',
      '22:44:08   ├─ /articles/x.md (cached) ',
    ]);
    expect(shown).toContain('22:44:08 ✓ Completed in 392ms. (4 routes, 2 reused from the last build)');
    expect(reader.report(15_000)).toMatchObject({ routes: 4, reused: 2 });
    expect(formatPhases(reader.report(15_000))).toMatch(/\(4 routes, 2 reused from the last build\)$/);
  });

  it('counts the entries of pages generated at the same time, which share lines', () => {
    const { reader, shown } = readWithRouteLines([
      '05:55:18   ├─ /llms.txt05:55:18   ├─ /articles/a/index.html (restored)',
      ' (+66ms) ',
    ]);
    expect(shown.some((l) => l.includes('(+66ms)'))).toBe(false);
    expect(reader.report(15_000)).toMatchObject({ routes: 4, reused: 1 });
  });

  it('recognises only the head-inject directive warning', () => {
    const message =
      'The semantics of the module level directive "use astro:head-inject" in "x.mdx" may not be preserved';
    expect(isHeadInjectWarning({ code: 'MODULE_LEVEL_DIRECTIVE', message })).toBe(true);
    expect(isHeadInjectWarning({ code: 'MODULE_LEVEL_DIRECTIVE', message: '"use client" in x.js' })).toBe(false);
    expect(isHeadInjectWarning({ code: 'EVAL', message })).toBe(false);
  });
});

describe('a build with nothing to publish', () => {
  const vocab = (dir: string) => {
    writeFileSync(join(dir, 'tags.yaml'), '- id: aws\n  label: AWS\n  description: Amazon Web Services.\n');
    writeFileSync(join(dir, 'topics.yaml'), '- id: aws\n  label: AWS\n  description: Amazon Web Services.\n');
  };

  it('names the folder it read when there is no article', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-empty-'));
    mkdirSync(join(dir, 'articles'));
    vocab(dir);
    const result = await checkContent({ contentDir: dir, staleAfterMonths: 12 });
    expect(emptySiteProblem(dir, result)).toBe(
      `${join(dir, 'articles')}: no .md or .mdx article, so the build would publish an empty site. Check ` +
        `KB_CONTENT_DIR (read as '${dir}'), or publish an article (draft: false).`,
    );
  });

  it('passes when one article is published', () => {
    expect(emptySiteProblem('content', { articles: [{ data: { draft: false } }] as never })).toBeUndefined();
    expect(emptySiteProblem('content', { articles: [{ data: { draft: true } }] as never })).toMatch(
      /content\/articles: only drafts \(1 with draft: true\)/,
    );
  });
});
