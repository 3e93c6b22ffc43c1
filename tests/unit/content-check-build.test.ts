// The build runs the content check first (src/integrations/content-check.ts) and stops on
// any error with the writer's file:line messages. Astro alone would not: it reads
// pubDate: 2026-02-30 as 2 March and publishes it.
import { describe, expect, it } from 'vitest';
import { contentCheck } from '../../src/integrations/content-check.ts';

const buildWith = async (folder: string) => {
  const setup = contentCheck({
    contentDir: `tests/fixtures/broken/${folder}`,
    vocabularyDir: 'tests/fixtures/site',
    staleAfterMonths: 12,
  }).hooks['astro:config:setup']!;
  const logger = { info: () => undefined, warn: () => undefined };
  return setup({ command: 'build', logger } as never);
};

describe('the build stops with the content check’s messages', () => {
  it('on a date that is not on the calendar, even when it is the only article', async () => {
    await expect(buildWith('date-not-on-calendar')).rejects.toThrow(
      'Content check failed. Fix these and build again:\n\n' +
        'tests/fixtures/broken/date-not-on-calendar/articles/date-not-on-calendar.md:4 ' +
        'pubDate: 2026-02-30 is not a day on the calendar',
    );
  });

  it('on a .md and an .mdx file with the same slug', async () => {
    await expect(buildWith('duplicate-slug')).rejects.toThrow(
      "tests/fixtures/broken/duplicate-slug/articles/a.mdx:1 slug: 'a' is already used by " +
        'tests/fixtures/broken/duplicate-slug/articles/a.md; both would publish at /articles/a/. Rename one file.',
    );
  });
});
