/**
 * Runs the content checks before Astro starts building, so a writer sees every
 * problem at once, each as file:line with the fix, instead of the first error the
 * bundler happens to hit. In dev the same report is logged but does not stop the server.
 */
import type { AstroIntegration } from 'astro';
import { checkContent, formatProblems } from '../checks/content/index.ts';

export function contentCheck(options: { contentDir: string; staleAfterMonths: number }): AstroIntegration {
  return {
    name: 'kb:content-check',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const result = await checkContent({ ...options, includeDrafts: command === 'dev' });
        if (result.problems.length === 0) {
          logger.info(`${result.articles.length} articles checked: no problems`);
          return;
        }
        const report = formatProblems(result.problems);
        if (result.errorCount && command === 'build') {
          throw new Error(`Content check failed. Fix these and build again:\n\n${report}`);
        }
        logger.warn(`\n${report}`);
      },
    },
  };
}
