/**
 * Writes dist/_headers (Netlify, Cloudflare Pages) from src/lib/csp.ts at the end of a
 * build, so the header policy and the one in each page's <meta> cannot drift apart: a
 * hand-kept public/_headers would need its script hashes updated by hand.
 */
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../lib/csp.ts';
import { INLINE_SCRIPTS } from '../client/inline-scripts.ts';

export function securityHeaders(): AstroIntegration {
  return {
    name: 'kb:security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await writeFile(new URL('_headers', dir), headersFile(INLINE_SCRIPTS));
        logger.info('_headers written (Content-Security-Policy and other security headers)');
      },
    },
  };
}
