/**
 * Which pages axe checks, so the browser tests stay fast as content grows: one page of
 * every template, every real article (content/articles), and an evenly spread sample
 * of the rest, at most AXE_SAMPLE pages. Read from the built sitemap at collection
 * time, so each page becomes its own test and runs on any free worker.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const AXE_SAMPLE = 24;

/** The template a path is rendered by (one route file per kind). */
export function templateOf(path: string): string {
  if (path === '/' || path === '/404.html' || path === '/search/' || path === '/tags/') return path;
  const kind = /^\/(articles|tags|topics)\/[^/]+\/(\d+\/)?$/.exec(path);
  if (!kind) return 'other';
  return kind[2] ? `${kind[1]} page 2+` : kind[1]!;
}

/** Every `sample`th page of the rest, spread from first to last, `limit` at most. */
export function evenlySpread<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  return Array.from({ length: limit }, (_, i) => items[Math.floor((i * (items.length - 1)) / (limit - 1))]!);
}

export function axePages(distDir = 'dist', articlesDir = 'content/articles'): string[] {
  const sitemap = readdirSync(distDir).filter((f) => /^sitemap-\d+\.xml$/.test(f));
  const paths = sitemap.flatMap((f) =>
    [...readFileSync(join(distDir, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname),
  );
  const all = [...new Set([...paths, '/404.html'])].sort();
  const chosen = new Set<string>();
  const templates = new Set<string>();
  for (const path of all) {
    const template = templateOf(path);
    if (!templates.has(template)) chosen.add(path);
    templates.add(template);
  }
  const real = readdirSync(articlesDir)
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => `/articles/${f.replace(/\.mdx?$/, '').toLowerCase()}/`);
  for (const path of real) if (all.includes(path)) chosen.add(path);
  for (const path of evenlySpread(
    all.filter((p) => !chosen.has(p)),
    AXE_SAMPLE,
  ))
    chosen.add(path);
  return [...chosen].sort();
}
