import { describe, expect, it } from 'vitest';
import { articlePage, type PageArticle } from '../../src/lib/article-page.ts';
import { groupByTag, groupByTopic, positions } from '../../src/lib/articles.ts';
import type { ArticleData } from '../../src/lib/schemas.ts';

const data = (overrides: Partial<ArticleData>): ArticleData => ({
  title: 'Copy files with kubectl cp',
  description: 'How kubectl cp works and where it fails.',
  pubDate: new Date('2026-01-10T00:00:00Z'),
  lastReviewed: new Date('2026-06-01T00:00:00Z'),
  topic: 'kubernetes',
  tags: ['kubernetes'],
  level: 'beginner',
  appliesTo: [],
  faq: [],
  sources: [],
  redirectFrom: [],
  draft: false,
  ...overrides,
});
const entry = (id: string, overrides: Partial<ArticleData> = {}): PageArticle => ({
  id,
  data: data({ title: `Title of ${id}`, ...overrides }),
  body: 'word '.repeat(440),
  filePath: `content/articles/${id}.md`,
});

const older = entry('older', { pubDate: new Date('2025-01-01T00:00:00Z'), tags: ['kubernetes', 'eks'] });
const current = entry('current', {
  pubDate: new Date('2026-01-10T00:00:00Z'),
  tags: ['kubernetes', 'eks'],
  faq: [{ question: 'Does it follow symlinks?', answer: 'No, it copies the link itself.' }],
  sources: [{ title: 'kubectl reference', url: 'https://kubernetes.io/docs/reference/kubectl/' }],
});
const newer = entry('newer', { pubDate: new Date('2026-05-01T00:00:00Z'), tags: ['kubernetes'] });
const elsewhere = entry('elsewhere', { topic: 'aws', tags: ['aws'] });
const all = [older, current, newer, elsewhere];
const byTag = groupByTag(all);
const byTopic = groupByTopic(all, ['kubernetes', 'aws']);
const site = {
  url: 'https://kb.example.com',
  name: 'KB',
  repoUrl: 'https://github.com/o/kb',
  branch: 'main',
  staleAfterMonths: 12,
};
const pageOf = (article: PageArticle, today = new Date('2026-11-26T00:00:00Z')) =>
  articlePage({
    article,
    headings: [{ depth: 2, slug: 'setup', text: 'Setup' }],
    byTag,
    tagPositions: positions(byTag),
    byTopic,
    topicPositions: positions(byTopic),
    site,
    today,
  });

describe('articlePage', () => {
  const page = pageOf(current);
  it('derives the path, URL, reading time and edit link', () => {
    expect(page.path).toBe('/articles/current/');
    expect(page.url).toBe('https://kb.example.com/articles/current/');
    expect(page.readingMinutes).toBe(2);
    expect(page.editUrl).toBe('https://github.com/o/kb/edit/main/content/articles/current.md');
  });
  it('links the older and the newer article of the same topic, in that order', () => {
    expect(page.pager).toEqual([
      { href: '/articles/older/', rel: 'prev', label: 'Previous', title: 'Title of older' },
      { href: '/articles/newer/', rel: 'next', label: 'Next', title: 'Title of newer' },
    ]);
    expect(pageOf(newer).pager[1]).toBeUndefined();
    expect(pageOf(elsewhere).pager).toEqual([undefined, undefined]);
  });
  it('relates the articles sharing the most tags first', () => {
    expect(page.related.map((a) => a.id)).toEqual(['older', 'newer']);
    expect(pageOf(elsewhere).related).toEqual([]);
  });
  it('puts the FAQ and the sources at the end of the table of contents, only when there are some', () => {
    expect(page.toc).toEqual([
      { depth: 2, slug: 'setup', text: 'Setup' },
      { depth: 2, slug: 'faq', text: 'Frequently asked questions' },
      { depth: 2, slug: 'sources', text: 'Sources' },
    ]);
    expect(pageOf(older).toc.map((h) => h.slug)).toEqual(['setup']);
  });
  it('describes the page for search engines with its absolute URL', () => {
    const graph = JSON.parse(page.jsonLd)['@graph'];
    expect(graph[0]).toMatchObject({ '@type': 'TechArticle', url: page.url, publisher: { name: 'KB' } });
    expect(graph[1]['@type']).toBe('FAQPage');
  });
  it('is stale once the last review is older than the configured months', () => {
    expect(page.stale).toBe(false);
    expect(pageOf(current, new Date('2027-06-02T00:00:00Z')).stale).toBe(true);
  });
});
