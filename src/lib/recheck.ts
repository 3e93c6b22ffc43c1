/**
 * Which content files the dev server re-checks after a save. A file's own problems
 * depend on the file alone, except its links, which depend on what other articles
 * publish: their paths, their heading ids (and the FAQ, sources and related sections the
 * layout adds), the redirects they declare and the tag and topic pages their tags fill.
 * So a save re-checks the saved file, plus the files that link to anything the save
 * changed; a change to a vocabulary file (tags, topics, the word list) re-checks every
 * article, since each one's frontmatter and prose are checked against it.
 *
 * Pure: the dev-feedback integration feeds it the facts before and after the save.
 */
import { articlePath, tagPath, topicPath } from './routes.ts';

/** What one article offers to links from others, and where its own links point. */
export interface LinkFacts {
  /** As the check names the file. */
  file: string;
  /** Article id (from the file name). */
  id: string;
  /** The parts of the frontmatter and body that other articles' links depend on; absent when the frontmatter is invalid. */
  page?: {
    draft: boolean;
    headingIds: readonly string[];
    tags: readonly string[];
    topic: string;
    redirectFrom: readonly string[];
    faq: boolean;
    sources: boolean;
  };
  /** Paths this file links to (fragment and query removed; same-page links are its own path). */
  linksTo: readonly string[];
}

export type ContentChange =
  | { kind: 'vocabulary' }
  /** An article saved, added (no `before`) or deleted (no `after`). */
  | { kind: 'article'; before?: LinkFacts; after?: LinkFacts };

/** Vocabulary files in the content folder: every article is checked against them. */
export const VOCABULARY_FILES: readonly string[] = ['tags.yaml', 'topics.yaml', 'words.txt'];

/** The path part of a link (no fragment, no query); a same-page link is the page's own path. */
export function linkTarget(ownPath: string, url: string): string {
  const path = url.split('#')[0]!.split('?')[0]!;
  return path || ownPath;
}

const same = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Symmetric difference of two lists, as a set. */
function changed(a: readonly string[] = [], b: readonly string[] = []): Set<string> {
  const left = new Set(a);
  const right = new Set(b);
  return new Set([...a.filter((x) => !right.has(x)), ...b.filter((x) => !left.has(x))]);
}

/**
 * Paths (exact) and path prefixes (listing pages with their later pages) whose existence
 * or ids may differ between `before` and `after`.
 */
function changedTargets(before: LinkFacts | undefined, after: LinkFacts | undefined, all: readonly LinkFacts[]) {
  const paths = new Set<string>();
  const prefixes = new Set<string>();
  const a = before?.page;
  const b = after?.page;
  const surfaceChanged =
    before?.id !== after?.id ||
    !a !== !b ||
    a?.draft !== b?.draft ||
    a?.faq !== b?.faq ||
    a?.sources !== b?.sources ||
    !same(a?.headingIds, b?.headingIds);
  if (surfaceChanged) {
    if (before) paths.add(articlePath(before.id));
    if (after) paths.add(articlePath(after.id));
  }
  for (const from of changed(a?.redirectFrom, b?.redirectFrom)) paths.add(from);
  if (surfaceChanged) for (const from of [...(a?.redirectFrom ?? []), ...(b?.redirectFrom ?? [])]) paths.add(from);
  // Tags fill tag pages (which appear, vanish or gain a page 2) and decide which articles
  // have a "related" section; a change in the draft state or presence changes the counts too.
  const tags = surfaceChanged ? new Set([...(a?.tags ?? []), ...(b?.tags ?? [])]) : changed(a?.tags, b?.tags);
  for (const tag of tags) prefixes.add(tagPath(tag));
  if (tags.size) {
    for (const other of all) if (other.page?.tags.some((t) => tags.has(t))) paths.add(articlePath(other.id));
  }
  if (surfaceChanged || a?.topic !== b?.topic)
    for (const topic of [a?.topic, b?.topic]) if (topic) prefixes.add(topicPath(topic));
  return { paths, prefixes };
}

/**
 * The files to re-check after `change`, given every article's facts after it (`all`
 * includes `after`, not `before`). Returns every file for a vocabulary change.
 */
export function filesToRecheck(change: ContentChange, all: readonly LinkFacts[]): Set<string> {
  if (change.kind === 'vocabulary') return new Set(all.map((f) => f.file));
  const { before, after } = change;
  const files = new Set<string>();
  for (const own of [before, after]) if (own) files.add(own.file);
  const { paths, prefixes } = changedTargets(before, after, all);
  if (paths.size === 0 && prefixes.size === 0) return files;
  const hit = (target: string) => paths.has(target) || [...prefixes].some((p) => target.startsWith(p));
  for (const other of all) if (other.linksTo.some(hit)) files.add(other.file);
  return files;
}
