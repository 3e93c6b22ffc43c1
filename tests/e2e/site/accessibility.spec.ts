import { expect, test, type Page } from '@playwright/test';
import { COLOUR_RULES, WCAG, axeViolations } from '../axe.ts';
import { allPages } from './pages.ts';
import { axePages } from './axe-sample.ts';

/**
 * Switches the loaded page to a theme in place, as changing the system setting does (every colour
 * is a light-dark() custom property), and returns the page background, to check that it took.
 */
async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<string> {
  await page.emulateMedia({ colorScheme: theme });
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

// One test per page, so workers share them out (see axe-sample.ts for which pages). Each page is
// loaded once: axe runs every rule in the light theme, then the page switches to the dark theme
// in place and axe runs the colour rules, which is all a theme can change. Both are reported
// together, each violation naming its theme and rule.
const sample = axePages();
for (const path of sample) {
  test(`axe finds no WCAG 2.2 A/AA violation on ${path} (light and dark theme)`, async ({ page }) => {
    // A long article takes axe several seconds on a shared CI core.
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(path);
    const lightBackground = await useTheme(page, 'light');
    const report = (theme: string, violations: Awaited<ReturnType<typeof axeViolations>>) =>
      violations.map(
        (v) => `${path} (${theme} theme): ${v.id} (${v.nodes.length}×) ${v.nodes[0]?.target.join(' ')}: ${v.help}`,
      );
    const light = await test.step('light theme: every rule', async () =>
      report('light', await axeViolations(page, { tags: WCAG })));
    const dark = await test.step('dark theme: the colour rules', async () => {
      expect(await useTheme(page, 'dark'), 'the page did not switch theme').not.toBe(lightBackground);
      return report('dark', await axeViolations(page, { rules: COLOUR_RULES }));
    });
    expect([...light, ...dark]).toEqual([]);
  });
}

test('the search dialog passes axe in the light and the dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await page.keyboard.press('/');
  await page.locator('pagefind-modal input').fill('terraform');
  await expect(page.locator('pagefind-modal pagefind-results a').first()).toBeVisible();
  const problems: string[] = [];
  const backgrounds = new Set<string>();
  for (const theme of ['light', 'dark'] as const) {
    backgrounds.add(await useTheme(page, theme));
    const violations = await axeViolations(page, { tags: WCAG, include: 'pagefind-modal' });
    problems.push(
      ...violations.map((v) => `${theme} theme: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    );
  }
  expect(backgrounds.size, 'the page did not switch theme').toBe(2);
  expect(problems).toEqual([]);
});

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
