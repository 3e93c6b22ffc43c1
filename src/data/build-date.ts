/** The build's date (src/lib/build-date.ts), from the environment, Git or the content; read once. */
import { resolveBuildDate } from '../lib/build-date.ts';
import { contentDir } from '../site.config.ts';
import { catalog } from './catalog.ts';
import { gitHistory } from './git-history.ts';

let cached: Promise<Date> | undefined;

export function buildDate(): Promise<Date> {
  cached ??= (async () => {
    const { articles } = await catalog();
    return resolveBuildDate({
      sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
      // Not a Git checkout, or no git: undefined, and the date falls back to the content.
      commitSeconds: gitHistory(contentDir).commitSeconds,
      contentDates: articles.flatMap((a) => [
        a.data.pubDate,
        a.data.updatedDate ?? a.data.pubDate,
        a.data.lastReviewed,
      ]),
    });
  })();
  return cached;
}
