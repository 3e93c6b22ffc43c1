import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { allPages } from './pages.ts';
import { axePages } from './axe-sample.ts';

// WCAG 2.2 A/AA plus axe's best practices (unique landmarks, one main, headings, regions…).
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

// The rules whose outcome depends on the colours: the only ones a theme can change, since the
// themes differ in CSS custom properties only (the markup is the same in both).
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

// One test per page and theme, so workers share them out (see axe-sample.ts for which pages). The
// light theme runs every rule; the dark theme runs the colour rules, which is what it can break:
// running all of them twice took the browser tests ~1 minute longer for nothing new.
const sample = axePages();
for (const theme of ['light', 'dark'] as const) {
  for (const path of sample) {
    test(`axe finds no WCAG 2.2 A/AA violation on ${path} (${theme} theme)`, async ({ page }) => {
      // A long article takes axe 20–40 s on a shared CI core.
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(path);
      const axe = new AxeBuilder({ page });
      const { violations } = await (theme === 'light' ? axe.withTags(WCAG) : axe.withRules(COLOUR_RULES)).analyze();
      expect(
        violations.map((v) => `${path}: ${v.id} (${v.nodes.length}×) ${v.nodes[0]?.target.join(' ')}: ${v.help}`),
      ).toEqual([]);
    });
  }
}

for (const theme of ['light', 'dark'] as const) {
  test(`the search dialog passes axe (${theme} theme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/');
    await page.keyboard.press('/');
    await page.locator('pagefind-modal input').fill('terraform');
    await expect(page.locator('pagefind-modal pagefind-results a').first()).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).include('pagefind-modal').withTags(WCAG).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('every page has one h1, no skipped heading level, lang, a skip link and labelled landmarks', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  for (const path of await allPages(request)) {
    await page.goto(path);
    const facts = await page.evaluate(() => {
      const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
      const skipped = levels.some((level, i) => i > 0 && level > levels[i - 1]! + 1);
      const navs = [...document.querySelectorAll('nav')].map(
        (n) => n.getAttribute('aria-label') ?? n.getAttribute('aria-labelledby') ?? '',
      );
      return {
        h1: levels.filter((l) => l === 1).length,
        skipped,
        lang: document.documentElement.lang,
        skip: !!document.querySelector('a.skip-link[href="#main"]') && !!document.getElementById('main'),
        mains: document.querySelectorAll('main').length,
        unlabelledNav: navs.filter((n) => !n).length,
        duplicateNav: navs.length !== new Set(navs).size,
      };
    });
    if (facts.h1 !== 1) problems.push(`${path}: ${facts.h1} h1 elements`);
    if (facts.skipped) problems.push(`${path}: skips a heading level`);
    if (facts.lang !== 'en') problems.push(`${path}: lang is '${facts.lang}'`);
    if (!facts.skip) problems.push(`${path}: no skip link to #main`);
    if (facts.mains !== 1) problems.push(`${path}: ${facts.mains} main landmarks`);
    if (facts.unlabelledNav || facts.duplicateNav) problems.push(`${path}: nav landmarks need unique labels`);
  }
  expect(problems).toEqual([]);
});

test('focus is visible on links and buttons', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).toBe('solid');
});

test('no page scrolls sideways at 320 px; tables and code scroll in their own box', async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 640 });
  const wide: string[] = [];
  for (const path of await allPages(request)) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) wide.push(`${path}: ${width}px`);
  }
  expect(wide).toEqual([]);
});
