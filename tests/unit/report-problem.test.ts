import { describe, expect, it } from 'vitest';
import { reportProblemUrl } from '../../src/lib/report-problem.ts';

describe('reportProblemUrl', () => {
  const title = 'Q&A: why #anchors & ?queries break links';
  const href = reportProblemUrl({
    repoUrl: 'https://github.com/acme/kb/',
    title,
    url: 'https://kb.example.com/articles/q-and-a/',
    commit: '0123456789abcdef0123456789abcdef01234567',
    lastReviewed: '2026-11-01',
  });
  const url = new URL(href);

  it('opens a new issue in the repository', () => {
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/acme/kb/issues/new');
  });
  it('percent-encodes &, # and ? so the title and body survive whole', () => {
    expect(url.hash).toBe('');
    expect([...url.searchParams.keys()]).toEqual(['title', 'body']);
    expect(url.searchParams.get('title')).toBe(`Problem: ${title}`);
    expect(href).toContain('%26');
    expect(href).toContain('%23');
    expect(href).toContain('%3F');
  });
  it('carries the page URL, the commit and the last-review date', () => {
    const body = url.searchParams.get('body')!;
    expect(body).toContain('Page: https://kb.example.com/articles/q-and-a/');
    expect(body).toContain('Commit: 0123456789ab');
    expect(body).toContain('Last reviewed: 2026-11-01');
  });
  it('says so when the build had no Git checkout', () => {
    const body = new URL(
      reportProblemUrl({
        repoUrl: 'https://github.com/a/b',
        title: 't',
        url: 'u',
        commit: undefined,
        lastReviewed: 'd',
      }),
    ).searchParams.get('body');
    expect(body).toContain('Commit: unknown');
  });
});
