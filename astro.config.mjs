// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import {
  transformerMetaHighlight,
  transformerNotationDiff,
  transformerNotationFocus,
  transformerNotationHighlight,
} from '@shikijs/transformers';
import regoGrammar from './src/markdown/grammars/rego.tmLanguage.json' with { type: 'json' };
import { contentDir, site } from './src/site.config.ts';
import { markdownProcessor } from './src/markdown/index.ts';
import { codeFrame } from './src/markdown/code-frame.ts';
import { tokenClasses } from './src/markdown/token-classes.ts';
import { SPECIAL_FENCES } from './src/markdown/languages.ts';
import { darkTheme, lightTheme } from './src/markdown/themes.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { buildLog } from './src/integrations/build-log.ts';
import { codeTokenStyles } from './src/integrations/code-token-styles.ts';
import { redirectPaths } from './src/lib/redirects.ts';

// Redirect pages (from redirectFrom) forward to the new URL and stay out of the sitemap.
const redirects = new Set(redirectPaths(contentDir));
const codeThemes = { light: lightTheme, dark: darkTheme };

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
  markdown: {
    processor: markdownProcessor(),
    syntaxHighlight: { type: 'shiki', excludeLangs: [...SPECIAL_FENCES] },
    shikiConfig: {
      // Two themes switched by CSS variables (src/styles/code.css): never re-highlighted in the browser.
      themes: codeThemes,
      defaultColor: false,
      langs: [/** @type {any} */ (regoGrammar)],
      transformers: [
        transformerNotationDiff(),
        transformerNotationHighlight(),
        transformerNotationFocus(),
        transformerMetaHighlight(),
        codeFrame(),
        // Last: token colours become classes (no inline styles, see src/lib/csp.ts).
        tokenClasses(codeThemes),
      ],
    },
  },
});
