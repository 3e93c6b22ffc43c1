import { expect, test } from '@playwright/test';
import { site } from '../../../src/site.config.ts';
import { siteModelMismatches } from '../site-model.ts';

// No browser: the build in dist/ (what `npm run build` made) against the content check's model of it.
test('the content check knows every page, redirect and id of the built site, and nothing more', async () => {
  expect(await siteModelMismatches('content', 'dist', site.pageSize)).toEqual([]);
});
