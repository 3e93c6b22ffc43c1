import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SEARCH_BUNDLE_PATH, SEARCH_VOCABULARY_FILE } from '../../../src/shared/search-bundle.ts';

// Issue 9: a reader's first query may fetch at most 150 KB of search files on the real site
// (it was 193 KB; Starlight's is 150 KB). Counted as `npm run bench:search` counts it: the body
// bytes the browser received under /pagefind/ (gzip where the server compresses), for
// Pagefind's script, WebAssembly, metadata, the index files of the query's words, the typo
// vocabulary and the first five results. A count, not a timing.
const FIRST_QUERY_BUDGET = 150_000;
const { queries } = JSON.parse(readFileSync('tests/search/queries.json', 'utf8')) as { queries: Array<{ q: string }> };

test('a reader’s first query fetches at most 150 KB of search files', async ({ page }) => {
  await page.goto('/');
  const files = await page.evaluate(
    async ({ bundle, vocabulary, query }) => {
      // A URL in the browser, not a module of this project.
      const pf = await import(/* @vite-ignore */ `${bundle}pagefind.js`);
      // As the search UI configures it (src/client/search-ui.ts). Without a worker Pagefind
      // fetches from the page, so the page's Resource Timing sees every file once it is read.
      await pf.options({ noWorker: true });
      await pf.init();
      await fetch(`${bundle}${vocabulary}`).then((r) => r.text());
      const response = (await pf.search(query)) as { results: Array<{ data(): Promise<unknown> }> };
      await Promise.all(response.results.slice(0, 5).map((r) => r.data()));
      return performance
        .getEntriesByType('resource')
        .map((e) => e as PerformanceResourceTiming)
        .filter((e) => new URL(e.name).pathname.startsWith(bundle))
        .map((e) => ({ path: new URL(e.name).pathname, bytes: e.encodedBodySize }));
    },
    { bundle: SEARCH_BUNDLE_PATH, vocabulary: SEARCH_VOCABULARY_FILE, query: queries[0]!.q },
  );
  const report = files.map((f) => `${f.bytes} ${f.path}`).join('\n');
  // The script, its WebAssembly, metadata, at least one index file and one result.
  expect(
    files.some((f) => f.path.endsWith('.pf_index')),
    report,
  ).toBe(true);
  expect(
    files.some((f) => f.path.endsWith('.pf_fragment')),
    report,
  ).toBe(true);
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  expect(total, report).toBeLessThanOrEqual(FIRST_QUERY_BUDGET);
  expect(total, report).toBeGreaterThan(50_000); // the WebAssembly alone is 60 KB: bytes were counted
});
