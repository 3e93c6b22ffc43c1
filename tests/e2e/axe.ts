/**
 * Running axe in the browser tests. Every axe check of the site goes through `axeViolations`,
 * so they all run it the same (fast) way.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.2 A/AA plus axe's best practices (unique landmarks, one main, headings, regions…). */
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * The rules whose outcome depends on the colours: the only ones a theme can change, since the
 * themes differ in CSS custom properties only (the markup is the same in both).
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

/**
 * axe's violations on the page as it is now (theme, open menus and all).
 *
 * Two settings make this several times faster than a plain `new AxeBuilder({ page }).analyze()`
 * without changing which violations are found (a long article: 2.7–4.1 s → 0.6 s for every rule):
 * - legacy mode runs `axe.run()` in the page, instead of `axe.runPartial()` in each frame and
 *   `axe.finishRun()` in a blank page that @axe-core/playwright opens for every call. It cannot
 *   reach cross-origin frames, so a page with one fails here rather than going unchecked.
 * - `resultTypes: ['violations']` keeps every node of a violation but stops axe from building a
 *   selector for each of the thousands of nodes that pass, which nothing here reads.
 */
export async function axeViolations(
  page: Page,
  run: { tags: string[]; rules?: never; include?: string } | { rules: string[]; tags?: never; include?: string },
): Promise<Violations> {
  const origin = new URL(page.url()).origin;
  const foreign = page
    .frames()
    .map((f) => f.url())
    .filter((url) => !url.startsWith('about:') && new URL(url).origin !== origin);
  expect(foreign, 'axe runs in legacy mode, which skips cross-origin frames').toEqual([]);
  let axe = new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] });
  if (run.include) axe = axe.include(run.include);
  axe = run.tags ? axe.withTags(run.tags) : axe.withRules(run.rules!);
  return (await axe.analyze()).violations;
}
