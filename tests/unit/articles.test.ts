import { describe, expect, it } from 'vitest';
import {
  byNewest,
  groupByTag,
  groupByTopic,
  isStale,
  paginate,
  positions,
  readingMinutes,
  relatedArticles,
  topicNeighbours,
  type ArticleRef,
} from '../../src/lib/articles.ts';

const article = (id: string, day: string, topic: string, tags: string[]): ArticleRef => ({
  id,
  data: {
    title: id.toUpperCase(),
    description: '',
    pubDate: new Date(day),
    topic,
    tags,
    level: 'beginner',
    draft: false,
  },
});
const a = article('a', '2026-01-01', 'aws', ['aws', 'iam']);
const b = article('b', '2026-03-01', 'aws', ['aws']);
const c = article('c', '2026-02-01', 'kubernetes', ['kubernetes', 'iam']);
const d = article('d', '2026-04-01', 'aws', ['aws', 'iam', 'terraform']);

describe('ordering and grouping', () => {
  it('sorts newest first, stably by title on the same day', () => {
    const twin = article('z', '2026-03-01', 'aws', []);
    expect(byNewest([a, twin, b, c]).map((x) => x.id)).toEqual(['b', 'z', 'c', 'a']);
  });

  it('groups by topic in vocabulary order and drops empty topics', () => {
    const groups = groupByTopic([a, b, c], ['kubernetes', 'aws', 'ai']);
    expect([...groups.keys()]).toEqual(['kubernetes', 'aws']);
    expect(groups.get('aws')!.map((x) => x.id)).toEqual(['b', 'a']);
  });

  it('indexes articles by tag, newest first', () => {
    expect(
      groupByTag([a, b, c])
        .get('iam')!
        .map((x) => x.id),
    ).toEqual(['c', 'a']);
  });

  it('finds previous (older) and next (newer) within the topic only', () => {
    const byTopic = groupByTopic([a, b, c, d], ['aws', 'kubernetes']);
    const at = positions(byTopic);
    expect(topicNeighbours(byTopic.get('aws')!, at.get('aws')!.get('b'))).toEqual({ previous: a, next: d });
    expect(topicNeighbours(byTopic.get('kubernetes')!, at.get('kubernetes')!.get('c'))).toEqual({
      previous: undefined,
      next: undefined,
    });
    expect(topicNeighbours(byTopic.get('aws')!, undefined)).toEqual({});
  });

  it('ranks related articles by shared tags, then closeness in date, excluding itself', () => {
    const index = groupByTag([a, b, c, d]);
    const at = positions(index);
    expect(relatedArticles(index, at, a).map((x) => x.id)).toEqual(['d', 'c', 'b']);
    expect(relatedArticles(index, at, a, 1).map((x) => x.id)).toEqual(['d']);
  });

  it('looks only at a window of each tag around the article, so large tags cost no more', () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      article(`x${i}`, `2025-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`, 'aws', ['aws']),
    );
    const index = groupByTag(many);
    const at = positions(index);
    const current = index.get('aws')![100]!;
    const related = relatedArticles(index, at, current, 3, 2);
    const position = (id: string) => at.get('aws')!.get(id)!;
    for (const r of related) expect(Math.abs(position(r.id) - 100)).toBeLessThanOrEqual(2);
  });
});

describe('reading time', () => {
  it('counts prose at 220 words a minute and code at a third', () => {
    const prose = 'word '.repeat(440);
    expect(readingMinutes(prose)).toBe(2);
    const withCode = `${prose}\n\`\`\`bash\n${'echo '.repeat(660)}\n\`\`\`\n`;
    expect(readingMinutes(withCode)).toBe(3);
  });
  it('is at least one minute', () => expect(readingMinutes('Short.')).toBe(1));
});

describe('pagination', () => {
  it('splits into pages and always has at least one', () => {
    expect(paginate([1, 2, 3, 4, 5], 2).map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([], 2)).toEqual([{ items: [], current: 1, total: 1 }]);
  });
});

describe('freshness', () => {
  it('flags a review older than the configured months', () => {
    const today = new Date('2026-11-26');
    expect(isStale(new Date('2025-11-25'), today, 12)).toBe(true);
    expect(isStale(new Date('2025-11-27'), today, 12)).toBe(false);
    expect(isStale(new Date('2026-06-01'), today, 3)).toBe(true);
  });
});

describe('listing pages', () => {
  it('gives each vocabulary entry its pages, optionally skipping empty ones', async () => {
    const { listingPages } = await import('../../src/lib/articles.ts');
    const lists = new Map([['aws', [1, 2, 3]]]);
    const entries = [{ id: 'aws' }, { id: 'empty' }];
    expect(listingPages(entries, lists, 2, true).map((p) => [p.entry.id, p.page.current, p.page.items])).toEqual([
      ['aws', 1, [1, 2]],
      ['aws', 2, [3]],
    ]);
    expect(listingPages(entries, lists, 2, false).map((p) => [p.entry.id, p.page.current])).toEqual([
      ['aws', 1],
      ['aws', 2],
      ['empty', 1],
    ]);
  });
});

describe('listing routes', () => {
  it('gives tag pages their crumbs and page links, and only for tags in use', async () => {
    const { listingRoutes } = await import('../../src/lib/listings.ts');
    const tags = [
      { id: 'aws', label: 'AWS', description: 'Amazon.' },
      { id: 'unused', label: 'Unused', description: 'None.' },
    ];
    const source = { tags, byTag: new Map([['aws', [1, 2, 3]]]), topics: tags, byTopic: new Map<string, number[]>() };
    const routes = listingRoutes('tag', source, 2);
    expect(routes.map((r) => r.params)).toEqual([
      { tag: 'aws', page: undefined },
      { tag: 'aws', page: '2' },
    ]);
    expect(routes[1]!.props).toMatchObject({
      heading: 'Tag: AWS',
      crumbs: [
        { href: '/tags/', label: 'Tags' },
        { href: '/tags/aws/', label: 'AWS' },
      ],
      page: { items: [3], current: 2, total: 2 },
    });
    expect(routes[1]!.props.pageHref(1)).toBe('/tags/aws/');
    const topics = listingRoutes('topic', source, 2);
    expect(topics.map((r) => [r.params.topic, r.props.heading, r.props.pageHref(2)])).toEqual([
      ['aws', 'AWS', '/topics/aws/2/'],
      ['unused', 'Unused', '/topics/unused/2/'],
    ]);
  });
});
