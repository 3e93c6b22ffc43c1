/**
 * Old URLs listed in articles' `redirectFrom`, read straight from the content files.
 * The sitemap needs them at configuration time (before content collections exist) to
 * leave the redirect pages out. Files that do not parse are skipped here: the content
 * check reports them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { splitFrontmatter } from './frontmatter-source.ts';

export function redirectPaths(contentDir: string): string[] {
  const dir = join(contentDir, 'articles');
  const paths: string[] = [];
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!/\.mdx?$/.test(file)) continue;
    const split = splitFrontmatter(readFileSync(join(dir, file), 'utf8'));
    try {
      const data = split ? (parse(split.yaml) as { redirectFrom?: unknown }) : undefined;
      if (Array.isArray(data?.redirectFrom))
        paths.push(...data.redirectFrom.filter((p): p is string => typeof p === 'string'));
    } catch {
      /* reported by the content check */
    }
  }
  return paths;
}
