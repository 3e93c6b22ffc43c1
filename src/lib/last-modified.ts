/**
 * When an article last changed: the writer's `updatedDate` when there is one, else the
 * date of the last commit that touched its file. Pure: the Git history is read once for
 * all files (src/data/git-history.ts) and passed in, so pages, JSON-LD, the feed and the
 * sitemap all apply this one rule.
 */
import { isoDay } from './articles.ts';

/**
 * The date shown as "Updated", or undefined when there is nothing to show: no
 * `updatedDate`, and no commit after the day of publication (a file committed on its
 * publication day, or a build without Git history, has not been updated).
 */
export function updatedDate(
  data: { pubDate: Date; updatedDate?: Date | undefined },
  lastCommit?: Date,
): Date | undefined {
  if (data.updatedDate) return data.updatedDate;
  if (lastCommit && isoDay(lastCommit) > isoDay(data.pubDate)) return lastCommit;
  return undefined;
}

/** dateModified in JSON-LD, the feed's updated date and the sitemap's lastmod. */
export const lastModified = (data: { pubDate: Date; updatedDate?: Date | undefined }, lastCommit?: Date): Date =>
  updatedDate(data, lastCommit) ?? data.pubDate;

/** Marks a commit's header line in the `git log` output parsed below. */
export const COMMIT_MARKER = '\u0001';

/**
 * Reads `git log --format=<COMMIT_MARKER>%cI --name-only` (newest commit first) into
 * path → date of the newest commit that touched it. One pass over the whole history, so
 * the cost does not grow with one process per file.
 */
export function lastCommitDates(log: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  let current: Date | undefined;
  for (const line of log.split('\n')) {
    if (line.startsWith(COMMIT_MARKER)) {
      const date = new Date(line.slice(COMMIT_MARKER.length).trim());
      current = Number.isNaN(date.getTime()) ? undefined : date;
    } else if (line && current && !dates.has(line)) {
      dates.set(line, current);
    }
  }
  return dates;
}
