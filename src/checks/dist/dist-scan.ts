/**
 * One pass over the built site: every HTML page is parsed once (htmlparser2, a
 * streaming parser, not regular expressions) into what the checks and the dev search
 * vocabulary need: the ids a page defines, the URLs it references (with line
 * numbers), and the text of its searchable body. (The production vocabulary is
 * counted from Pagefind's own output instead: src/integrations/search-fragments.ts.)
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { Parser } from 'htmlparser2';

export interface PageReference {
  attribute: 'href' | 'src' | 'srcset' | 'content';
  url: string;
  line: number;
  tag: string;
}

export interface ScannedPage {
  /** Site path of the page, e.g. /articles/kubectl-cp/ or /404.html */
  path: string;
  file: string;
  ids: Set<string>;
  references: PageReference[];
  /** Text inside [data-pagefind-body], excluding [data-pagefind-ignore]. */
  searchText: string;
  /** True for meta-refresh redirect pages. */
  isRedirect: boolean;
}

const URL_ATTRIBUTES: Record<string, PageReference['attribute']> = { href: 'href', src: 'src', srcset: 'srcset' };
/** Meta tags whose content is a URL (social previews), so the link check covers them too. */
const URL_META = new Set(['og:url', 'og:image', 'twitter:image']);

export function filePathToSitePath(relativeFile: string): string {
  const posix = relativeFile.split(sep).join('/');
  if (posix === 'index.html') return '/';
  if (posix.endsWith('/index.html')) return `/${posix.slice(0, -'index.html'.length)}`;
  return `/${posix}`;
}

export function scanHtml(html: string, path: string, file = path): ScannedPage {
  const page: ScannedPage = { path, file, ids: new Set(), references: [], searchText: '', isRedirect: false };
  let line = 1;
  let lastIndex = 0;
  // Depth counters for the searchable region and ignored regions inside it.
  const stack: Array<{ body: boolean; ignore: boolean }> = [];
  let bodyDepth = 0;
  let ignoreDepth = 0;
  let skipText = 0;
  const text: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        line += countNewlines(html, lastIndex, parser.startIndex);
        lastIndex = parser.startIndex;
        if (attrs.id) page.ids.add(attrs.id);
        if (name === 'a' && attrs.name) page.ids.add(attrs.name);
        for (const [attr, kind] of Object.entries(URL_ATTRIBUTES)) {
          const value = attrs[attr];
          if (value !== undefined) page.references.push({ attribute: kind, url: value, line, tag: name });
        }
        if (name === 'meta' && attrs['http-equiv']?.toLowerCase() === 'refresh' && attrs.content) {
          page.isRedirect = true;
          const target = /url=(.+)$/i.exec(attrs.content)?.[1];
          if (target) page.references.push({ attribute: 'content', url: target.trim(), line, tag: name });
        }
        const metaName = attrs.property ?? attrs.name;
        if (name === 'meta' && metaName && URL_META.has(metaName) && attrs.content)
          page.references.push({ attribute: 'content', url: attrs.content.trim(), line, tag: name });
        const body = 'data-pagefind-body' in attrs;
        const ignore = 'data-pagefind-ignore' in attrs;
        stack.push({ body, ignore });
        if (body) bodyDepth++;
        if (ignore) ignoreDepth++;
        if (name === 'script' || name === 'style') skipText++;
      },
      onclosetag(name) {
        const entry = stack.pop();
        if (entry?.body) bodyDepth--;
        if (entry?.ignore) ignoreDepth--;
        if (name === 'script' || name === 'style') skipText--;
        if (bodyDepth > 0) text.push(' ');
      },
      ontext(value) {
        if (bodyDepth > 0 && ignoreDepth === 0 && skipText === 0) text.push(value);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  page.searchText = text.join('').replace(/\s+/g, ' ').trim();
  return page;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.name.endsWith('.html')) yield full;
  }
}

export async function scanDist(distDir: string): Promise<Map<string, ScannedPage>> {
  const pages = new Map<string, ScannedPage>();
  for await (const file of htmlFiles(distDir)) {
    const rel = relative(distDir, file);
    const path = filePathToSitePath(rel);
    pages.set(path, scanHtml(await readFile(file, 'utf8'), path, rel));
  }
  return pages;
}

/** Site paths of every file in the build (/rss.xml, /_astro/x.css, /articles/x/index.html), for link targets. */
export async function listDistFiles(distDir: string): Promise<Set<string>> {
  const files = new Set<string>();
  for (const entry of await readdir(distDir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.add(`/${relative(distDir, join(entry.parentPath, entry.name)).split(sep).join('/')}`);
  }
  return files;
}
