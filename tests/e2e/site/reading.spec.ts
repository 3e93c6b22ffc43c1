import { expect, test } from '@playwright/test';
import { publishedArticles } from '../content.ts';

const article = `/articles/${publishedArticles()[0]!.id}/`;

test.describe('theme', () => {
  test.beforeEach(async ({ page }) => {
    // Record the theme in the first animation frame, i.e. before the first paint.
    await page.addInitScript(() => {
      requestAnimationFrame(() => {
        (window as unknown as { firstPaint: unknown }).firstPaint = {
          theme: document.documentElement.dataset.theme ?? 'system',
          background: getComputedStyle(document.body).backgroundColor,
        };
      });
    });
  });

  test('the choice survives navigation and reload, with no flash of the other theme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(article);
    await page.getByLabel('Colour theme').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    for (const go of [() => page.goto('/tags/'), () => page.reload()]) {
      await go();
      const first = await page.evaluate(
        () => (window as unknown as { firstPaint: { theme: string; background: string } }).firstPaint,
      );
      expect(first).toEqual({ theme: 'dark', background: dark });
      await expect(page.getByLabel('Colour theme')).toHaveValue('dark');
    }
  });

  test('system follows the operating system; light overrides it', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(article);
    await expect(page.getByLabel('Colour theme')).toHaveValue('system');
    const systemDark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(systemDark).toBe('rgb(13, 17, 23)');
    await page.getByLabel('Colour theme').selectOption('light');
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor))
      .toBe('rgb(255, 255, 255)');
    // Code follows the theme through CSS variables, without re-highlighting.
    const token = page.locator('.astro-code .line > span[class]').first();
    const light = await token.evaluate((el) => getComputedStyle(el).color);
    await page.getByLabel('Colour theme').selectOption('dark');
    await expect.poll(() => token.evaluate((el) => getComputedStyle(el).color)).not.toBe(light);
  });
});

test('a table-of-contents link takes the reader to its heading and marks it', async ({ page }) => {
  await page.goto(article);
  const link = page.locator('.toc a').nth(2);
  const id = (await link.getAttribute('href'))!.slice(1);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#${id}$`));
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
  await expect(link).toHaveAttribute('aria-current', 'location');
});

test('the table of contents works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(article);
  const link = page.locator('.toc a').first();
  await expect(link).toBeVisible();
  const id = (await link.getAttribute('href'))!.slice(1);
  await link.click();
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
  await context.close();
});

test('the article header gives level, reading time, dates, tags, applies-to and an edit link', async ({ page }) => {
  await page.goto(article);
  const facts = page.locator('.facts');
  for (const label of ['Level', 'Reading time', 'Published', 'Last reviewed']) await expect(facts).toContainText(label);
  await expect(page.locator('.article-header .tag-list a').first()).toHaveAttribute('href', /^\/tags\/[a-z0-9-]+\/$/);
  await expect(page.locator('.applies-to .badge').first()).toBeVisible();
  await expect(page.locator('nav[aria-label="Breadcrumb"] a')).toHaveCount(3);
  await expect(page.getByRole('link', { name: 'Edit this page on GitHub' })).toHaveAttribute(
    'href',
    /\/edit\/main\/content\/articles\/.+\.md$/,
  );
});

test('heading anchors appear on focus and link to their heading', async ({ page }) => {
  await page.goto(article);
  const anchor = page.locator('.prose .heading-anchor').first();
  await expect(anchor).toHaveCSS('opacity', '0');
  await anchor.focus();
  await expect(anchor).toHaveCSS('opacity', '1');
  const heading = page.locator('.prose .heading-wrap').first().locator('h2');
  await expect(anchor).toHaveAttribute('href', `#${await heading.getAttribute('id')}`);
});

test('print hides the site chrome, shows link targets and wraps code', async ({ page }) => {
  await page.goto(article);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.article-aside')).toBeHidden();
  const ws = await page
    .locator('.astro-code code')
    .first()
    .evaluate((el) => getComputedStyle(el).whiteSpace);
  expect(ws).toBe('pre-wrap');
  const after = await page
    .locator('.prose a[href^="http"]')
    .first()
    .evaluate((el) => getComputedStyle(el, '::after').content);
  expect(after).toContain('http');
});
