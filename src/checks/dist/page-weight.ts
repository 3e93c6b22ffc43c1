/**
 * Page weight: what a reader downloads for one page, as gzip bytes of its HTML and of
 * the same-origin CSS and JavaScript files it references (inline scripts and styles are
 * part of the HTML). Compared in CI against a committed baseline, so a change that makes
 * every article heavier is visible in the pull request. Pure apart from the `read`
 * callback, which returns a built file's bytes by site path.
 */
import { gzipSync } from 'node:zlib';
import type { ScannedPage } from './dist-scan.ts';

export interface PageWeight {
  path: string;
  html: number;
  css: number;
  js: number;
  total: number;
}

export interface WeightBaseline {
  /** The article page the baseline was measured on. */
  page: string;
  gzipBytes: Omit<PageWeight, 'path'>;
}

/** gzip at zlib's default level (6), about what static hosts and CDNs apply on the fly. */
export const gzipSize = (bytes: Uint8Array): number => gzipSync(bytes).length;

/** Same-origin stylesheets and scripts a page loads, as site paths (deduplicated). */
export function pageAssets(page: ScannedPage, origin: string): { css: string[]; js: string[] } {
  const css = new Set<string>();
  const js = new Set<string>();
  for (const ref of page.references) {
    if (ref.attribute !== 'href' && ref.attribute !== 'src') continue;
    let url: URL;
    try {
      url = new URL(ref.url, new URL(page.path, origin));
    } catch {
      continue;
    }
    if (url.origin !== new URL(origin).origin) continue;
    if (ref.tag === 'link' && url.pathname.endsWith('.css')) css.add(url.pathname);
    else if ((ref.tag === 'script' || ref.tag === 'link') && /\.m?js$/.test(url.pathname)) js.add(url.pathname);
  }
  return { css: [...css], js: [...js] };
}

/** The page's weight; `read` gives a file's bytes by site path (undefined when missing: counted as 0). */
export function measurePage(
  page: ScannedPage,
  origin: string,
  read: (sitePath: string) => Uint8Array | undefined,
): PageWeight {
  const htmlBytes = read(`/${page.file.split('\\').join('/')}`);
  const html = htmlBytes ? gzipSize(htmlBytes) : 0;
  const { css: cssFiles, js: jsFiles } = pageAssets(page, origin);
  const sum = (files: string[]) =>
    files.reduce((total, f) => {
      const bytes = read(f);
      return total + (bytes ? gzipSize(bytes) : 0);
    }, 0);
  const css = sum(cssFiles);
  const js = sum(jsFiles);
  return { path: page.path, html, css, js, total: html + css + js };
}

/** "+1.2 kB (+4.1%)" against the baseline; bytes as kB with one decimal, as readers of a summary want. */
export function describeChange(current: number, baseline: number): string {
  const diff = current - baseline;
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  const percent = baseline ? ` (${sign}${Math.abs((diff / baseline) * 100).toFixed(1)}%)` : '';
  return `${sign}${formatKb(Math.abs(diff))}${percent}`;
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
