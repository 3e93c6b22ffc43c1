// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { contentDir, site } from './src/site.config.ts';
import { codeThemes, markdownConfig } from './src/markdown/index.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { buildLog } from './src/integrations/build-log.ts';
import { codeTokenStyles } from './src/integrations/code-token-styles.ts';
import { redirectPaths } from './src/lib/redirects.ts';

// Redirect pages (from redirectFrom) forward to the new URL and stay out of the sitemap.
const redirects = new Set(redirectPaths(contentDir));

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [
    buildLog(),
    contentCheck({ contentDir, staleAfterMonths: site.staleAfterMonths }),
    mdx(),
    sitemap({ filter: (page) => !redirects.has(new URL(page).pathname) }),
    searchIndex({ contentDir }),
    codeTokenStyles(codeThemes),
  ],
  markdown: markdownConfig(),
});
