import { describe, expect, it } from 'vitest';
import { articlePage, type PageArticle } from '../../src/lib/article-page.ts';
import { groupByTag, groupByTopic, isStale, positions } from '../../src/lib/articles.ts';
import { articleJsonLd } from '../../src/lib/structured-data.ts';
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
  it('lists the dates readers see, with the update only when there was one', () => {
    expect(page.dates).toEqual([
      { label: 'Published', datetime: '2026-01-10', text: '10 Jan 2026' },
      { label: 'Last reviewed', datetime: '2026-06-01', text: '1 Jun 2026' },
    ]);
    const updated = pageOf(entry('updated', { updatedDate: new Date('2026-03-02T00:00:00Z') }));
    expect(updated.dates.map((d) => d.label)).toEqual(['Published', 'Updated', 'Last reviewed']);
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

describe('freshness cut-off', () => {
  const today = new Date('2026-11-26T00:00:00Z');
  it('is fresh on the very day the age is reached and stale the day before it', () => {
    expect(isStale(new Date('2025-11-26T00:00:00Z'), today, 12)).toBe(false);
    expect(isStale(new Date('2025-11-25T23:59:59Z'), today, 12)).toBe(true);
  });
  it('counts calendar months, not 30-day blocks', () => {
    expect(isStale(new Date('2026-08-26T00:00:00Z'), today, 3)).toBe(false);
    expect(isStale(new Date('2026-08-25T00:00:00Z'), today, 3)).toBe(true);
  });
  it('with an age of 0 months, anything before today is stale', () => {
    expect(isStale(today, today, 0)).toBe(false);
    expect(isStale(new Date('2026-11-25T00:00:00Z'), today, 0)).toBe(true);
  });
});

describe('JSON-LD', () => {
  const hostile = data({
    title: 'Ends </script><script>alert(1)</script> here',
    description: 'A <!-- comment --> and an ampersand & in the description of this article.',
    faq: [{ question: 'What about </SCRIPT>?', answer: 'It must not end the element <either>.' }],
  });
  const json = articleJsonLd({ article: hostile, url: 'https://kb.example.com/articles/x/', siteName: 'KB' });
  it('never contains a "<", so no text can end the script element or open a comment', () => {
    expect(json).not.toContain('<');
    expect(json).toContain('\\u003c/script>');
  });
  it('still parses back to exactly the text written', () => {
    const graph = JSON.parse(json)['@graph'];
    expect(graph[0].headline).toBe(hostile.title);
    expect(graph[0].description).toBe(hostile.description);
    expect(graph[1].mainEntity[0]).toEqual({
      '@type': 'Question',
      name: 'What about </SCRIPT>?',
      acceptedAnswer: { '@type': 'Answer', text: 'It must not end the element <either>.' },
    });
  });
  it('leaves out the FAQ page and the citations when the article has none', () => {
    const plain = JSON.parse(articleJsonLd({ article: data({}), url: 'https://x/', siteName: 'KB' }))['@graph'];
    expect(plain).toHaveLength(1);
    expect(plain[0]).not.toHaveProperty('citation');
    expect(plain[0].dateModified).toBe(plain[0].datePublished);
  });
});
