import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEV_CONTENT_DIR } from './content-copy.ts';

// Under `npm run dev`, search follows saves (src/integrations/dev-search-index.ts): a saved
// article's new text is found, its old text no longer is, and a deleted article drops out.
// The server reads a copy of the fixture content (content-copy.ts); these tests put it back.
test.describe.configure({ mode: 'serial' });

const FILE = join(DEV_CONTENT_DIR, 'articles', 'stale-review.mdx');
const ARTICLE = '/articles/stale-review/';
/** A word only this article has, in its title. */
const OLD_WORD = 'nobody';
let original = '';

/** The article paths the search page lists for `term`, once its results have loaded. */
async function searchFor(page: Page, term: string): Promise<string[]> {
  await page.goto(`/search/?q=${encodeURIComponent(term)}`);
  const summary = page.locator('[data-search-page] pagefind-summary');
  await expect(summary).toContainText(term, { timeout: 30_000 });
  let paths: string[] = [];
  await expect(async () => {
    const text = (await summary.textContent()) ?? '';
    const hrefs = await page
      .locator('[data-search-page] pagefind-results .pf-result')
      .evaluateAll((items) =>
        items.map((item) =>
          item.querySelector('.pf-skeleton') ? null : (item.querySelector('a')?.getAttribute('href') ?? null),
        ),
      );
    expect(/^no results/i.test(text.trim()) || (hrefs.length > 0 && hrefs.every((h) => h !== null))).toBe(true);
    paths = hrefs.map((h) => new URL(h!, 'http://x').pathname);
  }).toPass({ timeout: 15_000 });
  return paths;
}

/** Polls the search (no time limit asserted beyond the test's own) until `check` holds. */
async function eventually(page: Page, term: string, check: (paths: string[]) => boolean): Promise<void> {
  await expect(async () => expect(check(await searchFor(page, term))).toBe(true)).toPass({ timeout: 60_000 });
}

test.beforeAll(async () => {
  original = await readFile(FILE, 'utf8');
});

test.afterEach(async () => {
  await writeFile(FILE, original);
});

test.beforeEach(async ({ page }) => {
  test.setTimeout(150_000);
  // Also builds the full index first, so what follows goes through the index of changes.
  await eventually(page, OLD_WORD, (paths) => paths.includes(ARTICLE));
});

test('a word saved into an article is found, and a word taken out of it no longer is', async ({ page }) => {
  const word = `zorblaxquint${Date.now().toString(36).replace(/\d/g, '')}`;
  await writeFile(FILE, original.replace(OLD_WORD, word));
  await eventually(page, word, (paths) => paths.includes(ARTICLE));
  expect(await searchFor(page, OLD_WORD)).not.toContain(ARTICLE);
  // Saved back: found by its old word again, and only once.
  await writeFile(FILE, original);
  await eventually(page, OLD_WORD, (paths) => paths.filter((p) => p === ARTICLE).length === 1);
  expect(await searchFor(page, word)).not.toContain(ARTICLE);
});

test('a deleted article drops out of search', async ({ page }) => {
  await rm(FILE);
  await eventually(page, OLD_WORD, (paths) => !paths.includes(ARTICLE));
});
