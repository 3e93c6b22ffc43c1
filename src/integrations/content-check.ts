/**
 * Runs the content checks before Astro starts building, so a writer sees every
 * problem at once, each as file:line with the fix, instead of the first error the
 * bundler happens to hit. In dev the same report is logged but does not stop the server.
 * A production build with no published article fails too: an empty site is never
 * what anyone meant to deploy (a mistyped KB_CONTENT_DIR used to produce one).
 */
import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { checkContent, releaseCheckMemory, type CheckResult } from '../checks/content/index.ts';
import { forBuild, formatGroupedProblems } from '../checks/content/problems.ts';
import { recordArticleFrontmatter } from '../data/article-frontmatter.ts';

/** The build-stopping message for a content folder with nothing to publish, or undefined. */
export function emptySiteProblem(contentDir: string, result: Pick<CheckResult, 'articles'>): string | undefined {
  const published = result.articles.filter((a) => !a.data.draft).length;
  if (published > 0) return undefined;
  const folder = resolve(contentDir, 'articles');
  const found = result.articles.length
    ? `only drafts (${result.articles.length} with draft: true)`
    : 'no .md or .mdx article';
  return (
    `${folder}: ${found}, so the build would publish an empty site. Check KB_CONTENT_DIR (read as ` +
    `'${contentDir}'), or publish an article (draft: false).`
  );
}

export function contentCheck(options: {
  contentDir: string;
  staleAfterMonths: number;
  /** Where tags.yaml and topics.yaml are, when not in contentDir (the broken fixtures share one). */
  vocabularyDir?: string;
}): AstroIntegration {
  return {
    name: 'kb:content-check',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const started = performance.now();
        // CPU as well as wall: on a shared machine the wall time says more about the neighbours.
        const cpuBefore = process.cpuUsage();
        const result = await checkContent({ ...options, includeDrafts: command === 'dev' });
        // A build checks once; what the check keeps for the next run would only weigh on the pages.
        if (command === 'build') releaseCheckMemory();
        // The sitemap's redirects and dates, from this parse instead of another one of every file.
        recordArticleFrontmatter(options.contentDir, result.articles);
        const { problems, hiddenSpelling } = forBuild(result.problems);
        const errorCount = problems.filter((p) => p.severity === 'error').length;
        const more = hiddenSpelling
          ? `\n… and ${hiddenSpelling} more spelling warnings: npm run validate lists them all.`
          : '';
        const cpu = process.cpuUsage(cpuBefore);
        const took = `${((performance.now() - started) / 1000).toFixed(1)} s, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU`;
        const cached = result.files?.cached ? `, ${result.files.cached} unchanged from the cache` : '';
        // The writer's own errors first: an only article with a bad date is not "no article".
        if (errorCount && command === 'build') {
          throw new Error(
            `Content check failed. Fix these and build again:\n\n${formatGroupedProblems(problems)}${more}`,
          );
        }
        const empty = command === 'build' ? emptySiteProblem(options.contentDir, result) : undefined;
        if (empty) throw new Error(empty);
        if (problems.length === 0) {
          logger.info(`content check: ${result.articles.length} articles${cached}, no problems (${took})`);
          return;
        }
        logger.warn(`\n${formatGroupedProblems(problems)}${more}`);
        logger.info(`content check: ${result.articles.length} articles${cached} (${took})`);
      },
    },
  };
}
