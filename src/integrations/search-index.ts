/**
 * Builds the Pagefind index as the last step of `astro build` (in shards, with a cache:
 * search-shards.ts), through Pagefind's Node API so an indexing error fails the build (the
 * CLI after the build would report it in a second command that is easy to forget). It also
 * writes the vocabulary used for typo correction. Under `astro dev` it serves the index that
 * dev-search-index.ts keeps in memory from the dev server's own pages and updates as writers save.
 */
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SEARCH_BUNDLE_DIR } from '../shared/search-bundle.ts';
import { DevSearchIndex } from './dev-search-index.ts';
import { buildSearchIndex } from './search-shards.ts';

// The production index, in shards with a cache: search-shards.ts.
export { buildSearchIndex };

const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript',
  css: 'text/css',
  json: 'application/json',
  wasm: 'application/wasm',
};

export function searchIndex(options: { contentDir: string }): AstroIntegration {
  let devIndex: DevSearchIndex | undefined;
  return {
    name: 'kb:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), (m) => logger.info(m));
      },
      'astro:server:start': ({ address }) => {
        const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        if (devIndex)
          devIndex.origin = `http://${host === '::' || host === '[::]' || host === '0.0.0.0' ? 'localhost' : host}:${address.port}`;
      },
      'astro:server:setup': ({ server, logger }) => {
        const verbose = /(^|,)\s*kb:/.test(process.env.DEBUG ?? '');
        const index = new DevSearchIndex(options.contentDir, {
          info: (m) => logger.info(m),
          error: (m) => logger.error(m),
          debug: (m) => (verbose ? logger.info(m) : logger.debug(m)),
        });
        devIndex = index;
        const watched = resolve(options.contentDir);
        const articles = join(watched, 'articles');
        const changed = (event: 'add' | 'change' | 'unlink') => (file: string) => {
          const path = resolve(file);
          if (!path.startsWith(watched)) return;
          if (path.startsWith(articles) && /\.mdx?$/.test(path)) index.articleChanged(relative(articles, path), event);
          // Any other content file (a vocabulary) can change every page.
          else index.vocabularyChanged();
        };
        server.watcher.on('change', changed('change'));
        server.watcher.on('add', changed('add'));
        server.watcher.on('unlink', changed('unlink'));
        server.httpServer?.on('close', () => void index.close());
        server.middlewares.use(`/${SEARCH_BUNDLE_DIR}`, async (req, res, next) => {
          try {
            const path = (req.url ?? '/').split('?')[0]!;
            const body = await index.file(path);
            if (!body) return next();
            res.setHeader('Content-Type', CONTENT_TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream');
            res.setHeader('Cache-Control', 'no-store');
            res.end(Buffer.from(body));
          } catch (error) {
            logger.error(`search index: ${(error as Error).message}`);
            next(error);
          }
        });
      },
    },
  };
}
