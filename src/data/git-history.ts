/**
 * What Git knows about the content: the last commit date of every article file and
 * the commit the site is built from. One `git log` for all files (not one per file), run
 * once per process and memoised, so it stays cheap at 10,000 articles. Commit dates come
 * from the history, not the clock, so two builds of one commit agree.
 *
 * Without Git (a tarball, or git not installed) every answer is empty and the build falls
 * back to pubDate. A shallow clone has only its newest commits, so dates would be wrong:
 * the build warns (src/integrations/git-dates.ts; the workflows check out full history
 * with fetch-depth: 0).
 *
 * Plain Node (no astro: imports): astro.config.mjs reads it for the sitemap too.
 */
import { execFileSync } from 'node:child_process';
import { COMMIT_MARKER, lastCommitDates } from '../lib/last-modified.ts';

export interface GitHistory {
  /** Path relative to the working directory (as in an entry's filePath) → last commit date. */
  lastCommit: Map<string, Date>;
  /** HEAD's full hash, or undefined outside a Git checkout. */
  commit: string | undefined;
  /** HEAD's commit time in Unix seconds, as Git prints it (the build date's source, src/lib/build-date.ts). */
  commitSeconds: string | undefined;
  shallow: boolean;
}

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1024 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}

export function readGitHistory(contentDir: string, cwd = process.cwd()): GitHistory {
  // HEAD's hash and time in one call: the build date needs the time, the problem report the hash.
  const [commit, commitSeconds] = (git(['log', '-1', '--format=%H %ct'], cwd)?.trim() ?? '').split(' ');
  if (!commit) return { lastCommit: new Map(), commit: undefined, commitSeconds: undefined, shallow: false };
  const shallow = git(['rev-parse', '--is-shallow-repository'], cwd)?.trim() === 'true';
  // --relative: paths relative to cwd (the project root), like Astro's entry.filePath.
  // --no-renames: a renamed file's history starts at the rename, which is when its URL began.
  const log = git(
    [
      '-c',
      'core.quotePath=false',
      'log',
      `--format=${COMMIT_MARKER}%cI`,
      '--name-only',
      '--no-renames',
      '--relative',
      '--',
      contentDir,
    ],
    cwd,
  );
  return { lastCommit: lastCommitDates(log ?? ''), commit, commitSeconds, shallow };
}

const memo = new Map<string, GitHistory>();

/** Memoised per content folder (src/integrations/git-dates.ts warns about a shallow clone). */
export function gitHistory(contentDir: string): GitHistory {
  let history = memo.get(contentDir);
  if (!history) {
    history = readGitHistory(contentDir);
    memo.set(contentDir, history);
  }
  return history;
}

export const SHALLOW_CLONE_WARNING =
  'git: this is a shallow clone, so "Updated" dates from Git may be wrong; fetch the full history (git fetch ' +
  '--unshallow, or fetch-depth: 0 in actions/checkout)';
export const NO_HISTORY_NOTE = 'git: no history here (a tarball?), so "Updated" dates fall back to pubDate';
