/**
 * The per-file half of the content check: everything that depends on one file alone
 * (frontmatter against the schema, the body's syntax, headings, fences and their
 * snippets, placeholders), reduced to the facts the site-wide half needs (id, data,
 * heading ids, links). Results are cached on disk per file, keyed by the file's path
 * and content, the checker's own source, the vocabularies and every parser's version,
 * so an unchanged file is never parsed twice and a new parser or rule re-checks all.
 *
 * The API is what a long-lived caller (the dev server) needs: create a checker once,
 * call `check(path)` for a file that changed, and pass all facts to `checkSite`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleData } from '../../lib/schemas.ts';
import { loadArticleSchema } from '../../lib/vocabulary.ts';
import { articleId } from '../../lib/routes.ts';
import { FileCache, cacheDir, cacheEnabled, hashOf, packageVersions } from '../../data/build-cache.ts';
import { checkFrontmatter } from './frontmatter.ts';
import { checkBody, type InternalLink } from './body.ts';
import { checkFences } from './snippets.ts';
import { SnippetResults } from './snippet-results.ts';
import { checkSpelling, frontmatterProse, loadWordList, WORD_LIST } from './spelling.ts';
import { checkerFingerprint } from './checker-versions.ts';
import type { Problem } from './problems.ts';

/** What the site-wide check needs from one file, and the problems found in it alone. */
export interface FileFacts {
  id: string;
  /** As messages show it (relative to the check's cwd). */
  file: string;
  problems: Problem[];
  /** Present when the frontmatter is valid. */
  article?: {
    data: ArticleData;
    headingIds: string[];
    links: InternalLink[];
    /** Line of `lastReviewed` in the file, where the freshness warning points. */
    lastReviewedLine: number;
  };
}

export interface FileCheckOptions {
  contentDir: string;
  /** Folder of the tags.yaml and topics.yaml to use, if not the content folder's. */
  vocabularyDir?: string;
  /** Run the snippet parsers (slower; on by default). */
  snippets?: boolean;
  /** Spell-check prose (on by default). */
  spelling?: boolean;
  /** How file names appear in messages (relative to this folder). */
  cwd?: string;
}

const PARSER_PACKAGES = ['satteri', 'yaml', 'smol-toml', '@cdktf/hcl2json', 'temml', 'github-slugger', 'astro'];
const TOOLS: Array<[string, string[]]> = [
  ['bash', ['--version']],
  ['shellcheck', ['--version']],
  ['python3', ['--version']],
];

/** Sources of the code whose output is cached: the checks, the Markdown plugins and the schemas. */
async function sourceHash(): Promise<string> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const parts: string[] = [];
  for (const dir of ['checks/content', 'markdown', 'lib', 'shared']) {
    const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
    for (const f of files) parts.push(relative(root, f), await readFile(f, 'utf8'));
  }
  return hashOf(...parts);
}

let toolVersions: string | undefined;
/** One line of each external parser's version (spawned once per process). */
function externalToolVersions(): string {
  toolVersions ??= TOOLS.map(([cmd, args]) => {
    const out = spawnSync(cmd, args, { encoding: 'utf8' });
    return `${cmd}: ${out.error ? 'none' : (out.stdout || out.stderr).split('\n').slice(0, 2).join(' ')}`;
  }).join('\n');
  return toolVersions;
}

/** Dates survive the JSON round trip of the cache. */
const encode = (value: FileFacts): unknown =>
  JSON.parse(
    JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
      const raw = this[key];
      return raw instanceof Date ? { $date: raw.toISOString() } : v;
    }),
  );
const decode = (value: unknown): FileFacts =>
  JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
    v && typeof v === 'object' && '$date' in v ? new Date((v as { $date: string }).$date) : v,
  ) as FileFacts;

export interface FileChecker {
  check(path: string): Promise<FileFacts>;
  /** Files checked, and how many of them came from the cache. */
  stats: { checked: number; cached: number };
  /** Snippets asked about, parsed, and read from the snippet cache (the rest were duplicates). */
  snippetStats: SnippetResults['stats'];
}

export async function createFileChecker(options: FileCheckOptions): Promise<FileChecker> {
  const cwd = options.cwd ?? process.cwd();
  const articlesDir = join(options.contentDir, 'articles');
  const { tags, topics, schema } = loadArticleSchema(options.vocabularyDir ?? options.contentDir);
  const snippets = options.snippets !== false;
  const spelling = options.spelling !== false;
  // The spell check's word list belongs to the vocabulary, beside tags.yaml and topics.yaml.
  const vocabularyDir = options.vocabularyDir ?? options.contentDir;
  const wordList = loadWordList(vocabularyDir, relative(cwd, join(vocabularyDir, WORD_LIST)).replace(/\\/g, '/'));
  const tools = externalToolVersions();
  const version = hashOf(
    await sourceHash(),
    packageVersions(PARSER_PACKAGES),
    checkerFingerprint(vocabularyDir, {
      shellcheck: !tools.includes('shellcheck: none'),
      python: !tools.includes('python3: none'),
    }),
    snippets ? tools : 'no snippets',
    spelling ? 'spelling' : 'no spelling',
    process.env.CI ? 'CI' : 'not CI',
    JSON.stringify([tags, topics]),
  );
  const cache = new FileCache<unknown>(cacheDir('content-check'));
  // Same version as the file results: a snippet's result changes only with the parsers and tools.
  const snippetResults = new SnippetResults({ disk: { dir: cacheDir('content-check-snippets'), version } });
  const stats = { checked: 0, cached: 0 };

  async function check(path: string): Promise<FileFacts> {
    const file = relative(cwd, path);
    // Synchronous: one small file, and fs/promises' readFile (open, fstat, read, close as separate
    // steps) was 1.5 s of main-thread samples at 1,000 articles, against ~50 ms this way.
    const source = readFileSync(path, 'utf8');
    const id = articleId(relative(articlesDir, path));
    const key = hashOf(version, file, id, source);
    stats.checked += 1;
    const hit = cache.get(key);
    if (hit) {
      stats.cached += 1;
      return decode(hit);
    }
    // A copy that shares no string with the source. The parsers' strings are slices of the file
    // (V8 keeps the whole file alive for each one) or chains of one-character concatenations
    // (yaml's double-quoted scalars), so each article's facts held about 200 KB of heap until the
    // check ended: 2 GB at 10,000 articles, and the build's memory stayed near that peak while it
    // generated the pages.
    const facts = structuredClone(await checkSource(file, id, path.endsWith('.mdx') ? 'mdx' : 'md', source));
    // The JSON round trip is skipped when nothing is stored (0.4 s at 1,000 articles).
    if (cacheEnabled()) cache.set(key, encode(facts));
    return facts;
  }

  async function checkSource(file: string, id: string, format: 'md' | 'mdx', source: string): Promise<FileFacts> {
    const problems: Problem[] = [];
    const front = checkFrontmatter(file, source, schema);
    problems.push(...front.problems);
    if (!front.split) return { id, file, problems };
    const body = checkBody(file, front.split.body, front.split.bodyLine, format);
    problems.push(...body.problems);
    const checks: Array<Promise<Problem[]>> = [];
    if (snippets) checks.push(checkFences(file, body.fences, snippetResults));
    if (spelling) {
      const bodyOffset = source.length - front.split.body.length;
      const prose = [
        ...frontmatterProse(source, front.split.yaml, front.document),
        ...body.prose.map((r) => ({ start: r.start + bodyOffset, end: r.end + bodyOffset })),
      ];
      checks.push(checkSpelling(file, source, prose, wordList));
    }
    for (const found of await Promise.all(checks)) problems.push(...found);
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
    return {
      id,
      file,
      problems,
      article: front.data
        ? {
            data: front.data,
            headingIds: body.headingIds,
            links: body.links,
            lastReviewedLine: front.fieldLine?.('lastReviewed') ?? 1,
          }
        : undefined,
    };
  }

  return { check, stats, snippetStats: snippetResults.stats };
}
