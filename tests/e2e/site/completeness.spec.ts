import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { publishedArticles } from '../content.ts';

// Count in = count out: every published article reaches the page, the sitemap, the feed
// and the search index; nothing is dropped on the way.
test('every published article is in dist, the sitemap, the feed and the search index', async ({ request }) => {
  const expected = publishedArticles()
    .map((a) => `/articles/${a.id}/`)
    .sort();
  expect(expected.length).toBeGreaterThan(0);

  for (const path of expected) expect((await request.get(path)).status(), path).toBe(200);

  const index = await (await request.get('/sitemap-index.xml')).text();
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const urls = (await Promise.all(sitemaps.map(async (s) => (await request.get(s)).text()))).flatMap((x) =>
    [...x.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname),
  );
  expect(urls.filter((u) => u.startsWith('/articles/')).sort()).toEqual(expected);

  const feed = await (await request.get('/rss.xml')).text();
  const items = [...feed.matchAll(/<link>([^<]+)<\/link>/g)]
    .map((m) => new URL(m[1]!).pathname)
    .filter((p) => p.startsWith('/articles/'));
  expect(items.sort()).toEqual(expected);

  // Pagefind records how many pages it indexed; only article bodies are indexed.
  const entry = JSON.parse(readFileSync('dist/pagefind/pagefind-entry.json', 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  expect(indexed).toBe(expected.length);
});
