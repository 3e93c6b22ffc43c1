import { expect, test, type Page } from '@playwright/test';

async function resultPaths(page: Page, scope: string): Promise<string[]> {
  const hrefs = await page
    .locator(`${scope} pagefind-results a`)
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.map((h) => new URL(h, 'http://x').pathname))];
}

test('nothing of search loads until the reader opens it', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('/articles/kubectl-cp/');
  await page.waitForLoadState('networkidle');
  expect(requested.filter((p) => p.startsWith('/pagefind/') || p.includes('search-ui'))).toEqual([]);
  await page.keyboard.press('/');
  await expect(page.locator('pagefind-modal dialog')).toBeVisible();
  expect(requested.some((p) => p.startsWith('/pagefind/'))).toBe(true);
});

test('"/" opens the dialog; typing, ArrowDown and Enter land on the article with the terms highlighted', async ({
  page,
}) => {
  await page.goto('/');
  await page.keyboard.press('/');
  const input = page.locator('pagefind-modal input');
  await expect(input).toBeFocused();
  await input.fill('kubectl cp tar');
  await expect(page.locator('pagefind-modal pagefind-results a').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/articles\/kubectl-cp\/\?highlight=/);
  await expect(page.locator('article mark').first()).toBeVisible();
});

test('Ctrl+K opens the dialog, focus stays inside, Escape closes it and returns focus', async ({ page }) => {
  await page.goto('/tags/');
  const trigger = page.locator('[data-search-trigger]');
  await trigger.focus();
  await page.keyboard.press('Control+k');
  const dialog = page.locator('pagefind-modal dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveJSProperty('open', true);
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
});

test('the number of results is announced to screen readers', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  await page.locator('pagefind-modal input').waitFor();
  // Live regions are cleared after speaking, so record what passes through them.
  await page.evaluate(() => {
    const heard: string[] = ((window as unknown as { heard: string[] }).heard = []);
    new MutationObserver((records) => {
      for (const record of records) {
        const el = record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
        const text = el?.closest('[aria-live]')?.textContent?.trim();
        if (text) heard.push(text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.locator('pagefind-modal input').fill('kyverno');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { heard: string[] }).heard.join(' | ')))
    .toMatch(/\d+ results? for kyverno/);
});

test('a misspelt query is corrected and the interface says what it searched for', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  await page.locator('pagefind-modal input').fill('terrafrom asg');
  await expect(page.locator('pagefind-modal .search-note')).toHaveText(
    /Showing results for “terraform auto scaling group”/,
  );
  // The note is written when the search returns, before the results are drawn: wait for them.
  await expect(page.locator('pagefind-modal pagefind-results a').first()).toBeVisible();
  expect((await resultPaths(page, 'pagefind-modal'))[0]).toBe('/articles/terraform-worker-fleets/');
});

test('/search/?q= shows results on load and keeps the URL in step with the query', async ({ page }) => {
  await page.goto('/search/?q=warm%20pool');
  await expect(page.locator('[data-search-page] pagefind-results a').first()).toBeVisible();
  expect((await resultPaths(page, '[data-search-page]'))[0]).toBe('/articles/terraform-worker-fleets/');
  await page.locator('[data-search-page] pagefind-input input').fill('kyverno');
  await expect(page).toHaveURL(/\?q=kyverno$/);
  await page.reload();
  await expect(page.locator('[data-search-page] pagefind-input input')).toHaveValue('kyverno');
  await expect(page.locator('[data-search-page] pagefind-results a').first()).toBeVisible();
});

test('the search page offers filters by tag, level and tool', async ({ page }) => {
  await page.goto('/search/?q=terraform');
  const pane = page.locator('pagefind-filter-pane');
  await expect(pane).toContainText(/tag/i);
  await expect(pane).toContainText(/level/i);
  await expect(pane).toContainText(/tool/i);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the search button is a link to /search/, which explains and lists tags', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('[data-search-trigger]')).toHaveAttribute('href', '/search/');
    await page.goto('/search/');
    await expect(page.getByText('Search needs JavaScript')).toBeVisible();
    expect(await page.locator('.search-fallback a[href^="/tags/"]').count()).toBeGreaterThan(3);
  });
});
