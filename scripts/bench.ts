#!/usr/bin/env node
// `npm run bench`: what the build costs and whether it scales. Prints figures and compares
// them with the previous run (bench/build.jsonl); asserts nothing. Timings vary with the
// machine; byte counts do not.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { markdownToHtml, mdxToJs } from 'satteri';
import { bundledLanguages, createHighlighter } from 'shiki';
import { extraLanguages, markdownConfig, satteriOptions } from '../src/markdown/index.ts';
import { SPECIAL_FENCES } from '../src/markdown/languages.ts';
import { checkContent } from '../src/checks/content/index.ts';
import { splitFrontmatter } from '../src/checks/content/frontmatter.ts';
import { buildCorpus, generateCorpus, median, printTable, recordRun, run } from './lib/corpus.ts';
import { benchMermaid } from './lib/bench-mermaid.ts';
import { benchPreviewImages } from './lib/bench-preview-images.ts';

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

// 3. Whole builds, and what an article page weighs at 10 and at CORPUS articles.
console.log('Building the site…');
const site = await run(process.execPath, [
  'node_modules/astro/bin/astro.mjs',
  'build',
  '--outDir',
  join(cacheDir, 'site-dist'),
]);
if (site.code !== 0) throw new Error(site.output.slice(-2000));
figures['build: site'] = site.ms / 1000;
console.log(`Building a ${CORPUS}-article corpus…`);
const corpusDir = join(cacheDir, `corpus-${CORPUS}`);
const { distDir, buildMs } = await buildCorpus(corpusDir, CORPUS);
if (buildMs) {
  figures[`build: ${CORPUS} articles`] = buildMs / 1000;
  figures[`build: per article at ${CORPUS}`] = buildMs / CORPUS;
}
const gz = async (path: string) => gzipSync(await readFile(path)).length;
for (const id of ['kubectl-cp', 'terraform-aws-iam-policies']) {
  figures[`article HTML gzip (${id}), site`] = await gz(join(cacheDir, 'site-dist', 'articles', id, 'index.html'));
  figures[`article HTML gzip (${id}), ${CORPUS}`] = await gz(join(distDir, 'articles', id, 'index.html'));
}
figures[`home HTML gzip, ${CORPUS}`] = await gz(join(distDir, 'index.html'));
for (const k of Object.keys(figures))
  if (k.startsWith('build: site') || k.startsWith('build: ' + CORPUS)) units[k] = 's';
for (const k of Object.keys(figures)) if (k.startsWith('build: per')) units[k] = 'ms';
for (const k of Object.keys(figures)) if (k.includes('gzip')) units[k] = 'B';

const previous = await recordRun('bench/build.jsonl', figures);
console.log('');
printTable(figures, previous, units);
