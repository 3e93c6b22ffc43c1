/**
 * `virtual:kb/dev-feedback` under `astro dev` (see src/integrations/dev-feedback.ts):
 * the problems panel, and the check that turns a file that cannot be parsed into
 * Astro's error overlay with the content check's own message.
 */
import { resolve } from 'node:path';
import { devProblemStore } from '../../shared/dev-problems.ts';

export { default as ProblemsPanel } from './ProblemsPanel.astro';

/** Throws (so the dev server shows its error overlay) when the file cannot be rendered at all. */
export function assertParses(filePath: string | undefined): void {
  if (!filePath) return;
  const fatal = (devProblemStore().get(resolve(filePath)) ?? []).filter((p) => p.fatal);
  if (fatal.length)
    throw new Error(`This article cannot be rendered. Fix it and save:\n\n${fatal.map((p) => p.text).join('\n')}`);
}
