/**
 * Renders an article's body when its page is built: `.md` through render-markdown.ts
 * (the site's pipeline, cached per article), `.mdx` through Astro's MDX integration.
 * The body is read from the file here rather than kept in the content store (see
 * article-loader.ts); nothing holds it once the page is written.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { MarkdownHeading } from 'astro';
import { render, type CollectionEntry } from 'astro:content';
import { renderFile, renderStats } from './render-markdown.ts';
import { markdownBody } from '../lib/frontmatter-source.ts';
import { RenderPool, renderWorkerCount } from './render-pool.ts';
import { catalog } from './catalog.ts';

type Content = Awaited<ReturnType<typeof render>>['Content'];

export interface RenderedArticle {
  /** The Markdown body, as Astro's loader would have stored it. */
  body: string;
  headings: MarkdownHeading[];
  /** Rendered HTML (`.md`). */
  html?: string;
  /** The compiled component (`.mdx`). */
  Content?: Content;
}

/** The article's Markdown body, read from its file: exactly what Astro's glob loader stores as `body`. */
export async function articleBody(entry: CollectionEntry<'articles'>): Promise<string> {
  return markdownBody(await readFile(resolve(entry.filePath ?? ''), 'utf8'));
}

let pool: Promise<RenderPool | undefined> | undefined;
/** The build's render workers, in the order the article pages come (src/data/render-pool.ts); none in dev. */
function renderPool(): Promise<RenderPool | undefined> {
  pool ??= (async () => {
    if (import.meta.env.DEV) return undefined;
    const files = (await catalog()).articles.map((a) => resolve(a.filePath ?? '')).filter((f) => f.endsWith('.md'));
    const size = renderWorkerCount(files.length);
    return size ? new RenderPool(files, size, renderStats) : undefined;
  })();
  return pool;
}

export async function renderArticle(entry: CollectionEntry<'articles'>): Promise<RenderedArticle> {
  const file = resolve(entry.filePath ?? '');
  if (file.endsWith('.mdx')) {
    const body = await articleBody(entry);
    const { Content, headings } = await render(entry);
    return { body, headings, Content };
  }
  const workers = await renderPool();
  return workers ? workers.render(file) : renderFile(file);
}
