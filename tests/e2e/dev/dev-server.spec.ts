import { expect, test } from '@playwright/test';

// `npm run dev` is the writer's preview: drafts render there (and nowhere else), and
// search works against the pages the dev server renders.
test('a draft renders under the dev server', async ({ page }) => {
  const response = await page.goto('/articles/sample-draft/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sample draft that must never be published');
});

test('search works under the dev server, drafts included, typos corrected', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  // The site script is a module the dev server compiles on demand; wait until it is wired up.
  await expect(page.locator('[data-search-trigger]')).toHaveAttribute('aria-keyshortcuts', /Control\+K/);
  await page.keyboard.press('/');
  const input = page.locator('pagefind-modal input');
  await expect(input).toBeVisible({ timeout: 30_000 });
  await input.fill('quixotc');
  const first = page.locator('pagefind-modal pagefind-results a').first();
  await expect(first).toBeVisible({ timeout: 30_000 });
  await expect(first).toHaveAttribute('href', /\/articles\/script-title\//);
  await input.fill('draft body');
  await expect(page.locator('pagefind-modal pagefind-results a[href*="/articles/sample-draft/"]').first()).toBeVisible({
    timeout: 30_000,
  });
});
