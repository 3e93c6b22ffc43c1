/**
 * The Markdown/MDX pipeline, in the order it runs. We stay on Astro 7's default
 * Sätteri processor (parsing and HTML in Rust) and add small plugins written
 * against its visitor API, instead of switching to unified + remark/rehype. `npm run
 * bench` prints what the plugins cost on top of plain Sätteri.
 */
import { satteri } from '@astrojs/markdown-satteri';
import { callouts } from './callouts.ts';
import { fenceLanguages } from './fence-languages.ts';
import { headingAnchors } from './heading-anchors.ts';
import { math } from './math.ts';
import { mermaidDiagrams } from './mermaid.ts';

export const mdastPlugins = [fenceLanguages, math, mermaidDiagrams];
export const hastPlugins = [callouts, headingAnchors()];

export function markdownProcessor() {
  return satteri({
    mdastPlugins,
    hastPlugins,
    features: { math: true, smartPunctuation: true },
  });
}
