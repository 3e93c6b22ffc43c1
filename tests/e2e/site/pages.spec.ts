import { expect, test } from '@playwright/test';
import { publishedArticles } from '../content.ts';

const articles = publishedArticles();

test('home lists every published article, linked, newest first within a topic', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('DevOps Knowledge Base');
  for (const article of articles) {
    const link = page.locator(`main a[href="/articles/${article.id}/"]`).first();
    await expect(link, article.id).toHaveText(article.title);
  }
  await page.locator(`main a[href="/articles/${articles[0]!.id}/"]`).first().click();
  await expect(page).toHaveURL(`/articles/${articles[0]!.id}/`);
});

test('an article renders its title, section headings and highlighted code', async ({ page }) => {
  const withCode = articles[0]!;
  await page.goto(`/articles/${withCode.id}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(withCode.title);
  expect(await page.locator('article h2').count()).toBeGreaterThan(1);
  const block = page.locator('figure.code pre.astro-code').first();
  await expect(block).toBeVisible();
  // Highlighted: token classes give each token its theme colours as CSS variables.
  const token = block.locator('.line > span[class]').first();
  expect(await token.evaluate((el) => getComputedStyle(el).getPropertyValue('--shiki-light'))).toMatch(
    /^#[0-9a-f]{6}$/,
  );
  await expect(page.locator('figure.code .code-lang').first()).not.toBeEmpty();
});

test('each tag page lists exactly the articles with that tag', async ({ page }) => {
  const tags = new Set(articles.flatMap((a) => a.tags));
  for (const tag of tags) {
    await page.goto(`/tags/${tag}/`);
    const expected = articles
      .filter((a) => a.tags.includes(tag))
      .map((a) => `/articles/${a.id}/`)
      .sort();
    const listed = await page.locator('main .card h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(listed.sort(), tag).toEqual(expected);
  }
});

test('the tags index links to every tag page', async ({ page }) => {
  await page.goto('/tags/');
  const tags = new Set(articles.flatMap((a) => a.tags));
  for (const tag of tags) await expect(page.locator(`main a[href="/tags/${tag}/"]`)).toHaveCount(1);
});

test('an unknown URL answers 404 with a page that helps the reader on', async ({ page }) => {
  const response = await page.goto('/articles/no-such-article/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.locator('main a[href="/"]')).toHaveCount(1);
  await expect(page.locator('main a[href="/tags/"]')).toHaveCount(1);
  await expect(page.locator('main a[href="/search/"]')).toHaveCount(1);
});

test('sitemap, robots.txt and the feed are served and agree with each other', async ({ request }) => {
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap-index\.xml$/m);
  const index = await request.get('/sitemap-index.xml');
  expect(index.status()).toBe(200);
  const feed = await (await request.get('/rss.xml')).text();
  for (const article of articles) expect(feed).toContain(`/articles/${article.id}/`);
  expect((feed.match(/<item>/g) ?? []).length).toBe(articles.length);
});

test('every page uses one URL convention: internal links end in a slash', async ({ page }) => {
  await page.goto('/');
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const bad = hrefs.filter((h) => !/\/(#.*)?$/.test(h) && !/\.\w+$/.test(h));
  expect(bad).toEqual([]);
});
