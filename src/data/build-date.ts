/** The build's date (src/lib/build-date.ts), from the environment, Git or the content; read once. */
import { execFileSync } from 'node:child_process';
import { resolveBuildDate } from '../lib/build-date.ts';
import { catalog } from './catalog.ts';

let cached: Promise<Date> | undefined;

function commitSeconds(): string | undefined {
  try {
    return execFileSync('git', ['log', '-1', '--format=%ct'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined; // not a Git checkout, or no git: fall back to the content
  }
}

export function buildDate(): Promise<Date> {
  cached ??= (async () => {
    const { articles } = await catalog();
    return resolveBuildDate({
      sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
      commitSeconds: commitSeconds(),
      contentDates: articles.flatMap((a) => [
        a.data.pubDate,
        a.data.updatedDate ?? a.data.pubDate,
        a.data.lastReviewed,
      ]),
    });
  })();
  return cached;
}
