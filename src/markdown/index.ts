/**
 * The Markdown/MDX pipeline, in the order it runs, and the one configuration the site
 * (astro.config.mjs), the benchmark (scripts/bench.ts) and the tests import, so none of
 * them measures or tests a pipeline the site does not run. We stay on Astro 7's default
 * Sätteri processor (parsing and HTML in Rust) and add small plugins written against its
 * visitor API, instead of switching to unified + remark/rehype. `npm run bench` prints
 * what the plugins cost on top of plain Sätteri.
 */
import type { AstroUserConfig } from 'astro';
import { satteri } from '@astrojs/markdown-satteri';
import {
  transformerMetaHighlight,
  transformerNotationDiff,
  transformerNotationFocus,
  transformerNotationHighlight,
} from '@shikijs/transformers';
import type { LanguageRegistration, ShikiTransformer } from 'shiki';
import regoGrammar from './grammars/rego.tmLanguage.json' with { type: 'json' };
import { callouts } from './callouts.ts';
import { codeFrame } from './code-frame.ts';
import { codeTabs } from './code-tabs.ts';
import { fenceLanguages } from './fence-languages.ts';
import { headingAnchors } from './heading-anchors.ts';
import { SPECIAL_FENCES } from './languages.ts';
import { math } from './math.ts';
import { mermaidDiagrams } from './mermaid.ts';
import { darkTheme, lightTheme } from './themes.ts';
import { tokenClasses, type CodeThemes } from './token-classes.ts';

/** What Sätteri runs: Markdown-tree plugins, then HTML-tree plugins, with these syntax features. */
export const satteriOptions = {
  mdastPlugins: [fenceLanguages, math, mermaidDiagrams],
  hastPlugins: [callouts, codeTabs, headingAnchors()],
  features: { math: true, smartPunctuation: true },
};

/** The two code themes, switched by CSS variables (src/styles/code.css): never re-highlighted in the browser. */
export const codeThemes: CodeThemes = { light: lightTheme, dark: darkTheme };

/** Shiki's transformers in the order they run. */
export function shikiTransformers(): ShikiTransformer[] {
  return [
    transformerNotationDiff(),
    transformerNotationHighlight(),
    transformerNotationFocus(),
    transformerMetaHighlight(),
    codeFrame(),
    // Last: token colours become classes (no inline styles, see src/lib/csp.ts).
    tokenClasses(codeThemes),
  ];
}

/** Grammars Shiki does not bundle. */
export const extraLanguages = [regoGrammar as unknown as LanguageRegistration];

/** Astro's `markdown` option: the processor and Shiki, as the site builds them. */
export function markdownConfig() {
  return {
    processor: satteri(satteriOptions),
    syntaxHighlight: { type: 'shiki', excludeLangs: [...SPECIAL_FENCES] },
    shikiConfig: {
      themes: { ...codeThemes },
      defaultColor: false,
      langs: extraLanguages,
      transformers: shikiTransformers(),
    },
  } satisfies NonNullable<AstroUserConfig['markdown']>;
}
