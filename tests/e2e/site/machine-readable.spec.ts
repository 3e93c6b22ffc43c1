// Markdown twins, llms.txt, preview images, "Copy page", the report link and the
// dates: what assistants, chat apps and readers get besides the HTML page.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from '../axe.ts';
import { publishedArticles } from '../content.ts';
import { parseLlmsTxt } from '../../llms-txt-format.ts';
import { splitFrontmatter } from '../../../src/lib/frontmatter-source.ts';
import { markdownTwinPath } from '../../../src/lib/routes.ts';
import { site } from '../../../src/site.config.ts';

const twinUrl = (id: string) => new URL(markdownTwinPath(id), site.url).href;
const sourceBody = (id: string) => {
  const file = ['md', 'mdx']
    .map((ext) => join('content/articles', `${id}.${ext}`))
    .find((f) => {
      try {
        readFileSync(f);
        return true;
      } catch {
        return false;
      }
    })!;
  return splitFrontmatter(readFileSync(file, 'utf8'))!.body.trim();
};
/** A twin's section headings (## and deeper, outside code fences), as the page shows them. */
function twinHeadings(markdown: string): string[] {
  const withoutFences = markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
  return [...withoutFences.matchAll(/^(#{2,6}) (.+)$/gm)].map(
    ([, hashes, text]) =>
      `h${hashes!.length} ${text!
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .replace(/[`*]/g, '')
        .replace(/\\(.)/g, '$1')
        .trim()}`,
  );
}
// The page prints typographic quotes where the source has straight ones.
const straightQuotes = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
const pageHeadings = async (page: Page) =>
  (
    await page
      .locator('article.article :is(h2, h3, h4, h5, h6)')
      .evaluateAll((hs) => hs.map((h) => `${h.tagName.toLowerCase()} ${h.textContent?.trim()}`))
  ).map(straightQuotes);

test('llms.txt follows the llmstxt.org format and lists exactly the published articles', async ({ request }) => {
  const response = await request.get('/llms.txt');
  expect(response.headers()['content-type']).toMatch(/^text\/plain/);
  const parsed = parseLlmsTxt(await response.text());
  expect(parsed.title).toBe(site.name);
  expect(parsed.summary).toBe(site.description);
  const listed = [...parsed.sections.values()].flat().map((e) => e.url);
  expect(listed.sort()).toEqual(
    publishedArticles()
      .map((a) => twinUrl(a.id))
      .sort(),
  );
  for (const entry of [...parsed.sections.values()].flat()) expect(entry.notes, entry.url).toBeTruthy();
});

test('llms-full.txt holds every published article body, newest first', async ({ request }) => {
  const full = (await (await request.get('/llms-full.txt')).text()).replace(/\r\n/g, '\n');
  // The site's order: newest first, ties by title.
  const newestFirst = [...publishedArticles()].sort(
    (a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.title.localeCompare(b.title),
  );
  let last = -1;
  for (const article of newestFirst) {
    expect(full, article.id).toContain(sourceBody(article.id));
    const at = full.indexOf(`- URL: ${new URL(`/articles/${article.id}/`, site.url).href}`);
    expect(at, `${article.id} is out of order`).toBeGreaterThan(last);
    last = at;
  }
});

test('every twin is Markdown with the header facts and the body, and its headings are the page’s', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  for (const article of publishedArticles()) {
    const response = await request.get(markdownTwinPath(article.id));
    expect(response.status(), article.id).toBe(200);
    expect(response.headers()['content-type'], article.id).toMatch(/^text\/markdown/);
    const twin = (await response.text()).replace(/^\uFEFF/, '');
    expect(twin.split('\n')[0]).toMatch(/^# /);
    expect(twin).toContain(`- URL: ${new URL(`/articles/${article.id}/`, site.url).href}`);
    expect(twin).toContain(`- Published: ${article.pubDate.toISOString().slice(0, 10)}`);
    expect(twin).toMatch(/^- Last reviewed: \d{4}-\d{2}-\d{2}$/m);
    expect(twin).toMatch(/^- Tags: .+$/m);
    expect(twin).toContain(sourceBody(article.id));

    await page.goto(`/articles/${article.id}/`);
    await expect(page.locator('link[rel="alternate"][type="text/markdown"]')).toHaveAttribute(
      'href',
      markdownTwinPath(article.id),
    );
    expect(twinHeadings(twin).map(straightQuotes), article.id).toEqual(await pageHeadings(page));
  }
});

test('a browser shows a twin as UTF-8 text, exactly as served', async ({ page, request }) => {
  // The article with the most non-ASCII characters (a wrong charset garbles them).
  const id = publishedArticles()
    .map((a) => ({ id: a.id, count: (sourceBody(a.id).match(/[^\x00-\x7f]/g) ?? []).length }))
    .sort((a, b) => b.count - a.count)[0]!.id;
  const served = (await (await request.get(markdownTwinPath(id))).text()).replace(/^\uFEFF/, '');
  await page.goto(markdownTwinPath(id));
  expect(await page.locator('pre').textContent()).toBe(served);
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('every article and the home page have a 1200×630 PNG preview image of their own', async ({ page }) => {
  const hashes = new Map<string, string>();
  for (const path of ['/', ...publishedArticles().map((a) => `/articles/${a.id}/`)]) {
    await page.goto(path);
    const meta = (property: string) =>
      page.locator(`meta[property="${property}"], meta[name="${property}"]`).getAttribute('content');
    const image = (await meta('og:image'))!;
    expect(image, path).toMatch(new RegExp(`^${site.url.replace(/[.]/g, '\\.')}/`));
    const bytes = readFileSync(join('dist', new URL(image).pathname));
    expect(pngSize(bytes), path).toEqual({ width: 1200, height: 630 });
    expect(await meta('og:image:width')).toBe('1200');
    expect(await meta('og:image:height')).toBe('630');
    expect((await meta('og:image:alt'))?.length, path).toBeGreaterThan(10);
    expect(await meta('twitter:card')).toBe('summary_large_image');
    hashes.set(path, createHash('sha256').update(bytes).digest('hex'));
  }
  expect(new Set(hashes.values()).size, 'each page has its own image').toBe(hashes.size);
});

test('"Copy page" copies exactly the twin, announces it, and fetches nothing before it is used', async ({
  page,
  context,
  request,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const id = publishedArticles()[0]!.id;
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`/articles/${id}/`, { waitUntil: 'networkidle' });
  expect(requested.filter((p) => p.endsWith('.md'))).toEqual([]);
  await page.getByRole('button', { name: 'Copy page' }).click();
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'Page copied' })).toHaveCount(1);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe((await (await request.get(markdownTwinPath(id))).text()).replace(/^\uFEFF/, ''));
});

test('the copy-page menu works by keyboard and passes axe while open', async ({ page }) => {
  const id = publishedArticles()[0]!.id;
  await page.goto(`/articles/${id}/`);
  await page.getByRole('button', { name: 'Copy page' }).focus();
  await page.keyboard.press('Tab');
  const toggle = page.locator('[data-copy-page] summary');
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Enter');
  const view = page.getByRole('link', { name: 'View as Markdown' });
  await expect(view).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(view).toBeFocused();
  const violations = await axeViolations(page, {
    tags: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'],
    include: '[data-copy-page]',
  });
  expect(violations.map((v) => v.id)).toEqual([]);
  const links = page.locator('[data-copy-page] ul a');
  await expect(links).toHaveText(['View as Markdown', 'Open in ChatGPT', 'Open in Claude']);
  for (const href of await links.evaluateAll((as) => as.slice(1).map((a) => (a as HTMLAnchorElement).href)))
    expect(decodeURIComponent(href)).toContain(twinUrl(id));
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(markdownTwinPath(id));
});

test('"Report a problem" opens a prefilled issue in the repository', async ({ page }) => {
  const article = publishedArticles()[0]!;
  await page.goto(`/articles/${article.id}/`);
  const href = (await page.getByRole('link', { name: 'Report a problem with this page' }).getAttribute('href'))!;
  const url = new URL(href);
  expect(`${url.origin}${url.pathname}`).toBe(`${site.repoUrl}/issues/new`);
  expect(url.searchParams.get('title')).toContain(article.title);
  const body = url.searchParams.get('body')!;
  expect(body).toContain(new URL(`/articles/${article.id}/`, site.url).href);
  expect(body).toMatch(/Commit: [0-9a-f]{12}\b/);
  const reviewed = await page.locator('.facts dt:text-is("Last reviewed") + dd time').getAttribute('datetime');
  expect(body).toContain(`Last reviewed: ${reviewed}`);
});

test('the page, JSON-LD, the feed and the sitemap agree on when each article last changed', async ({
  page,
  request,
}) => {
  const index = await (await request.get('/sitemap-index.xml')).text();
  const sitemap = await (await request.get(new URL(/<loc>([^<]+)<\/loc>/.exec(index)![1]!).pathname)).text();
  const feed = await (await request.get('/rss.xml')).text();
  for (const article of publishedArticles()) {
    const url = new URL(`/articles/${article.id}/`, site.url).href;
    await page.goto(`/articles/${article.id}/`);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    const modified: string = ld['@graph'][0].dateModified;
    const lastmod = new RegExp(`<loc>${url}</loc><lastmod>([^<]+)</lastmod>`).exec(sitemap)?.[1];
    expect(lastmod, `${article.id} sitemap`).toBe(modified);
    const item = feed.split('<item>').find((i) => i.includes(`<link>${url}</link>`))!;
    expect(/<atom:updated>([^<]+)<\/atom:updated>/.exec(item)?.[1], `${article.id} feed`).toBe(modified);
    const updated = page.locator('.facts dt:text-is("Updated") + dd time');
    const published = page.locator('.facts dt:text-is("Published") + dd time');
    const shown = (await updated.count()) ? updated : published;
    expect(await shown.getAttribute('datetime'), `${article.id} page`).toBe(modified.slice(0, 10));
  }
});
