import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { publishedArticles } from '../content.ts';

// Byte budgets, counted as gzip of what the browser actually fetched. Counts, not timings.
// The total includes the article's own HTML, which grew when the articles gained their
// missing sections and inline SVG diagrams (the longest is ~31 KB); 40 KB is still well under
// what a default Starlight page transfers. JS and CSS are the site's chrome and stay strict.
const TOTAL = 40 * 1024;
const JS = 6 * 1024;
const CSS = 10 * 1024;

test('every article page stays within its transfer budget until the network is idle', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const report: string[] = [];
  for (const article of publishedArticles()) {
    // A fresh context per article: an empty cache, as for a reader arriving from a search engine.
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const sizes = { total: 0, js: 0, css: 0 };
    const pending: Promise<void>[] = [];
    const origins = new Set<string>();
    const onResponse = (response: import('@playwright/test').Response) => {
      origins.add(new URL(response.url()).origin);
      pending.push(
        response.body().then(
          (body) => {
            const bytes = gzipSync(body).length;
            const type = response.headers()['content-type'] ?? '';
            sizes.total += bytes;
            if (type.includes('javascript')) sizes.js += bytes;
            if (type.includes('css')) sizes.css += bytes;
          },
          () => undefined,
        ),
      );
    };
    page.on('response', onResponse);
    await page.goto(`/articles/${article.id}/`, { waitUntil: 'networkidle' });
    await Promise.all(pending);
    await context.close();
    // Inline <script> and <style> count too: they are in the HTML, which is in the total.
    report.push(`${article.id}: ${sizes.total} B total, ${sizes.js} B JS, ${sizes.css} B CSS`);
    expect(origins.size, `${article.id} made requests to ${[...origins].join(', ')}`).toBe(1);
    expect(sizes.total, report.at(-1)).toBeLessThanOrEqual(TOTAL);
    expect(sizes.js, report.at(-1)).toBeLessThanOrEqual(JS);
    expect(sizes.css, report.at(-1)).toBeLessThanOrEqual(CSS);
  }
  console.log(report.join('\n'));
});

test('an article page links to a bounded number of other articles, not to the whole site', async ({ page }) => {
  const ids = publishedArticles().map((a) => a.id);
  for (const id of ids) {
    await page.goto(`/articles/${id}/`);
    // Outside the article body: breadcrumbs, previous/next (2) and related (3) at most.
    const chrome = await page
      .locator('a[href^="/articles/"]:not(.prose a):not(.breadcrumbs a)')
      .evaluateAll((as) => new Set(as.map((a) => a.getAttribute('href'))).size);
    expect(chrome, id).toBeLessThanOrEqual(5);
  }
});

test('no web fonts are loaded', async ({ page }) => {
  const fonts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'font') fonts.push(r.url());
  });
  await page.goto(`/articles/${publishedArticles()[0]!.id}/`, { waitUntil: 'networkidle' });
  expect(fonts).toEqual([]);
});
