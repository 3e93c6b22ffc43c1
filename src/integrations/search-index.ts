/**
 * Builds the Pagefind index as the last step of `astro build`, through Pagefind's
 * Node API so an indexing error fails the build (the CLI after the build would
 * report it in a second command that is easy to forget). It also writes the
 * vocabulary used for typo correction.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { scanDist } from '../lib/dist-scan.ts';
import { buildVocabulary } from '../lib/search-vocabulary.ts';

export const VOCABULARY_FILE = 'kb-vocabulary.json';

export async function buildSearchIndex(distDir: string, log: (message: string) => void): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: distDir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${distDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(distDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  const pages = [...(await scanDist(distDir)).values()].filter((p) => p.searchText);
  const vocabulary = buildVocabulary(pages.map((p) => p.searchText));
  await mkdir(join(distDir, 'pagefind'), { recursive: true });
  await writeFile(join(distDir, 'pagefind', VOCABULARY_FILE), JSON.stringify(vocabulary));
  log(`search index: ${pages.length} pages, ${vocabulary.length} words for typo correction`);
  return { pages: pages.length };
}

export function searchIndex(): AstroIntegration {
  return {
    name: 'kb:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), (m) => logger.info(m));
      },
    },
  };
}
