/**
 * The date a build describes ("today" for the staleness note), chosen so that two builds
 * of the same commit are byte-identical: never the clock. In order:
 * 1. SOURCE_DATE_EPOCH (seconds since 1970), the reproducible-builds convention;
 * 2. the committer time of the commit being built (`git log -1 --format=%ct`);
 * 3. without Git (a source archive), the newest date in the content.
 */
export interface BuildDateSources {
  sourceDateEpoch?: string | undefined;
  /** Committer time of HEAD in seconds, if the build runs in a Git checkout. */
  commitSeconds?: string | undefined;
  contentDates: readonly Date[];
}

export function resolveBuildDate({ sourceDateEpoch, commitSeconds, contentDates }: BuildDateSources): Date {
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== '') {
    if (!/^\d+$/.test(sourceDateEpoch)) {
      throw new Error(
        `SOURCE_DATE_EPOCH is "${sourceDateEpoch}": set it to whole seconds since 1970 (e.g. git log -1 --format=%ct) or unset it`,
      );
    }
    return new Date(Number(sourceDateEpoch) * 1000);
  }
  if (commitSeconds && /^\d+$/.test(commitSeconds.trim())) return new Date(Number(commitSeconds.trim()) * 1000);
  const newest = Math.max(0, ...contentDates.map((d) => d.getTime()));
  return new Date(newest);
}
