/**
 * Pure helpers over article metadata: ordering, grouping, neighbours, related
 * articles, reading time, pagination. No Astro imports, so they are unit-tested and
 * reused by scripts. Each one is linear (or n log n) in the number of articles.
 */
import type { ArticleData } from './schemas.ts';
import { pageCount } from './routes.ts';
import { locale } from './locale.ts';

export interface ArticleRef {
  id: string;
  data: Pick<ArticleData, 'title' | 'description' | 'pubDate' | 'updatedDate' | 'topic' | 'tags' | 'level' | 'draft'>;
}

/** Newest first; ties broken by title so the order is stable across builds. */
export function byNewest<T extends ArticleRef>(articles: readonly T[]): T[] {
  return [...articles].sort(
    (a, b) => b.data.pubDate.getTime() - a.data.pubDate.getTime() || a.data.title.localeCompare(b.data.title),
  );
}

export function groupByTopic<T extends ArticleRef>(
  articles: readonly T[],
  topicOrder: readonly string[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>(topicOrder.map((t) => [t, []]));
  for (const article of byNewest(articles)) groups.get(article.data.topic)?.push(article);
  for (const [topic, list] of groups) if (list.length === 0) groups.delete(topic);
  return groups;
}

export function groupByTag<T extends ArticleRef>(articles: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const article of byNewest(articles)) {
    for (const tag of article.data.tags) {
      const list = groups.get(tag) ?? [];
      list.push(article);
      groups.set(tag, list);
    }
  }
  return groups;
}

/** Position of each article in each list (id → index), so pages look neighbours up in O(1). */
export function positions<T extends ArticleRef>(
  lists: ReadonlyMap<string, readonly T[]>,
): Map<string, Map<string, number>> {
  return new Map([...lists].map(([key, list]) => [key, new Map(list.map((a, i) => [a.id, i]))]));
}

/** Previous (older) and next (newer) article within the same topic, from its newest-first list. */
export function topicNeighbours<T extends ArticleRef>(
  sameTopic: readonly T[],
  position: number | undefined,
): { previous?: T; next?: T } {
  if (position === undefined) return {};
  return { next: sameTopic[position - 1], previous: sameTopic[position + 1] };
}

/**
 * Articles sharing the most tags with `current` (then the closest in date). Only the
 * `window` articles nearest in date on each tag's list are candidates, so the work per
 * page stays constant however large a tag grows (a whole-list scan per page would make
 * the build quadratic).
 */
export function relatedArticles<T extends ArticleRef>(
  byTag: ReadonlyMap<string, readonly T[]>,
  tagPositions: ReadonlyMap<string, ReadonlyMap<string, number>>,
  current: ArticleRef,
  limit = 3,
  window = 25,
): T[] {
  const shared = new Map<string, { article: T; count: number }>();
  for (const tag of current.data.tags) {
    const list = byTag.get(tag) ?? [];
    const at = tagPositions.get(tag)?.get(current.id) ?? 0;
    for (const article of list.slice(Math.max(0, at - window), at + window + 1)) {
      if (article.id === current.id) continue;
      const entry = shared.get(article.id) ?? { article, count: 0 };
      entry.count += 1;
      shared.set(article.id, entry);
    }
  }
  const when = current.data.pubDate.getTime();
  return [...shared.values()]
    .sort(
      (a, b) =>
        b.count - a.count ||
        Math.abs(a.article.data.pubDate.getTime() - when) - Math.abs(b.article.data.pubDate.getTime() - when) ||
        a.article.id.localeCompare(b.article.id),
    )
    .slice(0, limit)
    .map((e) => e.article);
}

const WORDS_PER_MINUTE = 220;

/** Minutes to read the prose; code blocks count at a third since readers skim them. */
export function readingMinutes(markdown: string): number {
  const fences = /^(```|~~~)[^\n]*\n[\s\S]*?^\1\s*$/gm;
  const code = (markdown.match(fences) ?? []).join('\n');
  const prose = markdown.replace(fences, ' ').replace(/^---\n[\s\S]*?\n---\n/, ' ');
  const count = (text: string) => (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
  return Math.max(1, Math.round((count(prose) + count(code) / 3) / WORDS_PER_MINUTE));
}

export interface Page<T> {
  items: T[];
  current: number;
  total: number;
}

export function paginate<T>(items: readonly T[], pageSize: number): Page<T>[] {
  const total = pageCount(items.length, pageSize);
  return Array.from({ length: total }, (_, i) => ({
    items: items.slice(i * pageSize, (i + 1) * pageSize),
    current: i + 1,
    total,
  }));
}

/**
 * The pages of a paginated listing per vocabulary entry (a tag or a topic): one route per
 * page of each entry's newest-first list. Entries without articles get no pages when
 * `skipEmpty` is set, otherwise a single empty page.
 */
export function listingPages<E extends { id: string }, T>(
  entries: readonly E[],
  lists: ReadonlyMap<string, readonly T[]>,
  pageSize: number,
  skipEmpty: boolean,
): Array<{ entry: E; page: Page<T> }> {
  return entries
    .filter((entry) => !skipEmpty || (lists.get(entry.id)?.length ?? 0) > 0)
    .flatMap((entry) => paginate(lists.get(entry.id) ?? [], pageSize).map((page) => ({ entry, page })));
}

/** True when the last review is older than `months` before `today`. */
export function isStale(lastReviewed: Date, today: Date, months: number): boolean {
  const limit = new Date(today);
  limit.setUTCMonth(limit.getUTCMonth() - months);
  return lastReviewed < limit;
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// One formatter for the whole build: creating an Intl.DateTimeFormat costs far more than
// formatting with it, and list pages format a date per card.
const DAY = new Intl.DateTimeFormat(locale.tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatDay(date: Date): string {
  return DAY.format(date);
}
