import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// Astro's own id function, read from its build output (not a public export): if an upgrade
// moves it, this import fails loudly, which is the moment to recheck articleId.
import { getContentEntryIdAndSlug } from '../../node_modules/astro/dist/content/utils.js';
import { articleId, articlePageIds, articlePath, pageCount, tagPath, topicPath } from '../../src/lib/routes.ts';
import { checkContent, formatProblem } from '../../src/checks/content/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The id Astro 7's glob loader gives a file (loaders/glob.js, generateIdDefault without a slug field). */
function astroId(relativePath: string): string {
  const base = pathToFileURL(join(tmpdir(), 'articles/'));
  const entry = new URL(`./${encodeURI(relativePath)}`, base);
  return getContentEntryIdAndSlug({ entry, contentDir: base, collection: '' }).slug;
}

describe('articleId', () => {
  const names = [
    'kubectl-cp.md',
    'My Notes.v2.md',
    'Ops/Index.md',
    'index.md',
    'a/b.c/D E.mdx',
    'Ünïcode Ärticle.md',
    'what_is (it)?.md',
    'nested/deeper/Runbook #3.mdx',
    '100% uptime.md',
    '.hidden.md',
    'v1.2.3 release notes.md',
  ];
  it.each(names)('gives %s the id Astro gives it', (name) => {
    expect(articleId(name)).toBe(astroId(name));
  });
  it('slugs every path segment and drops a trailing index', () => {
    expect(articleId('My Notes.v2.md')).toBe('my-notesv2');
    expect(articleId('Ops/Index.md')).toBe('ops');
    expect(articleId('Ops\\Guides\\Setup.md')).toBe('ops/guides/setup');
  });
});

describe('URL rules', () => {
  it('paginates listings from page 2 on', () => {
    expect(tagPath('aws')).toBe('/tags/aws/');
    expect(tagPath('aws', 1)).toBe('/tags/aws/');
    expect(tagPath('aws', 2)).toBe('/tags/aws/2/');
    expect(topicPath('kubernetes', 3)).toBe('/topics/kubernetes/3/');
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });
  it('lists the layout ids an article page renders', () => {
    const ids = (faq: boolean, sources: boolean, related: boolean) =>
      [...articlePageIds({ headingIds: ['setup'], faq, sources, related })].sort();
    expect(ids(false, false, false)).toEqual(['main', 'setup', 'toc-title']);
    expect(ids(true, true, true)).toEqual(['faq', 'main', 'related-title', 'setup', 'sources', 'toc-title']);
  });
});

describe('links to an article whose file name is not its slug', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-routes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const vocabulary = join(ROOT, 'tests/fixtures/site');
  mkdirSync(join(dir, 'articles'));
  const article = (title: string, body: string) => `---
title: "${title}"
description: "An article used to check how links to a renamed file resolve before the build."
pubDate: 2026-11-01
lastReviewed: 2026-11-01
topic: kubernetes
tags: [kubernetes]
level: beginner
sources:
  - title: "Astro docs: the glob loader"
    url: "https://docs.astro.build/en/reference/content-loader-reference/#glob-loader"
---

## Overview

${body}
`;
  writeFileSync(join(dir, 'articles', 'My Notes.v2.md'), article('My notes, version two', 'The target.'));
  writeFileSync(
    join(dir, 'articles', 'linking.md'),
    article(
      'An article that links to the notes',
      `Right: [notes](${articlePath(articleId('My Notes.v2.md'))}#overview).\n\nWrong: [notes](/articles/my%20notes.v2/).`,
    ),
  );

  it('accepts the link to the published URL and rejects the one to the file name', async () => {
    const result = await checkContent({
      contentDir: dir,
      vocabularyDir: vocabulary,
      staleAfterMonths: 12,
      cwd: dir,
      today: new Date('2026-11-26'),
    });
    expect(result.articles.map((a) => a.id).sort()).toEqual(['linking', 'my-notesv2']);
    expect(result.problems.map(formatProblem)).toEqual([
      'articles/linking.md:18:8 link /articles/my%20notes.v2/: no page at /articles/my%20notes.v2/; did you mean /articles/my-notesv2/?',
    ]);
  });
});
