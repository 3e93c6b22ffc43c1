import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

interface Query {
  q: string;
  expect: string;
  kind: string;
}
const { queries } = JSON.parse(readFileSync('tests/search/queries.json', 'utf8')) as { queries: Query[] };

test('the query set finds the expected article: ≥90% in the top 3, ≥70% at rank 1', async ({ page }) => {
  test.setTimeout(180_000);
  expect(queries.length).toBeGreaterThanOrEqual(40);
  await page.goto('/search/');
  const input = page.locator('[data-search-page] pagefind-input input');
  await expect(input).toBeVisible();
  const misses: string[] = [];
  let top1 = 0;
  let top3 = 0;
  const links = page.locator('[data-search-page] pagefind-results a');
  const summary = page.locator('[data-search-page] pagefind-summary');
  for (const query of queries) {
    // Clear first so results on screen can only belong to this query.
    await input.fill('');
    await expect(links).toHaveCount(0);
    await input.fill(query.q);
    await expect(summary).toContainText(query.q.slice(0, 12), { timeout: 10_000 });
    // Results render as skeletons and fill in as each page's data arrives (lazily, as they
    // scroll into view); read the top results only once they have all loaded.
    let hrefs: string[] = [];
    await expect(async () => {
      const text = (await summary.textContent()) ?? '';
      const top = await page
        .locator('[data-search-page] pagefind-results .pf-result')
        .evaluateAll((items) =>
          items
            .slice(0, 5)
            .map((item) =>
              item.querySelector('.pf-skeleton') ? null : (item.querySelector('a')?.getAttribute('href') ?? null),
            ),
        );
      const loaded = top.length > 0 && top.every((href) => href !== null);
      hrefs = top.filter((h): h is string => !!h);
      expect(/^no results/i.test(text.trim()) || loaded).toBe(true);
    }).toPass({ timeout: 10_000 });
    const ranked = [...new Set(hrefs.map((h) => /\/articles\/([^/]+)\//.exec(h)?.[1]).filter(Boolean))];
    const rank = ranked.indexOf(query.expect) + 1;
    if (rank === 1) top1++;
    if (rank >= 1 && rank <= 3) top3++;
    else
      misses.push(
        `${query.kind} "${query.q}" → expected ${query.expect}, got ${ranked.slice(0, 3).join(', ') || 'nothing'}`,
      );
  }
  const share = (n: number) => n / queries.length;
  console.log(`search quality: top-1 ${top1}/${queries.length}, top-3 ${top3}/${queries.length}\n${misses.join('\n')}`);
  expect(share(top3), misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  expect(share(top1)).toBeGreaterThanOrEqual(0.7);
});
