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

/** The article's Markdown body, read from its file: exactly what Astro's glob loader stores as `body`. */
export async function articleBody(entry: CollectionEntry<'articles'>): Promise<string> {
  const source = await readFile(resolve(entry.filePath ?? ''), 'utf8');
  return parseFrontmatter(source, { frontmatter: 'empty-with-spaces' }).content.trim();
}

export async function renderArticle(entry: CollectionEntry<'articles'>): Promise<RenderedArticle> {
  const file = resolve(entry.filePath ?? '');
  const body = await articleBody(entry);
  if (file.endsWith('.mdx')) {
    const { Content, headings } = await render(entry);
    return { body, headings, Content };
  }
  return { body, ...(await renderMarkdown(body, file)) };
}
