import { expect, test } from '@playwright/test';

// `npm run dev` is the writer's preview: drafts render there (and nowhere else), and
// search works against the pages the dev server renders.
test('a draft renders under the dev server', async ({ page }) => {
  const response = await page.goto('/articles/sample-draft/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sample draft that must never be published');
});

test('search works under the dev server, drafts included, typos corrected', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/');
  const input = page.locator('pagefind-modal input');
  // The site script is a module the dev server compiles on demand: wait until it is wired up
  // before pressing `/`. A save by the test before this one (check-on-save.spec.ts) can reach
  // this page as a late full reload, which closes the dialog it just opened: open it again
  // until it stays.
  await expect(async () => {
    await expect(page.locator('[data-search-trigger]')).toHaveAttribute('aria-keyshortcuts', /Control\+K/);
    if (!(await input.isVisible())) await page.keyboard.press('/');
    await expect(input).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  await input.fill('quixotc');
  const first = page.locator('pagefind-modal pagefind-results a').first();
  await expect(first).toBeVisible({ timeout: 30_000 });
  await expect(first).toHaveAttribute('href', /\/articles\/script-title\//);
  await input.fill('draft body');
  await expect(page.locator('pagefind-modal pagefind-results a[href*="/articles/sample-draft/"]').first()).toBeVisible({
    timeout: 30_000,
  });
});
