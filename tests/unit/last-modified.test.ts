import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMIT_MARKER, lastCommitDates, lastModified, updatedDate } from '../../src/lib/last-modified.ts';
import { readGitHistory } from '../../src/data/git-history.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('updatedDate and lastModified', () => {
  const pubDate = day('2026-01-10');
  it('prefers the frontmatter updatedDate over Git', () => {
    expect(updatedDate({ pubDate, updatedDate: day('2026-02-01') }, day('2026-03-01'))).toEqual(day('2026-02-01'));
  });
  it('falls back to the last commit when it is after the day of publication', () => {
    const commit = new Date('2026-03-01T12:30:00Z');
    expect(updatedDate({ pubDate }, commit)).toEqual(commit);
    expect(lastModified({ pubDate }, commit)).toEqual(commit);
  });
  it('shows no update for a commit on or before the publication day, or without Git', () => {
    expect(updatedDate({ pubDate }, new Date('2026-01-10T18:00:00Z'))).toBeUndefined();
    expect(updatedDate({ pubDate }, day('2025-12-01'))).toBeUndefined();
    expect(updatedDate({ pubDate })).toBeUndefined();
    expect(lastModified({ pubDate })).toEqual(pubDate);
  });
});

describe('lastCommitDates', () => {
  it('keeps the newest commit per file from one log, newest first', () => {
    const log = [
      `${COMMIT_MARKER}2026-03-01T10:00:00+01:00`,
      '',
      'content/articles/a.md',
      `${COMMIT_MARKER}2026-02-01T10:00:00Z`,
      '',
      'content/articles/a.md',
      'content/articles/b.md',
      '',
    ].join('\n');
    const dates = lastCommitDates(log);
    expect(dates.get('content/articles/a.md')).toEqual(new Date('2026-03-01T09:00:00Z'));
    expect(dates.get('content/articles/b.md')).toEqual(new Date('2026-02-01T10:00:00Z'));
    expect(dates.size).toBe(2);
  });
});

describe('readGitHistory', () => {
  const git = (cwd: string, args: string[], date?: string) =>
    execFileSync('git', args, {
      cwd,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
        ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
      },
    });

  it('reads every file’s last commit date and HEAD from one history, without the clock', () => {
    const root = mkdtempSync(join(tmpdir(), 'kb-git-'));
    mkdirSync(join(root, 'content/articles'), { recursive: true });
    git(root, ['init', '-q', '-b', 'main']);
    writeFileSync(join(root, 'content/articles/a.md'), 'one');
    writeFileSync(join(root, 'content/articles/b.md'), 'one');
    writeFileSync(join(root, 'outside.md'), 'one');
    git(root, ['add', '.']);
    git(root, ['commit', '-qm', 'first'], '2026-01-05T08:00:00Z');
    writeFileSync(join(root, 'content/articles/a.md'), 'two');
    writeFileSync(join(root, 'outside.md'), 'two');
    git(root, ['commit', '-qam', 'second'], '2026-02-07T09:30:00Z');

    const history = readGitHistory('content', root);
    expect(history.lastCommit).toEqual(
      new Map([
        ['content/articles/a.md', new Date('2026-02-07T09:30:00Z')],
        ['content/articles/b.md', new Date('2026-01-05T08:00:00Z')],
      ]),
    );
    expect(history.commit).toMatch(/^[0-9a-f]{40}$/);
    // The build date's source (src/lib/build-date.ts): HEAD's commit time, read in the same call.
    expect(history.commitSeconds).toBe(String(Date.parse('2026-02-07T09:30:00Z') / 1000));
    expect(history.shallow).toBe(false);
  });

  it('notices a shallow clone, whose dates would be wrong', () => {
    const root = mkdtempSync(join(tmpdir(), 'kb-git-'));
    mkdirSync(join(root, 'origin/content/articles'), { recursive: true });
    git(join(root, 'origin'), ['init', '-q', '-b', 'main']);
    for (const n of ['one', 'two']) {
      writeFileSync(join(root, 'origin/content/articles/a.md'), n);
      git(join(root, 'origin'), ['add', '.']);
      git(join(root, 'origin'), ['commit', '-qm', n]);
    }
    git(root, ['clone', '-q', '--depth', '1', `file://${join(root, 'origin')}`, 'shallow']);
    expect(readGitHistory('content', join(root, 'shallow')).shallow).toBe(true);
    expect(readGitHistory('content', join(root, 'origin')).shallow).toBe(false);
  });

  it('answers nothing outside a Git checkout, so dates fall back to pubDate', () => {
    const history = readGitHistory('content', mkdtempSync(join(tmpdir(), 'kb-nogit-')));
    expect(history).toEqual({ lastCommit: new Map(), commit: undefined, commitSeconds: undefined, shallow: false });
  });
});
