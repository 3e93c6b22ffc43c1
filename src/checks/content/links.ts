/**
 * Internal links in content, resolved against the pages and heading ids the site
 * will have. Everything needed is known from the sources, so this runs before the
 * build and names file:line; `npm run check:links` then checks the built HTML too.
 */
import { closestMatches } from '../../shared/edit-distance.ts';
import type { InternalLink } from './body.ts';
import type { Problem } from './problems.ts';

export interface SiteMap {
  /** Page path → ids on that page (undefined when the page's ids are not known from sources). */
  pages: Map<string, Set<string> | undefined>;
  /** Old path → new path, from redirectFrom. */
  redirects: Map<string, string>;
  /** Paths of drafts (not published, so not linkable). */
  drafts: Set<string>;
  /** Paths that will not exist, with why and what to link instead (e.g. a tag no article uses). */
  missing?: Map<string, string>;
}

export function checkLinks(file: string, ownPath: string, links: readonly InternalLink[], site: SiteMap): Problem[] {
  const problems: Problem[] = [];
  for (const link of links) {
    const report = (message: string) =>
      problems.push({
        file,
        line: link.line,
        column: link.column,
        subject: `link ${link.url}`,
        message,
        severity: 'error',
      });
    const [beforeHash, fragment] = splitOnce(link.url, '#');
    const path = (beforeHash.split('?')[0] ?? '') || ownPath;
    if (!path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)) {
      report(`internal links end with a slash; write ${path}/${fragment !== undefined ? `#${fragment}` : ''}`);
      continue;
    }
    if (site.drafts.has(path)) {
      report('points at a draft, which is not published; link to it once it is, or remove the link');
      continue;
    }
    const redirect = site.redirects.get(path);
    if (redirect) {
      report(`points at an old URL that now redirects; link to ${redirect}${fragment ? `#${fragment}` : ''} directly`);
      continue;
    }
    const why = site.missing?.get(path);
    if (why) {
      report(why);
      continue;
    }
    if (!site.pages.has(path)) {
      const guess = closestPath(path, site.pages.keys());
      report(`no page at ${path}${guess ? `; did you mean ${guess}?` : ''}`);
      continue;
    }
    if (fragment === undefined || fragment === '') continue;
    const ids = site.pages.get(path);
    const id = decodeURIComponent(fragment);
    // Fragments are case-sensitive in browsers, and every id is lowercase.
    if (ids && !ids.has(id) && ids.has(id.toLowerCase())) {
      report(
        `no heading with id '${id}' on ${path}: ids are lowercase and browsers match them exactly; write #${id.toLowerCase()}`,
      );
      continue;
    }
    if (ids && !ids.has(id)) {
      const guess = closestMatches(id, ids, 1)[0];
      report(
        `no heading with id '${id}' on ${path}${guess ? `; did you mean #${guess}?` : ''} (ids are the heading ` +
          `text, lowercased, spaces as hyphens)`,
      );
    }
  }
  return problems;
}

/**
 * The existing path nearest to a broken one. The path's own ancestors are left out:
 * closestMatches treats a prefix as a near match, so `/` (a prefix of every path) would
 * otherwise tie with the real typo fix and win on sort order.
 */
export function closestPath(path: string, candidates: Iterable<string>): string | undefined {
  const others = [...candidates].filter((c) => !(path.startsWith(c) && path !== c));
  return closestMatches(path, others, 1)[0];
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
