/**
 * Checks every content file before the build: frontmatter against the schema,
 * MDX syntax, headings, fences and their snippets, images, components, internal
 * links and anchors, duplicate slugs, and freshness. Linear in the size of the
 * content: each file is read and parsed once (file-check.ts, cached per file and run
 * over as many files at once as the machine has cores), and the site-wide checks
 * (checkSite) look links up in maps.
 */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { availableParallelism } from 'node:os';
import type { ArticleData } from '../../lib/schemas.ts';
import { loadVocabulary } from '../../lib/vocabulary.ts';
import { isStale, isoDay } from '../../lib/articles.ts';
import { articlePath, tagPath } from '../../lib/routes.ts';
import { site as siteConfig } from '../../site.config.ts';
import { createFileChecker, type FileFacts } from './file-check.ts';
import type { InternalLink } from './body.ts';
import { closeSnippetCheckers } from './snippets.ts';
import { releaseSpellingDictionary } from './spelling.ts';
import { releaseKubernetesModels } from './kubernetes.ts';
import { mapLimited } from '../../lib/concurrency.ts';
import { checkLinks, type SiteMap } from './links.ts';
import { siteModel } from './site-model.ts';
import { byPlace, type Problem } from './problems.ts';

export { formatProblem, formatProblems, type Problem } from './problems.ts';
export { createFileChecker, type FileChecker, type FileFacts } from './file-check.ts';

export interface CheckOptions {
  /** Content folder (with articles/, tags.yaml, topics.yaml). */
  contentDir: string;
  /**
   * Folder whose tags.yaml, topics.yaml and words.txt to use instead of the content folder's own: the
   * test fixtures under tests/fixtures/broken share the fixture site's.
   */
  vocabularyDir?: string;
  /** Include drafts as published (dev server). */
  includeDrafts?: boolean;
  /** Run the snippet parsers (slower; on by default). */
  snippets?: boolean;
  /** Spell-check prose against the dictionaries and the content folder's words.txt (on by default). */
  spelling?: boolean;
  staleAfterMonths: number;
  today?: Date;
  /** How file names appear in messages (relative to this folder). */
  cwd?: string;
  /** Articles per listing page (tag and topic pages); default site.pageSize. */
  pageSize?: number;
  /**
   * Files served as they are (images, favicon), which articles may link to. Default:
   * `public/` in the working directory, Astro's public folder for every content folder.
   */
  publicDir?: string;
}

export interface CheckedArticle {
  id: string;
  file: string;
  data: ArticleData;
  body: { headingIds: string[]; links: InternalLink[] };
  /** Line of `lastReviewed` in the file, where the freshness warning points. */
  lastReviewedLine: number;
}

export interface CheckResult {
  problems: Problem[];
  articles: CheckedArticle[];
  errorCount: number;
  /** The pages, ids, redirects and drafts the links were resolved against. */
  site: SiteMap;
  /** Files checked, and how many of them came from the per-file cache. */
  files?: { checked: number; cached: number };
  /** Snippets asked about, parsed, and read from the snippet cache (the rest were duplicates). */
  snippets?: { asked: number; parsed: number; fromDisk: number };
}

/** Site paths of the files in the public folder (none if it does not exist). */
async function listPublicPaths(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => `/${relative(dir, join(e.parentPath, e.name)).replace(/\\/g, '/')}`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

export async function listContentFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.mdx?$/.test(entry.name)) out.push(join(entry.parentPath, entry.name));
  }
  return out.sort();
}

export async function checkContent(options: CheckOptions): Promise<CheckResult> {
  const checker = await createFileChecker(options);
  const files = await listContentFiles(join(options.contentDir, 'articles'));
  let facts: FileFacts[];
  try {
    // Several files at once keep every snippet parser in the pools busy.
    facts = await mapLimited(files, availableParallelism() * 4, (path) => checker.check(path));
  } finally {
    closeSnippetCheckers();
  }
  return { ...(await checkSite(facts, options)), files: { ...checker.stats }, snippets: { ...checker.snippetStats } };
}

/**
 * Frees what the checks keep for the next run (cspell's dictionaries, the memos, the Kubernetes
 * models): a build checks once, in Astro's own process, then renders thousands of pages.
 * Dev keeps them, since it checks again on every save.
 */
export function releaseCheckMemory(): void {
  releaseSpellingDictionary();
  releaseKubernetesModels();
}

/** Tags in the vocabulary that no published article uses have no page; say so when linked. */
function unusedTagPages(tags: readonly { id: string }[], site: SiteMap): Map<string, string> {
  const missing = new Map<string, string>();
  for (const { id } of tags) {
    if (site.pages.has(tagPath(id))) continue;
    missing.set(
      tagPath(id),
      `no published article has the tag '${id}' yet, so ${tagPath(id)} does not exist; link to /tags/ or to a tag in use`,
    );
  }
  return missing;
}

/**
 * The site-wide half: duplicate slugs, the site's pages and anchors, links, redirects
 * and freshness, from every file's facts (in file order). Linear: maps and sets only.
 */
export async function checkSite(
  facts: readonly FileFacts[],
  options: Omit<CheckOptions, 'snippets' | 'spelling' | 'cwd'>,
): Promise<CheckResult> {
  const tags = loadVocabulary(options.vocabularyDir ?? options.contentDir, 'tags');
  const topics = loadVocabulary(options.vocabularyDir ?? options.contentDir, 'topics');
  const problems: Problem[] = [];
  const articles: CheckedArticle[] = [];
  const firstFileForId = new Map<string, string>();
  for (const fact of facts) {
    const { id, file } = fact;
    const earlier = firstFileForId.get(id);
    if (earlier) {
      problems.push({
        file,
        line: 1,
        subject: 'slug',
        message: `'${id}' is already used by ${earlier}; both would publish at ${articlePath(id)}. Rename one file.`,
        severity: 'error',
      });
      continue;
    }
    firstFileForId.set(id, file);
    problems.push(...fact.problems);
    if (fact.article)
      articles.push({
        id,
        file,
        data: fact.article.data,
        body: { headingIds: fact.article.headingIds, links: fact.article.links },
        lastReviewedLine: fact.article.lastReviewedLine,
      });
  }

  const published = articles.filter((a) => options.includeDrafts || !a.data.draft);
  const publishedIds = new Set(published.map((a) => a.id));
  const model = siteModel({
    published: published.map((a) => ({ ...a, headingIds: a.body.headingIds })),
    drafts: articles.filter((a) => !publishedIds.has(a.id)).map((a) => ({ ...a, headingIds: a.body.headingIds })),
    topics,
    publicPaths: await listPublicPaths(options.publicDir ?? join(process.cwd(), 'public')),
    pageSize: options.pageSize ?? siteConfig.pageSize,
  });
  problems.push(...model.problems);
  const site = model.site;
  site.missing = unusedTagPages(tags, site);
  const today = options.today ?? new Date();
  for (const article of published) {
    problems.push(...checkLinks(article.file, articlePath(article.id), article.body.links, site));
    if (isStale(article.data.lastReviewed, today, options.staleAfterMonths)) {
      problems.push({
        file: article.file,
        line: article.lastReviewedLine,
        subject: 'lastReviewed',
        message:
          `${isoDay(article.data.lastReviewed)} is more than ${options.staleAfterMonths} months ago; ` +
          'check the article against current versions and update lastReviewed ' +
          '(the page shows a "may be out of date" note until then)',
        severity: 'warning',
      });
    }
  }
  // Reading order: file by file, line by line (checks finish in different orders).
  problems.sort(byPlace);
  return { problems, articles, errorCount: problems.filter((p) => p.severity === 'error').length, site };
}
