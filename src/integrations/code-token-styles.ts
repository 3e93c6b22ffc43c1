/**
 * Serves the token-colour stylesheet of src/markdown/token-classes.ts as the CSS module
 * `virtual:kb/code-tokens.css`, so Vite bundles it with the article CSS (one static,
 * content-hashed stylesheet) in builds and serves it in dev.
 */
import type { AstroIntegration } from 'astro';
import { tokenStylesheet, type CodeThemes } from '../markdown/token-classes.ts';

const MODULE_ID = 'virtual:kb/code-tokens.css';
// A resolved id ending in .css goes through Vite's CSS pipeline like a file would.
const RESOLVED_ID = `\0${MODULE_ID}`;

export function codeTokenStyles(themes: CodeThemes): AstroIntegration {
  return {
    name: 'kb:code-token-styles',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'kb:code-token-styles',
                resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
                load: (id) => (id === RESOLVED_ID ? tokenStylesheet(themes) : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
