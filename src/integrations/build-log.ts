/**
 * Keeps the build log readable at any size: a warning that would repeat once per
 * article is counted and reported once.
 *
 * Rolldown warns on every MDX module that Astro's `"use astro:head-inject"` directive
 * "may not be preserved when bundling" (withastro/astro#18087, harmless): a multi-line
 * frame per `.mdx` article, which buries what a writer needs to see.
 * At the end it says how many article bodies were rendered and how many came from the cache.
 */
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { formatRenderStats, type RenderStats } from '../lib/build-phases.ts';

export function isHeadInjectWarning(log: { code?: string; message?: string }): boolean {
  return log.code === 'MODULE_LEVEL_DIRECTIVE' && !!log.message?.includes('astro:head-inject');
}

export function buildLog(): AstroIntegration {
  return {
    name: 'kb:build-log',
    hooks: {
      'astro:config:setup': ({ updateConfig, logger }) => {
        const plugin: Plugin = {
          name: 'kb:build-log',
          apply: 'build',
          onLog(_level, log) {
            if (!isHeadInjectWarning(log)) return;
            count += 1;
            return false;
          },
          closeBundle() {
            if (count)
              logger.info(
                `${count} MDX module(s): Rolldown's MODULE_LEVEL_DIRECTIVE warning about "use astro:head-inject" ` +
                  `hidden (harmless, withastro/astro#18087)`,
              );
            count = 0;
          },
        };
        let count = 0;
        updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:build:done': ({ logger }) => {
        // Counted by src/data/render.ts while pages were generated, in this same process.
        const stats = (globalThis as { __kbRenderStats?: RenderStats }).__kbRenderStats;
        if (stats) logger.info(formatRenderStats(stats));
      },
    },
  };
}
