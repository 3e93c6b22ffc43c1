/**
 * Renders a `.md` article body with the site's Markdown configuration
 * (markdownConfig() in src/markdown/index.ts: Sätteri, our plugins, Shiki) by the same call Astro's own
 * loader makes (`processor.createRenderer().render`), so the HTML and headings are what
 * Astro would produce. Results are cached on disk per body and pipeline version, so a
 * rebuild renders only the articles that changed. One renderer (one Shiki highlighter)
 * per process. No Astro runtime imports, so it is unit-tested directly.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MarkdownHeading } from 'astro';
import { satteri, satteriCreateHighlightFn, satteriHighlightPlugin } from '@astrojs/markdown-satteri';
import { markdownConfig } from '../markdown/index.ts';
import { HighlightMemo, type HighlightMemoStats } from '../markdown/highlight-memo.ts';
import { FileCache, cacheDir, hashOf, packageVersions } from './build-cache.ts';
import type { RenderStats } from '../lib/build-phases.ts';
import { markdownBody } from '../lib/frontmatter-source.ts';

export interface CachedRender {
  html: string;
  headings: MarkdownHeading[];
}

/** Everything the HTML of a `.md` body depends on besides the body itself. */
const PIPELINE_PACKAGES = [
  'astro',
  '@astrojs/markdown-satteri',
  'satteri',
  'shiki',
  '@shikijs/transformers',
  'temml',
  'github-slugger',
  'yaml',
];

export async function pipelineVersion(): Promise<string> {
  // Our plugins and grammars are part of the pipeline: hash their sources too.
  const dir = resolve('src/markdown');
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const sources = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  return hashOf(packageVersions(PIPELINE_PACKAGES), ...files.map((f, i) => `${relative(dir, f)}\n${sources[i]}`));
}

interface Renderer {
  render(
    body: string,
    options: { frontmatter: Record<string, unknown>; fileURL?: URL },
  ): Promise<{
    code: string;
    metadata: { headings: MarkdownHeading[]; localImagePaths: string[] };
  }>;
}

let setup:
  | Promise<{
      renderer: Renderer;
      memo: HighlightMemo<unknown>;
      version: string;
      cache: FileCache<CachedRender>;
    }>
  | undefined;

function pipeline() {
  setup ??= (async () => {
    const config = markdownConfig();
    // Astro's own highlight step (the same function and plugin its Sätteri renderer builds),
    // with a memo in front so a code block seen before in this build is not highlighted
    // again (src/markdown/highlight-memo.ts). It goes first among the HTML-tree plugins,
    // where Astro puts its own, and Astro's is switched off so the block is highlighted once.
    const highlight = await satteriCreateHighlightFn(config.syntaxHighlight, config.shikiConfig);
    if (!highlight) throw new Error('render-markdown: the site pipeline has no syntax highlighter');
    const memo = new HighlightMemo(highlight);
    const processor = satteri({
      ...config.processor.options,
      hastPlugins: [
        satteriHighlightPlugin(memo.highlight, config.syntaxHighlight.excludeLangs),
        ...config.processor.options.hastPlugins,
      ],
    });
    // The same options Astro's content layer passes (gfm and smartypants at their defaults, on).
    const renderer = (await processor.createRenderer({
      syntaxHighlight: false,
      shikiConfig: config.shikiConfig,
      gfm: true,
      smartypants: true,
    } as never)) as Renderer;
    return {
      renderer,
      memo,
      version: await pipelineVersion(),
      cache: new FileCache<CachedRender>(cacheDir('render')),
    };
  })();
  return setup;
}

/** The code-block memo's counters (tests, and the build log). */
export async function highlightMemoStats(): Promise<HighlightMemoStats> {
  return (await pipeline()).memo.stats;
}

/** Counters for the build log (src/integrations/build-log.ts prints them when the build is done). */
export const renderStats = ((globalThis as { __kbRenderStats?: RenderStats }).__kbRenderStats ??= {
  rendered: 0,
  cached: 0,
  ms: 0,
});

/** Reads an article's file and renders its body: what a page needs, in one call (src/data/render-pool.ts). */
export async function renderFile(file: string): Promise<CachedRender & { body: string }> {
  const body = markdownBody(await readFile(file, 'utf8'));
  return { body, ...(await renderMarkdown(body, file)) };
}

export async function renderMarkdown(body: string, file: string): Promise<CachedRender> {
  const started = performance.now();
  const { renderer, version, cache } = await pipeline();
  const key = hashOf(version, body);
  const hit = cache.get(key);
  if (hit) {
    renderStats.cached += 1;
    renderStats.ms += performance.now() - started;
    return hit;
  }
  const { code, metadata } = await renderer.render(body, { frontmatter: {}, fileURL: pathToFileURL(file) });
  if (metadata.localImagePaths.length)
    throw new Error(
      `${file}: image ${metadata.localImagePaths[0]} is a relative path; put images in public/ and link them from the site ` +
        `root (/images/…)`,
    );
  const result = { html: code, headings: metadata.headings };
  cache.set(key, result);
  renderStats.rendered += 1;
  renderStats.ms += performance.now() - started;
  return result;
}
