#!/usr/bin/env node
// `npm run bench:pipeline`: what the Markdown pipeline costs per article (Sätteri alone, with
// our plugins, Shiki) and what the content check costs, in process, with the site's own
// configuration. Whole builds per size are `npm run bench`. Prints figures and compares them
// with the latest earlier run that measured each figure (bench/pipeline.jsonl); asserts nothing.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { markdownToHtml, mdxToJs } from 'satteri';
import { bundledLanguages, createHighlighter } from 'shiki';
import { extraLanguages, markdownConfig, satteriOptions } from '../src/markdown/index.ts';
import { SPECIAL_FENCES } from '../src/markdown/languages.ts';
import { checkContent } from '../src/checks/content/index.ts';
import { splitFrontmatter } from '../src/checks/content/frontmatter.ts';
import { generateCorpus, median, printTable, recordRun } from './lib/corpus.ts';
import { benchMermaid } from './lib/bench-mermaid.ts';
import { benchPreviewImages } from './lib/bench-preview-images.ts';

// The content check caches results per file; these figures are for a cold check.
process.env.KB_BUILD_CACHE = 'off';

const CORPUS = Number(process.env.BENCH_ARTICLES ?? 1000);
const ROUNDS = 5;

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const files = (await readdir('content/articles')).filter((f) => /\.mdx?$/.test(f));
const articles = await Promise.all(
  files.map(async (f) => ({
    body: splitFrontmatter(await readFile(join('content/articles', f), 'utf8'))!.body,
    mdx: f.endsWith('.mdx'),
  })),
);
const bodies = articles.map((a) => a.body);
// The site's own configuration (src/markdown/index.ts), so the figures are those of the pipeline it runs.
const { shikiConfig } = markdownConfig();
const compile = (article: (typeof articles)[number], options: Parameters<typeof markdownToHtml>[1]) =>
  article.mdx ? mdxToJs(article.body, options) : markdownToHtml(article.body, options);
const figures: Record<string, number> = {};
const units: Record<string, string> = {};

// 1. The Markdown pipeline, per article: Sätteri alone, with our plugins, and Shiki.
console.log(`Markdown pipeline over ${articles.length} articles (median of ${ROUNDS} rounds)…`);
const bare: number[] = [];
const withPlugins: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  bare.push(
    await time(async () => {
      for (const a of articles) await compile(a, { features: satteriOptions.features });
    }),
  );
  withPlugins.push(
    await time(async () => {
      for (const a of articles) await compile(a, satteriOptions);
    }),
  );
}
const fences = bodies
  .flatMap((b) => [...b.matchAll(/^```(\w+)([^\n]*)\n([\s\S]*?)^```$/gm)])
  .filter((m) => !(SPECIAL_FENCES as readonly string[]).includes(m[1]!));
const highlighter = await createHighlighter({
  themes: [shikiConfig.themes.light, shikiConfig.themes.dark],
  langs: [
    ...extraLanguages,
    ...new Set(fences.map((m) => m[1]!).filter((lang) => Object.hasOwn(bundledLanguages, lang))),
  ],
});
const loaded = new Set(highlighter.getLoadedLanguages());
const shiki: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  shiki.push(
    await time(() => {
      for (const [, lang, meta, code] of fences) {
        highlighter.codeToHast(code!, {
          lang: loaded.has(lang!) ? lang! : 'text',
          meta: { __raw: meta },
          themes: { light: shikiConfig.themes.light.name!, dark: shikiConfig.themes.dark.name! },
          defaultColor: shikiConfig.defaultColor,
          transformers: shikiConfig.transformers,
        });
      }
    }),
  );
}
const per = (ms: number) => ms / bodies.length;
figures['pipeline: Sätteri alone, per article'] = per(median(bare));
figures['pipeline: + our plugins, per article'] = per(median(withPlugins));
figures['pipeline: our plugins’ share'] = ((median(withPlugins) - median(bare)) / median(withPlugins)) * 100;
figures['pipeline: Shiki, per article'] = per(median(shiki));
Object.assign(units, {
  'pipeline: Sätteri alone, per article': 'ms',
  'pipeline: + our plugins, per article': 'ms',
  'pipeline: our plugins’ share': '%',
  'pipeline: Shiki, per article': 'ms',
});

// Mermaid diagrams: warm-up once per process, then time per diagram (scripts/lib/bench-mermaid.ts).
const mermaid = await benchMermaid(ROUNDS);
Object.assign(figures, mermaid.figures);
Object.assign(units, mermaid.units);

// 2. Content check: linear in the content.
const cacheDir = '.cache/bench';
figures['content check: site'] = await time(() => checkContent({ contentDir: 'content', staleAfterMonths: 12 }));
await generateCorpus(join(cacheDir, 'check-content'), CORPUS);
figures[`content check: ${CORPUS} articles`] = await time(() =>
  checkContent({ contentDir: join(cacheDir, 'check-content'), staleAfterMonths: 12, snippets: false }),
);
figures['content check: site, snippets off'] = await time(() =>
  checkContent({ contentDir: 'content', staleAfterMonths: 12, snippets: false }),
);
Object.assign(units, {
  'content check: site': 'ms',
  [`content check: ${CORPUS} articles`]: 'ms',
  'content check: site, snippets off': 'ms',
});

// Preview images: cost per image, in one thread and in workers (self-contained section).
console.log('Preview images…');
{
  const previews = await benchPreviewImages();
  Object.assign(figures, previews.figures);
  Object.assign(units, previews.units);
}

const previous = await recordRun('bench/pipeline.jsonl', figures);
console.log('');
printTable(figures, previous, units);
