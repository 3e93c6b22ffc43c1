import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEV_CONTENT_DIR, DEV_SERVER_LOG } from './content-copy.ts';

// A writer saves a mistake under `npm run dev`: the terminal names it (file:line) and the
// article shows it at the top; saving the fix removes both. The server reads a copy of the
// fixture content (content-copy.ts), which these tests edit and put back.
test.describe.configure({ mode: 'serial' });

const FILE = join(DEV_CONTENT_DIR, 'articles', 'sample-published.mdx');
const URL = '/articles/sample-published/';
let original = '';

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const serverLog = () => readFile(DEV_SERVER_LOG, 'utf8');
const panel = (page: Page) => page.getByRole('region', { name: /Content check/ });

/** Saves `edit(original)`; returns the saved text. */
async function save(edit: (text: string) => string): Promise<string> {
  const text = edit(original);
  expect(text).not.toBe(original);
  await writeFile(FILE, text);
  return text;
}

test.beforeAll(async () => {
  original = await readFile(FILE, 'utf8');
});

test.afterEach(async () => {
  await writeFile(FILE, original);
});

test.beforeEach(async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(URL);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(panel(page)).toHaveCount(0);
});

test('a broken link appears on the page and in the terminal with its line, and the fix removes both', async ({
  page,
}) => {
  const logBefore = (await serverLog()).length;
  const text = await save((t) =>
    t.replace('\n## Code blocks\n', '\n## Code blocks\n\nSee [the missing page](/articles/no-such-article/).\n'),
  );
  const line = lineOf(text, 'See [the missing page]');
  // No reload by the test: the dev server reloads the page once the check is done.
  await expect(panel(page)).toBeVisible({ timeout: 30_000 });
  const item = panel(page).getByRole('listitem').filter({ hasText: 'link /articles/no-such-article/' });
  await expect(item).toContainText('no page at /articles/no-such-article/');
  const where = item.getByRole('link', { name: `Line ${line}` });
  await expect(where).toBeVisible();
  // The line links to the broken link itself in the article.
  const target = (await where.getAttribute('href'))!.slice(1);
  await expect(page.locator(`.article a[id="${target}"]`)).toHaveAttribute('href', '/articles/no-such-article/');
  await expect
    .poll(async () => (await serverLog()).slice(logBefore), { timeout: 30_000 })
    .toContain(`articles/sample-published.mdx:${line}:`);
  expect((await serverLog()).slice(logBefore)).toMatch(
    new RegExp(`sample-published\\.mdx:${line}:\\d+ link /articles/no-such-article/: no page at`),
  );

  const logAtFix = (await serverLog()).length;
  await writeFile(FILE, original);
  await expect(panel(page)).toHaveCount(0, { timeout: 30_000 });
  await expect
    .poll(async () => (await serverLog()).slice(logAtFix), { timeout: 30_000 })
    .toMatch(/sample-published\.mdx: fixed/);
});

test('a broken anchor appears the same way', async ({ page }) => {
  const text = await save((t) =>
    t.replace('\n## Code blocks\n', '\n## Code blocks\n\nSee [the steps](/articles/script-title/#no-such-section).\n'),
  );
  await expect(panel(page)).toBeVisible({ timeout: 30_000 });
  await expect(panel(page)).toContainText(`Line ${lineOf(text, 'See [the steps]')}`);
  await expect(panel(page)).toContainText("no heading with id 'no-such-section' on /articles/script-title/");
});

test('an unknown tag appears the same way', async ({ page }) => {
  const text = await save((t) => t.replace('tags: [terraform, aws]', 'tags: [terraform, aws, no-such-tag]'));
  await expect(panel(page)).toBeVisible({ timeout: 30_000 });
  await expect(panel(page)).toContainText(`Line ${lineOf(text, 'tags: [')}`);
  await expect(panel(page)).toContainText("unknown tag 'no-such-tag'");
});

test('a snippet that does not parse appears the same way, pointing at its section', async ({ page }) => {
  const text = await save((t) => t.replace('\n## Code blocks\n', '\n## Code blocks\n\n```yaml\nkey: [unclosed\n```\n'));
  await expect(panel(page)).toBeVisible({ timeout: 30_000 });
  const item = panel(page).getByRole('listitem').filter({ hasText: '```yaml fence' });
  await expect(item.getByRole('link', { name: `Line ${lineOf(text, 'key: [unclosed')}` })).toHaveAttribute(
    'href',
    '#code-blocks',
  );
});

test('a file that cannot be parsed shows the error overlay with the check’s message, not a blank page', async ({
  page,
}) => {
  const text = await save((t) => t.replace('This fixture stands in', 'This {fixture stands in'));
  const line = lineOf(text, 'This {fixture');
  const overlay = page.locator('vite-error-overlay');
  await expect(overlay).toBeAttached({ timeout: 30_000 });
  // The overlay's text is in its shadow root, which getByText looks into.
  await expect(overlay.getByText(`sample-published.mdx:${line}:6 MDX syntax:`).first()).toBeVisible({
    timeout: 30_000,
  });
});
