/**
 * The few frontmatter fields that run outside the content collections need: the old URLs
 * (`redirectFrom`, which the sitemap leaves out), the dates its <lastmod> comes from, and what
 * a preview card shows (title, topic, level; drafts have none), which the build starts drawing
 * before Astro has read the content (src/integrations/preview-images/early.ts).
 *
 * One home, filled once: the content check records what it already parsed (every article of a
 * build passes through it first), and the sitemap asks only at build:done. Only when nothing was
 * recorded for the folder (the check did not run in this process) are the files read, once,
 * memoised. Before, astro.config.mjs and the sitemap each parsed every article's frontmatter at
 * configuration time, before anything else: 2.5 s at 1,000 articles (lead's --cpu-prof).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { splitFrontmatter } from '../lib/frontmatter-source.ts';
import { parseDay } from '../lib/schemas.ts';
import { articleId } from '../lib/routes.ts';

export interface ArticleFrontmatter {
  id: string;
  /** The file as `join(contentDir, 'articles', …)` names it (Git's last-commit dates are keyed so). */
  path: string;
  redirectFrom: string[];
  /** Undefined when the date does not parse (the content check reports it). */
  pubDate?: Date;
  updatedDate?: Date;
  /** What the article's preview card shows; undefined for a draft or a field that is not text. */
  card?: { title: string; topic: string; level: string };
}

/** The card fields, when the article is published and they are text (the check reports the rest). */
function cardFields(data: Record<string, unknown> | undefined): ArticleFrontmatter['card'] {
  const { title, topic, level, draft } = data ?? {};
  if (draft === true || typeof title !== 'string' || typeof topic !== 'string' || typeof level !== 'string')
    return undefined;
  return { title, topic, level };
}

const byFolder = new Map<string, ArticleFrontmatter[]>();
const key = (contentDir: string) => resolve(contentDir);

/** What the content check found, for `contentDir`'s articles (files as the check names them). */
export function recordArticleFrontmatter(
  contentDir: string,
  articles: ReadonlyArray<{
    id: string;
    file: string;
    data: {
      redirectFrom: string[];
      pubDate: Date;
      updatedDate?: Date;
      title: string;
      topic: string;
      level: string;
      draft: boolean;
    };
  }>,
  cwd = process.cwd(),
): void {
  const articlesDir = resolve(contentDir, 'articles');
  byFolder.set(
    key(contentDir),
    articles.map(({ id, file, data }) => ({
      id,
      path: join(contentDir, 'articles', relative(articlesDir, resolve(cwd, file))),
      redirectFrom: data.redirectFrom,
      pubDate: data.pubDate,
      updatedDate: data.updatedDate,
      card: cardFields(data),
    })),
  );
}

/** Read from the files when the check recorded nothing. Files that do not parse are skipped: the check reports them. */
function readArticleFrontmatter(contentDir: string): ArticleFrontmatter[] {
  const dir = join(contentDir, 'articles');
  const found: ArticleFrontmatter[] = [];
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!/\.mdx?$/.test(file)) continue;
    const split = splitFrontmatter(readFileSync(join(dir, file), 'utf8'));
    let data: Record<string, unknown> | undefined;
    try {
      data = split ? (parse(split.yaml) as Record<string, unknown> | undefined) : undefined;
    } catch {
      continue;
    }
    found.push({
      id: articleId(file),
      path: join(dir, file),
      redirectFrom: Array.isArray(data?.redirectFrom)
        ? data.redirectFrom.filter((p): p is string => typeof p === 'string')
        : [],
      pubDate: parseDay(data?.pubDate),
      updatedDate: parseDay(data?.updatedDate),
      card: cardFields(data),
    });
  }
  return found;
}

export function articleFrontmatter(contentDir: string): readonly ArticleFrontmatter[] {
  let found = byFolder.get(key(contentDir));
  if (!found) byFolder.set(key(contentDir), (found = readArticleFrontmatter(contentDir)));
  return found;
}

/** Old URLs listed in articles' `redirectFrom`: redirect pages, which the sitemap leaves out. */
export function redirectPaths(contentDir: string): string[] {
  return articleFrontmatter(contentDir).flatMap((a) => a.redirectFrom);
}

/** Whether a site path is a redirect page; the paths are gathered on the first call (build:done), not at config load. */
export function isRedirectPath(contentDir: string): (path: string) => boolean {
  let paths: Set<string> | undefined;
  return (path) => (paths ??= new Set(redirectPaths(contentDir))).has(path);
}
