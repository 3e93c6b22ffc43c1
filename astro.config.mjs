// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { contentDir, site } from './src/site.config.ts';
import { codeThemes, markdownConfig } from './src/markdown/index.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { devFeedback } from './src/integrations/dev-feedback.ts';
import { buildLog } from './src/integrations/build-log.ts';
import { codeTokenStyles } from './src/integrations/code-token-styles.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { isRedirectPath } from './src/data/article-frontmatter.ts';
import { sitemapLastmod } from './src/integrations/sitemap-lastmod.ts';
import { gitDates } from './src/integrations/git-dates.ts';
import { outputDir } from './src/integrations/output-dir.ts';
import { earlyPreviewImages } from './src/integrations/preview-images/early.ts';
import { cacheDir, cacheEnabled } from './src/data/build-cache.ts';

// Redirect pages (from redirectFrom) forward to the new URL and stay out of the sitemap.
const isRedirect = isRedirectPath(contentDir);

export default defineConfig({
  site: site.url,
  // Astro's caches (content store, incremental build) beside ours, so KB_CACHE_DIR moves them all.
  cacheDir: cacheDir('astro'),
  // A rebuild re-renders only the pages whose cacheKey (src/lib/page-cache-keys.ts) or code
  // changed and copies the rest from the last build; KB_BUILD_CACHE=off renders everything.
  experimental: { incrementalBuild: cacheEnabled() },
  trailingSlash: 'always',
  // Never inline CSS as <style>: the Content Security Policy (src/lib/csp.ts) allows none.
  // Four pages at a time: an incremental build's copies of unchanged pages (and a page waiting
  // for its body from a render worker) overlap instead of queueing; the output is the same.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  devToolbar: { enabled: false },
  // Never inline a small script into the page either: it would need its own CSP hash.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
  integrations: [
    buildLog(),
    outputDir(),
    earlyPreviewImages(contentDir),
    contentCheck({ contentDir, staleAfterMonths: site.staleAfterMonths }),
    gitDates({ contentDir }),
    devFeedback({ contentDir, staleAfterMonths: site.staleAfterMonths }),
    mdx(),
    sitemap({ filter: (page) => !isRedirect(new URL(page).pathname), serialize: sitemapLastmod(contentDir) }),
    searchIndex({ contentDir }),
    codeTokenStyles(codeThemes),
    securityHeaders(),
  ],
  markdown: markdownConfig(),
});
