/**
 * Says, once per build, when the dates from Git cannot be trusted: a shallow clone
 * (its oldest commit would look like every file's last change) or no Git at all (a
 * tarball, where "Updated" falls back to pubDate). Through Astro's logger, so the line
 * shows in the build log like the content check's.
 */
import type { AstroIntegration } from 'astro';
import { gitHistory, NO_HISTORY_NOTE, SHALLOW_CLONE_WARNING } from '../data/git-history.ts';

export function gitDates(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'kb:git-dates',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const history = gitHistory(options.contentDir);
        if (history.shallow) logger.warn(SHALLOW_CLONE_WARNING);
        else if (!history.commit) logger.info(NO_HISTORY_NOTE);
      },
    },
  };
}
