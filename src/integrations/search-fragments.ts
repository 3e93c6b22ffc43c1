/**
 * Reads back the text Pagefind indexed, from the fragment files it wrote (one gzipped JSON
 * file per page: url, title, the page's searchable text, anchors). The typo-correction
 * vocabulary is counted from this text, so it holds the words of the index itself, and the
 * build does not parse every page of dist/ a second time: at 1,000 articles that second
 * parse (htmlparser2 over about 55 KB of HTML a page) took 5–9 s on the main thread;
 * unzipping the fragments (about 25 KB of text a page) takes a fraction of that.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Every fragment file starts, once unzipped, with this signature (Pagefind 1.x). */
const SIGNATURE = 'pagefind_dcd';

interface Fragment {
  url: string;
  content: string;
}

function isFragment(value: unknown): value is Fragment {
  return typeof value === 'object' && value !== null && typeof (value as Fragment).content === 'string';
}

/** The fragments in one file: one page, or (when Pagefind groups them, see maxFragments) several. */
export function parseFragmentFile(bytes: Uint8Array, file: string): Fragment[] {
  const raw = gunzipSync(bytes);
  const signature = raw.subarray(0, SIGNATURE.length).toString('utf8');
  if (signature !== SIGNATURE)
    throw new Error(`${file}: not a Pagefind fragment (no "${SIGNATURE}" signature); was it written by Pagefind 1.x?`);
  const data: unknown = JSON.parse(raw.subarray(SIGNATURE.length).toString('utf8'));
  if (isFragment(data)) return [data];
  const grouped = typeof data === 'object' && data !== null ? Object.values(data).filter(isFragment) : [];
  if (!grouped.length) throw new Error(`${file}: a Pagefind fragment without page text`);
  return grouped;
}

/**
 * Calls `visit` with the indexed text of each page, reading one fragment file at a time so
 * memory stays flat at any size. Returns the number of pages.
 */
export async function forEachIndexedText(
  bundleDir: string,
  visit: (text: string, url: string) => void,
): Promise<number> {
  const dir = join(bundleDir, 'fragment');
  // Sorted: the vocabulary's order (pages per word, then alphabetical) does not depend on it,
  // but a stable walk keeps any error message the same from run to run.
  const files = (await readdir(dir)).filter((f) => f.endsWith('.pf_fragment')).sort();
  let pages = 0;
  for (const file of files) {
    for (const fragment of parseFragmentFile(await readFile(join(dir, file)), join(dir, file))) {
      pages += 1;
      visit(fragment.content, fragment.url);
    }
  }
  return pages;
}
