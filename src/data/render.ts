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
import { parseFrontmatter } from 'astro/markdown';
import { renderMarkdown } from './render-markdown.ts';

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

export async function renderArticle(entry: CollectionEntry<'articles'>): Promise<RenderedArticle> {
  const file = resolve(entry.filePath ?? '');
  const source = await readFile(file, 'utf8');
  // Exactly what Astro's glob loader stores as `body`.
  const body = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' }).content.trim();
  if (file.endsWith('.mdx')) {
    const { Content, headings } = await render(entry);
    return { body, headings, Content };
  }
  return { body, ...(await renderMarkdown(body, file)) };
}
