/**
 * The content check as the dev server runs it: once over every file at start, then,
 * on each save, the saved file (parsed again) plus the files the dependency rule in
 * src/lib/recheck.ts names, with every other file's facts reused from memory and the
 * per-file cache. The site-wide half (checkSite) runs over all facts each time: it is
 * maps and sets, milliseconds at 1,000 articles, while parsing is what costs.
 */
import { availableParallelism } from 'node:os';
import { basename, dirname, relative, resolve } from 'node:path';
import { mapLimited } from '../../lib/concurrency.ts';
import { articlePath } from '../../lib/routes.ts';
import { filesToRecheck, linkTarget, VOCABULARY_FILES, type ContentChange, type LinkFacts } from '../../lib/recheck.ts';
import {
  checkSite,
  createFileChecker,
  listContentFiles,
  type CheckOptions,
  type FileChecker,
  type FileFacts,
} from './index.ts';
import { byPlace, formatProblem, type Problem } from './problems.ts';

export interface Recheck {
  /** Files re-checked (as the check names them), with their problems now, in file order. */
  files: Map<string, Problem[]>;
  /** Their problems before. */
  before: Map<string, Problem[]>;
  /** Milliseconds the re-check took. */
  ms: number;
}

function linkFacts(facts: FileFacts): LinkFacts {
  const data = facts.article?.data;
  const own = articlePath(facts.id);
  return {
    file: facts.file,
    id: facts.id,
    page: data && {
      draft: data.draft,
      headingIds: facts.article!.headingIds,
      tags: data.tags,
      topic: data.topic,
      redirectFrom: data.redirectFrom,
      faq: data.faq.length > 0,
      sources: data.sources.length > 0,
    },
    linksTo: (facts.article?.links ?? []).map((l) => linkTarget(own, l.url)),
  };
}

export class DevCheckSession {
  private checker!: FileChecker;
  /** Absolute path → facts. */
  private readonly facts = new Map<string, FileFacts>();
  /** File (as named in problems) → its problems. */
  private problems = new Map<string, Problem[]>();
  private readonly articlesDir: string;
  private readonly vocabularyDir: string;

  private readonly options: CheckOptions;

  // No parameter property: Node's type stripping, which loads astro.config.mjs and what it
  // imports, does not take them (Astro then loads the config through Vite instead, and
  // the checks' dynamic imports fail once Vite's module runner has closed).
  constructor(options: CheckOptions) {
    this.options = options;
    this.articlesDir = resolve(options.contentDir, 'articles');
    this.vocabularyDir = resolve(options.vocabularyDir ?? options.contentDir);
  }

  /** Every file's problems (file → problems), for the page. */
  problemsByFile(): ReadonlyMap<string, Problem[]> {
    return this.problems;
  }

  /** Heading ids of a file (as named in problems), for the panel's anchors. */
  headingIds(file: string): readonly string[] {
    for (const f of this.facts.values()) if (f.file === file) return f.article?.headingIds ?? [];
    return [];
  }

  /** What a change to `path` means for the check, or undefined if the check does not read it. */
  kindOf(path: string): 'article' | 'vocabulary' | undefined {
    const abs = resolve(path);
    if (/\.mdx?$/.test(abs) && !relative(this.articlesDir, abs).startsWith('..')) return 'article';
    if (dirname(abs) === this.vocabularyDir && VOCABULARY_FILES.includes(basename(abs))) return 'vocabulary';
    return undefined;
  }

  /** The first full check. */
  async start(): Promise<Recheck> {
    return this.recheckAll();
  }

  private async recheckAll(): Promise<Recheck> {
    const started = performance.now();
    this.checker = await createFileChecker(this.options);
    this.facts.clear();
    const files = await listContentFiles(this.articlesDir);
    // As checkContent does: several files at once keep every snippet parser busy.
    await mapLimited(files, availableParallelism() * 4, async (f) =>
      this.facts.set(resolve(f), await this.checker.check(f)),
    );
    return this.finish(new Set([...this.facts.values()].map((f) => f.file)), started);
  }

  /** Re-checks after `path` was saved, added or deleted. */
  async changed(path: string, event: 'add' | 'change' | 'unlink'): Promise<Recheck | undefined> {
    const kind = this.kindOf(path);
    if (kind === 'vocabulary') return this.recheckAll();
    if (kind !== 'article') return undefined;
    const started = performance.now();
    const abs = resolve(path);
    const previous = this.facts.get(abs);
    let next: FileFacts | undefined;
    if (event === 'unlink') this.facts.delete(abs);
    else {
      next = await this.checker.check(abs);
      this.facts.set(abs, next);
    }
    const change: ContentChange = {
      kind: 'article',
      before: previous && linkFacts(previous),
      after: next && linkFacts(next),
    };
    const files = filesToRecheck(change, [...this.facts.values()].map(linkFacts));
    return this.finish(files, started);
  }

  private async finish(files: Set<string>, started: number): Promise<Recheck> {
    const all = [...this.facts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, f]) => f);
    const result = await checkSite(all, this.options);
    const now = new Map<string, Problem[]>();
    for (const p of result.problems) {
      if (!now.has(p.file)) now.set(p.file, []);
      now.get(p.file)!.push(p);
    }
    const out: Recheck = { files: new Map(), before: new Map(), ms: 0 };
    for (const file of [...files].sort()) {
      out.before.set(file, this.problems.get(file) ?? []);
      out.files.set(file, (now.get(file) ?? []).sort(byPlace));
    }
    // Only the re-checked files change; the rest keep what they had (the rule says nothing else moved).
    for (const [file, problems] of out.files) {
      if (problems.length) this.problems.set(file, problems);
      else this.problems.delete(file);
    }
    const present = new Set(all.map((f) => f.file));
    for (const file of this.problems.keys()) if (!present.has(file)) this.problems.delete(file);
    out.ms = performance.now() - started;
    return out;
  }
}

/**
 * The terminal report of a re-check: the problems of each re-checked file that has any
 * (always for `saved`, for the others only when they changed), and "fixed" for each
 * file that had problems and has none now. Empty lines when there is nothing to say.
 */
export function recheckReport(recheck: Recheck, saved?: string): { problems: string[]; fixed: string[] } {
  const problems: string[] = [];
  const fixed: string[] = [];
  for (const [file, now] of recheck.files) {
    const before = recheck.before.get(file) ?? [];
    const text = now.map(formatProblem);
    if (now.length === 0) {
      if (before.length) fixed.push(`${file}: fixed, no problems left`);
      continue;
    }
    if (file === saved || text.join('\n') !== before.map(formatProblem).join('\n')) problems.push(...text);
  }
  return { problems, fixed };
}
