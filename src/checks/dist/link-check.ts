/**
 * Checks the links of the built site: every href, src, srcset entry, meta-refresh target
 * and social-preview URL of every page must lead to a file in dist/, and every #fragment
 * to an id on its page. Pure: it takes what scanDist read plus the list of files, so it
 * is tested on small in-memory pages. Linear in the number of references (map lookups);
 * only broken ones pay for a did-you-mean.
 *
 * The content check already resolves links written in articles; this catches the rest
 * (layouts, generated pages, feeds, assets) and the build's own mistakes.
 */
import { closestMatches } from '../../shared/edit-distance.ts';
import { closestPath } from '../content/links.ts';
import type { PageReference, ScannedPage } from './dist-scan.ts';

export interface LinkLocation {
  /** The page's file relative to dist/, e.g. articles/kubectl-cp/index.html */
  file: string;
  line: number;
}

export interface LinkProblem extends LinkLocation {
  attribute: PageReference['attribute'];
  url: string;
  message: string;
}

export interface ExternalLink {
  /** Without the #fragment: one request per resource however many anchors point into it. */
  url: string;
  count: number;
  first: LinkLocation;
}

export interface LinkCheckResult {
  problems: LinkProblem[];
  external: ExternalLink[];
  /** Internal references checked. */
  internal: number;
}

export interface LinkCheckOptions {
  /** The site's public origin (site.url): absolute URLs there are internal. */
  siteUrl: string;
}

/**
 * @param pages scanDist's result: site path → scanned page
 * @param files site paths of every file in dist/ (e.g. /rss.xml, /articles/x/index.html)
 */
export function checkDistLinks(
  pages: ReadonlyMap<string, ScannedPage>,
  files: ReadonlySet<string>,
  options: LinkCheckOptions,
): LinkCheckResult {
  const origin = new URL(options.siteUrl).origin;
  const problems: LinkProblem[] = [];
  const external = new Map<string, ExternalLink>();
  let internal = 0;
  let candidates: string[] | undefined;
  // Built on the first broken link only: a clean site never pays for it.
  const suggestions = () =>
    (candidates ??= [...new Set([...pages.keys(), ...[...files].filter((f) => !f.endsWith('/index.html'))])]);

  for (const page of pages.values()) {
    const base = new URL(page.path, origin);
    for (const ref of page.references) {
      for (const raw of referenceUrls(ref)) {
        const report = (message: string) =>
          problems.push({ file: page.file, line: ref.line, attribute: ref.attribute, url: raw, message });
        let url: URL;
        try {
          url = new URL(raw, base);
        } catch {
          report('is not a valid URL');
          continue;
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:') continue; // mailto:, tel:, data:, javascript:
        if (url.origin !== origin) {
          const key = url.href.replace(/#.*$/, '');
          const seen = external.get(key);
          if (seen) seen.count++;
          else external.set(key, { url: key, count: 1, first: { file: page.file, line: ref.line } });
          continue;
        }
        internal++;
        let path: string;
        let fragment: string;
        try {
          path = decodeURIComponent(url.pathname);
          fragment = decodeURIComponent(url.hash.slice(1));
        } catch {
          report('has a malformed %-escape');
          continue;
        }
        const target = resolve(path, pages, files);
        if (target.kind === 'missing') {
          if (pages.has(`${path}/`)) {
            report(
              `needs its trailing slash (the site is built with trailingSlash: 'always'); write ${path}/${url.hash}`,
            );
            continue;
          }
          const guess = closestPath(path, suggestions());
          report(`nothing in the build at ${path}${guess ? `; did you mean ${guess}?` : ''}`);
          continue;
        }
        // "#" and "#top" scroll to the top of any page without an element of that id (HTML spec).
        if (target.kind === 'page' && fragment && fragment.toLowerCase() !== 'top' && !target.page.ids.has(fragment)) {
          const guess = closestMatches(fragment, target.page.ids, 1)[0];
          report(`no element with id '${fragment}' on ${target.page.path}${guess ? `; did you mean #${guess}?` : ''}`);
        }
      }
    }
  }
  return { problems, external: [...external.values()], internal };
}

type Target = { kind: 'page'; page: ScannedPage } | { kind: 'file' } | { kind: 'missing' };

/** What a path serves in a directory-format build: /x/ is x/index.html, anything else the file itself. */
function resolve(path: string, pages: ReadonlyMap<string, ScannedPage>, files: ReadonlySet<string>): Target {
  const asPage = path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
  const page = pages.get(asPage);
  if (page) return { kind: 'page', page };
  if (files.has(path) || (path.endsWith('/') && files.has(`${path}index.html`))) return { kind: 'file' };
  return { kind: 'missing' };
}

/** The URLs one reference names: srcset lists several ("a.png 1x, b.png 2x"). */
export function referenceUrls(ref: PageReference): string[] {
  if (ref.attribute === 'srcset') return srcsetUrls(ref.url);
  // A meta refresh may quote its URL: content="0; url='/new/'".
  const url = ref.attribute === 'content' ? ref.url.trim().replace(/^(['"])(.*)\1$/, '$2') : ref.url.trim();
  return [url];
}

/**
 * The URLs of a srcset, after the HTML spec's parser: a URL runs to whitespace, and a
 * comma ends a candidate only after the URL (URLs may contain commas, e.g. a,b.png).
 */
export function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i]!)) i++;
    const start = i;
    while (i < value.length && !/\s/.test(value[i]!)) i++;
    let url = value.slice(start, i);
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else while (i < value.length && value[i] !== ',') i++; // descriptors: 1x, 640w
    if (url) urls.push(url);
  }
  return urls;
}

/** `dist/articles/x/index.html:12 href /y/: nothing in the build at /y/; did you mean /z/?` */
export function formatLinkProblem(problem: LinkProblem, distDir: string): string {
  return `${distDir.replace(/\/$/, '')}/${problem.file}:${problem.line} ${problem.attribute} ${problem.url}: ${problem.message}`;
}
