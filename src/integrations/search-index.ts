/**
 * Builds the Pagefind index as the last step of `astro build`, through Pagefind's
 * Node API so an indexing error fails the build (the CLI after the build would report
 * it in a second command that is easy to forget). It also writes the vocabulary used
 * for typo correction. Under `astro dev` it serves an index built in memory from the
 * dev server's own pages, rebuilt after content changes, so writers can check that
 * their article is findable before they open a pull request.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { scanHtml } from '../checks/dist/dist-scan.ts';
import { buildVocabulary, vocabularyCounter } from '../lib/search-vocabulary.ts';
import { SEARCH_EXCLUDE_SELECTORS, searchIndexChunkSize } from '../lib/search-index-options.ts';
import { forEachIndexedText } from './search-fragments.ts';
import { articleId, articlePath } from '../lib/routes.ts';
import { mapLimited } from '../lib/concurrency.ts';
import { locale } from '../lib/locale.ts';
import { SEARCH_BUNDLE_DIR, SEARCH_VOCABULARY_FILE } from '../shared/search-bundle.ts';

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

/** A dev page as last fetched, with its searchable text. */
interface DevPage {
  html: string;
  text: string;
}

/**
 * Dev only: index the dev server's article pages in memory. `pages` keeps each page's HTML
 * between rebuilds, so after a save only the saved article is fetched (rendered) again; the
 * index itself is rebuilt from all of them, since Pagefind cannot take a page out of one.
 */
async function buildDevIndex(
  origin: string,
  contentDir: string,
  pages: Map<string, DevPage>,
): Promise<Map<string, Uint8Array>> {
  const articlesDir = join(contentDir, 'articles');
  const files = await readdir(articlesDir, { recursive: true });
  const urls = new Set(files.filter((f) => /\.mdx?$/.test(f)).map((f) => articlePath(articleId(f))));
  for (const url of pages.keys()) if (!urls.has(url)) pages.delete(url);
  // Pages not fetched yet (all at first, the saved one after a save), a few at a time.
  await mapLimited(
    [...urls].filter((url) => !pages.has(url)),
    4,
    async (url) => {
      const response = await fetch(new URL(url, origin));
      // A page with an error shows its own overlay in dev.
      if (!response.ok) return;
      const html = await response.text();
      // Scanned once per fetch: scanning every page on every rebuild would hold up the dev server.
      pages.set(url, { html, text: scanHtml(html, url).searchText });
    },
  );
  const index = await newIndex();
  const texts: string[] = [];
  try {
    // All at once: Pagefind's service takes them in parallel (a third faster than one by one).
    const added = await Promise.all(
      [...urls].flatMap((url) => {
        const page = pages.get(url);
        if (!page) return [];
        texts.push(page.text);
        return [index.addHTMLFile({ url, content: page.html })];
      }),
    );
    fail(
      'index the dev pages',
      added.flatMap((a) => a.errors),
    );
    const { files: out, errors } = await index.getFiles();
    fail('build the dev index', errors);
    const served = new Map(out.map((f) => [`/${f.path.replace(/^\/+/, '')}`, f.content]));
    served.set(`/${SEARCH_VOCABULARY_FILE}`, new TextEncoder().encode(JSON.stringify(buildVocabulary(texts))));
    return served;
  } finally {
    await pagefind.close();
  }
}

export function searchIndex(options: { contentDir: string }): AstroIntegration {
  let origin = '';
  let devIndex: Promise<Map<string, Uint8Array>> | undefined;
  /** Dev: article URL → its page, as last fetched. */
  const devPages = new Map<string, DevPage>();
  return {
    name: 'kb:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), (m) => logger.info(m));
      },
      'astro:server:start': ({ address }) => {
        const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        origin = `http://${host === '::' || host === '[::]' || host === '0.0.0.0' ? 'localhost' : host}:${address.port}`;
      },
      'astro:server:setup': ({ server, logger }) => {
        const watched = resolve(options.contentDir);
        const articles = join(watched, 'articles');
        let rebuild: NodeJS.Timeout | undefined;
        // One build at a time: Pagefind has one backend per process, and a build that ends
        // closes it under any other still running ("Pagefind backend closed").
        let building: Promise<unknown> = Promise.resolve();
        const startBuild = () => {
          const next = building.then(() => buildDevIndex(origin, options.contentDir, devPages));
          building = next.catch(() => undefined);
          return next;
        };
        const invalidate = (file: string) => {
          const path = resolve(file);
          if (!path.startsWith(watched)) return;
          // A saved article is fetched again; any other content file (a vocabulary) can change every page.
          if (path.startsWith(articles) && /\.mdx?$/.test(path))
            devPages.delete(articlePath(articleId(relative(articles, path))));
          else devPages.clear();
          const wasBuilt = devIndex !== undefined;
          devIndex = undefined;
          // Rebuilt without waiting for a search once one has been made, but only after the check
          // on save and the page's reload, which the writer waits for first.
          clearTimeout(rebuild);
          if (wasBuilt)
            rebuild = setTimeout(() => {
              devIndex ??= startBuild();
              devIndex.catch(() => (devIndex = undefined));
            }, 1000);
        };
        server.watcher.on('change', invalidate);
        server.watcher.on('add', invalidate);
        server.watcher.on('unlink', invalidate);
        server.middlewares.use(`/${SEARCH_BUNDLE_DIR}`, async (req, res, next) => {
          try {
            if (!devIndex) {
              logger.info('building the search index from the dev server’s pages…');
              devIndex = startBuild();
            }
            const files = await devIndex;
            const path = (req.url ?? '/').split('?')[0]!;
            const body = files.get(path);
            if (!body) return next();
            res.setHeader('Content-Type', CONTENT_TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream');
            res.setHeader('Cache-Control', 'no-store');
            res.end(Buffer.from(body));
          } catch (error) {
            devIndex = undefined;
            logger.error(`search index: ${(error as Error).message}`);
            next(error);
          }
        });
      },
    },
  };
}
