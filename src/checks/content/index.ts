/**
 * Checks every content file before the build: frontmatter against the schema,
 * MDX syntax, headings, fences and their snippets, images, components, internal
 * links and anchors, duplicate slugs, and freshness. Linear in the size of the
 * content: each file is read and parsed once, links are looked up in maps.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ArticleData } from '../../lib/schemas.ts';
import { loadArticleSchema } from '../../lib/vocabulary.ts';
import { isStale, isoDay } from '../../lib/articles.ts';
import { articleId, articlePath, tagPath } from '../../lib/routes.ts';
import { site as siteConfig } from '../../site.config.ts';
import { checkFrontmatter } from './frontmatter.ts';
import { checkBody, type BodyFacts } from './body.ts';
import { checkFences, closeSnippetCheckers } from './snippets.ts';
import { checkLinks, type SiteMap } from './links.ts';
import { siteModel } from './site-model.ts';
import { checkSpelling, frontmatterProse, loadWordList, WORD_LIST } from './spelling.ts';
import { byPlace, type Problem } from './problems.ts';

export { formatProblem, formatProblems, type Problem } from './problems.ts';

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
  body: BodyFacts;
  /** Line of `lastReviewed` in the file, where the freshness warning points. */
  lastReviewedLine: number;
}

export interface CheckResult {
  problems: Problem[];
  articles: CheckedArticle[];
  errorCount: number;
  /** The pages, ids, redirects and drafts the links were resolved against. */
  site: SiteMap;
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

async function listContentFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.mdx?$/.test(entry.name)) out.push(join(entry.parentPath, entry.name));
  }
  return out.sort();
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

export async function checkContent(options: CheckOptions): Promise<CheckResult> {
  const cwd = options.cwd ?? process.cwd();
  const articlesDir = join(options.contentDir, 'articles');
  const { tags, topics, schema } = loadArticleSchema(options.vocabularyDir ?? options.contentDir);
  const problems: Problem[] = [];
  const articles: CheckedArticle[] = [];
  const firstFileForId = new Map<string, string>();
  const snippetChecks: Array<Promise<Problem[]>> = [];
  // The spell check's word list belongs to the vocabulary, beside tags.yaml and topics.yaml.
  const vocabularyDir = options.vocabularyDir ?? options.contentDir;
  const wordList = loadWordList(vocabularyDir, relative(cwd, join(vocabularyDir, WORD_LIST)).replace(/\\/g, '/'));

  for (const path of await listContentFiles(articlesDir)) {
    const file = relative(cwd, path);
    const source = await readFile(path, 'utf8');
    const id = articleId(relative(articlesDir, path));
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
    const front = checkFrontmatter(file, source, schema);
    problems.push(...front.problems);
    if (!front.split) continue;
    const body = checkBody(file, front.split.body, front.split.bodyLine, path.endsWith('.mdx') ? 'mdx' : 'md');
    problems.push(...body.problems);
    // Snippet checks run concurrently with reading the next files; their problems are added below.
    if (options.snippets !== false) snippetChecks.push(checkFences(file, body.fences));
    if (options.spelling !== false) {
      const bodyOffset = source.length - front.split.body.length;
      const prose = [
        ...frontmatterProse(source, front.split.yaml),
        ...body.prose.map((r) => ({ start: r.start + bodyOffset, end: r.end + bodyOffset })),
      ];
      snippetChecks.push(checkSpelling(file, source, prose, wordList));
    }
    if (front.data && !front.data.draft) {
      for (const line of body.placeholders)
        problems.push({
          file,
          line,
          subject: 'placeholder',
          message: 'text from `npm run new` is still here; write the section, or keep draft: true until it is done',
          severity: 'error',
        });
    }
    if (front.data)
      articles.push({ id, file, data: front.data, body, lastReviewedLine: front.fieldLine?.('lastReviewed') ?? 1 });
  }

  try {
    for (const found of await Promise.all(snippetChecks)) problems.push(...found);
  } finally {
    closeSnippetCheckers();
  }

  const published = articles.filter((a) => options.includeDrafts || !a.data.draft);
  const model = siteModel({
    published: published.map((a) => ({ ...a, headingIds: a.body.headingIds })),
    drafts: articles.filter((a) => !published.includes(a)).map((a) => ({ ...a, headingIds: a.body.headingIds })),
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
          `${isoDay(article.data.lastReviewed)} is more than ${options.staleAfterMonths} months ago; check the ` +
          `article against current versions and update lastReviewed (the page shows a "may be out of date" note until then)`,
        severity: 'warning',
      });
    }
  }
  // Reading order: file by file, line by line (checks finish in different orders).
  problems.sort(byPlace);
  return { problems, articles, errorCount: problems.filter((p) => p.severity === 'error').length, site };
}
