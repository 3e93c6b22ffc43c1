/**
 * Tells the endpoints that write their own file (src/data/output-file.ts) where the build's
 * output folder is: `--outDir` moves it (the fixture build writes dist-fixtures/).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { setOutputDir } from '../data/output-file.ts';

export function outputDir(): AstroIntegration {
  return {
    name: 'kb:output-dir',
    hooks: {
      'astro:config:done': ({ config }) => setOutputDir(fileURLToPath(config.outDir)),
    },
  };
}
