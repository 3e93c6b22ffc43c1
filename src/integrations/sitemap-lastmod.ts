/**
 * The sitemap's <lastmod> for article pages, by the rule pages and JSON-LD use
 * (src/lib/last-modified.ts). The sitemap integration runs outside the content
 * collections, so this reads the dates straight from the files' frontmatter, and the
 * last commit dates from the one memoised `git log`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { SitemapItem } from '@astrojs/sitemap';
import { splitFrontmatter } from '../lib/frontmatter-source.ts';
import { parseDay } from '../lib/schemas.ts';
import { articleId, articlePath } from '../lib/routes.ts';
import { lastModified } from '../lib/last-modified.ts';
import { gitHistory } from '../data/git-history.ts';

/** Article page path → last modified, for every article whose dates parse (the content check reports the rest). */
export function articleLastModified(contentDir: string): Map<string, Date> {
  const dir = join(contentDir, 'articles');
  const { lastCommit } = gitHistory(contentDir);
  const dates = new Map<string, Date>();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!/\.mdx?$/.test(file)) continue;
    const path = join(dir, file);
    const split = splitFrontmatter(readFileSync(path, 'utf8'));
    try {
      const data = split ? (parse(split.yaml) as Record<string, unknown>) : undefined;
      const pubDate = parseDay(data?.pubDate);
      if (!pubDate) continue;
      const modified = lastModified({ pubDate, updatedDate: parseDay(data?.updatedDate) }, lastCommit.get(path));
      dates.set(articlePath(articleId(file)), modified);
    } catch {
      /* reported by the content check */
    }
  }
  return dates;
}

/** A `serialize` for @astrojs/sitemap that adds <lastmod> to article pages. */
export function sitemapLastmod(contentDir: string): (item: SitemapItem) => SitemapItem {
  const dates = articleLastModified(contentDir);
  return (item) => {
    const modified = dates.get(new URL(item.url).pathname);
    return modified ? { ...item, lastmod: modified.toISOString() } : item;
  };
}
