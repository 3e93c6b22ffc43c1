// The Content Security Policy (src/lib/csp.ts) holds on the built site: every page
// carries it, nothing in a page needs 'unsafe-inline', and the browser reports no
// violation while a reader uses the site (search, copy, theme, wrap).
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { Parser } from 'htmlparser2';
import { INLINE_SCRIPTS } from '../../../src/client/inline-scripts.ts';
import { contentSecurityPolicy, scriptHash } from '../../../src/lib/csp.ts';
import { publishedArticles } from '../content.ts';
import { allPages } from './pages.ts';

const POLICY = contentSecurityPolicy(INLINE_SCRIPTS);
/** Browser visits are bounded; the static checks below still read every page. */
const BROWSER_SAMPLE = 15;

interface InlineProblems {
  policies: string[];
  inlineScripts: string[];
  styleAttributes: string[];
  styleElements: number;
}

/** What a page carries that a CSP governs: its policy, inline scripts and inline styles. */
function inlineContent(html: string): InlineProblems {
  const found: InlineProblems = { policies: [], inlineScripts: [], styleAttributes: [], styleElements: 0 };
  let script: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'meta' && attrs['http-equiv']?.toLowerCase() === 'content-security-policy') {
          found.policies.push(attrs.content ?? '');
        }
        if ('style' in attrs) found.styleAttributes.push(`<${name} style="${attrs.style}">`);
        if (name === 'style') found.styleElements++;
        // Data blocks (JSON-LD) are never executed, so a CSP does not govern them.
        const executable = !attrs.type || /^(module|text\/javascript)$/i.test(attrs.type);
        if (name === 'script' && !('src' in attrs) && executable) script = '';
      },
      ontext(text) {
        if (script !== undefined) script += text;
      },
      onclosetag(name) {
        if (name === 'script' && script !== undefined) {
          found.inlineScripts.push(script);
          script = undefined;
        }
      },
    },
    { decodeEntities: false },
  );
  parser.end(html);
  return found;
}

test('the policy allows no inline script or style but the hashed scripts', () => {
  expect(POLICY).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
  expect(POLICY).toMatch(/^default-src 'self'; script-src 'self' ('sha256-[A-Za-z0-9+/]+=' )+'wasm-unsafe-eval';/);
  expect(POLICY).toContain("style-src 'self';");
});

test('every page carries the policy, and every inline script on it is allowed by hash', async ({ request }) => {
  const pages = await allPages(request);
  expect(pages.length).toBeGreaterThan(10);
  const allowed = new Set(INLINE_SCRIPTS.map(scriptHash));
  const problems: string[] = [];
  for (const path of pages) {
    const found = inlineContent(await (await request.get(path)).text());
    if (found.policies.length !== 1 || found.policies[0] !== POLICY) {
      problems.push(`${path}: expected one CSP <meta> with the site policy, found ${JSON.stringify(found.policies)}`);
    }
    for (const source of found.inlineScripts) {
      if (!allowed.has(scriptHash(source)))
        problems.push(`${path}: inline script not in the policy: ${source.slice(0, 80)}`);
    }
    for (const attribute of found.styleAttributes) problems.push(`${path}: inline style ${attribute.slice(0, 120)}`);
    if (found.styleElements) problems.push(`${path}: ${found.styleElements} <style> element(s)`);
  }
  expect(problems).toEqual([]);
});

test('the _headers file carries the same policy plus frame-ancestors and the other headers', () => {
  // Read from disk: astro preview does not serve it (Netlify and Cloudflare read it, not serve it).
  const headers = readFileSync('dist/_headers', 'utf8');
  expect(headers).toContain(`Content-Security-Policy: ${POLICY}; frame-ancestors 'none'\n`);
  expect(headers).toContain('X-Content-Type-Options: nosniff');
  expect(headers).toContain('Referrer-Policy: strict-origin-when-cross-origin');
  expect(headers).toMatch(/Permissions-Policy: .*camera=\(\)/);
});

/** Records every CSP violation the page reports, from its first script on. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportViolation(text: string): void }).reportViolation;
      report(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  // Workers report to the console rather than the document.
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test('no page reports a violation when loaded', async ({ page, request }) => {
  test.setTimeout(120_000);
  const pages = await allPages(request);
  const step = Math.max(1, Math.ceil(pages.length / BROWSER_SAMPLE));
  const violations = await recordViolations(page);
  for (const path of pages.filter((_, i) => i % step === 0)) {
    await page.goto(path); // waits for the load event: every script and stylesheet has run or been refused
    expect(violations, path).toEqual([]);
  }
});

test('searching, copying, switching theme and wrapping code report no violation', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const violations = await recordViolations(page);
  await page.goto(`/articles/${publishedArticles()[0]!.id}/`);

  await page.keyboard.press('/');
  await page.locator('pagefind-modal input').fill('terraform');
  await expect(page.locator('pagefind-modal pagefind-results a').first()).toBeVisible();
  await page.keyboard.press('Escape');

  const block = page.locator('figure.code').first();
  await block.getByRole('button', { name: 'Copy' }).click();
  await expect(block.getByRole('button', { name: 'Copied' })).toBeVisible();
  await block.getByRole('button', { name: 'Wrap' }).click();
  await expect(block).toHaveClass(/\bwrap\b/);
  await page.getByLabel('Colour theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await page.goto('/search/?q=kubectl');
  await expect(page.locator('[data-search-page] pagefind-results a').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);
});
