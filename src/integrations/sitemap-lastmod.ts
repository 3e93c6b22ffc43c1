/**
 * The sitemap's <lastmod> for article pages, by the rule pages and JSON-LD use
 * (src/lib/last-modified.ts). The sitemap integration runs outside the content
 * collections, so the dates come from src/data/article-frontmatter.ts (what the content
 * check parsed), and the last commit dates from the one memoised `git log`.
 */
import type { SitemapItem } from '@astrojs/sitemap';
import { articlePath } from '../lib/routes.ts';
import { lastModified } from '../lib/last-modified.ts';
import { gitHistory } from '../data/git-history.ts';
import { articleFrontmatter } from '../data/article-frontmatter.ts';

/** Article page path → last modified, for every article whose dates parse (the content check reports the rest). */
export function articleLastModified(contentDir: string): Map<string, Date> {
  const { lastCommit } = gitHistory(contentDir);
  const dates = new Map<string, Date>();
  for (const { id, path, pubDate, updatedDate } of articleFrontmatter(contentDir)) {
    if (!pubDate) continue;
    dates.set(articlePath(id), lastModified({ pubDate, updatedDate }, lastCommit.get(path)));
  }
  return dates;
}

/** A `serialize` for @astrojs/sitemap that adds <lastmod> to article pages; the dates are gathered on its first call. */
export function sitemapLastmod(contentDir: string): (item: SitemapItem) => SitemapItem {
  let dates: Map<string, Date> | undefined;
  return (item) => {
    const modified = (dates ??= articleLastModified(contentDir)).get(new URL(item.url).pathname);
    return modified ? { ...item, lastmod: modified.toISOString() } : item;
  };
}
