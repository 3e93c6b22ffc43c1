/**
 * Builds the Pagefind index as the last step of `astro build`, through Pagefind's
 * Node API so an indexing error fails the build (the CLI after the build would report
 * it in a second command that is easy to forget). It also writes the vocabulary used
 * for typo correction. Under `astro dev` it serves the index that dev-search-index.ts
 * keeps in memory from the dev server's own pages and updates as writers save.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { vocabularyCounter } from '../lib/search-vocabulary.ts';
import { SEARCH_EXCLUDE_SELECTORS, searchIndexChunkSize } from '../lib/search-index-options.ts';
import { forEachIndexedText } from './search-fragments.ts';
import { locale } from '../lib/locale.ts';
import { SEARCH_BUNDLE_DIR, SEARCH_VOCABULARY_FILE } from '../shared/search-bundle.ts';
import { DevSearchIndex } from './dev-search-index.ts';

async function newIndex(): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({
    forceLanguage: locale.language,
    excludeSelectors: SEARCH_EXCLUDE_SELECTORS,
  });
  if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
}

function fail(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind could not ${step}: ${errors.join('; ')}`);
}

/** Pagefind 1.6 reads its index chunk size from this variable only (there is no API option). */
const CHUNK_SIZE_VARIABLE = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

async function countHtmlFiles(dir: string): Promise<number> {
  return (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html')).length;
}

export async function buildSearchIndex(distDir: string, log: (message: string) => void): Promise<{ pages: number }> {
  // Read by Pagefind's process when it starts (in createIndex), so set only around that call.
  const previous = process.env[CHUNK_SIZE_VARIABLE];
  process.env[CHUNK_SIZE_VARIABLE] = String(searchIndexChunkSize(await countHtmlFiles(distDir)));
  const started = newIndex();
  if (previous === undefined) delete process.env[CHUNK_SIZE_VARIABLE];
  else process.env[CHUNK_SIZE_VARIABLE] = previous;
  const bundleDir = join(distDir, SEARCH_BUNDLE_DIR);
  try {
    const index = await started;
    fail(`index ${distDir}`, (await index.addDirectory({ path: distDir })).errors);
    // Pagefind adds to the folder without clearing it, and the vocabulary is read from every
    // fragment in it: files of an earlier index there would count pages that are gone.
    await rm(bundleDir, { recursive: true, force: true });
    fail('write its files', (await index.writeFiles({ outputPath: bundleDir })).errors);
  } finally {
    await pagefind.close();
  }
  // From the text Pagefind indexed, one page at a time (see search-fragments.ts).
  const counter = vocabularyCounter();
  const pages = await forEachIndexedText(bundleDir, (text) => counter.add(text));
  const vocabulary = counter.words();
  await mkdir(bundleDir, { recursive: true });
  await writeFile(join(bundleDir, SEARCH_VOCABULARY_FILE), JSON.stringify(vocabulary));
  log(`search index: ${pages} pages, ${vocabulary.length} words for typo correction`);
  return { pages };
}

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
