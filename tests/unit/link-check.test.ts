import { describe, expect, it } from 'vitest';
import { scanHtml, type ScannedPage } from '../../src/checks/dist/dist-scan.ts';
import { checkDistLinks, formatLinkProblem, srcsetUrls } from '../../src/checks/dist/link-check.ts';
import {
  checkExternalUrl,
  checkExternalUrls,
  emptyCache,
  parseCache,
  pruneCache,
} from '../../src/checks/dist/external-links.ts';
import { describeChange, measurePage, pageAssets } from '../../src/checks/dist/page-weight.ts';

const SITE = 'https://kb.example.com';

/** A tiny built site: site path → HTML, scanned like scanDist does; other files listed by path. */
function build(html: Record<string, string>, otherFiles: string[] = []) {
  const pages = new Map<string, ScannedPage>();
  const files = new Set(otherFiles);
  for (const [path, source] of Object.entries(html)) {
    const file = path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1);
    pages.set(path, scanHtml(source, path, file));
    files.add(`/${file}`);
  }
  return { pages, files };
}
const check = (html: Record<string, string>, otherFiles: string[] = []) => {
  const { pages, files } = build(html, otherFiles);
  const result = checkDistLinks(pages, files, { siteUrl: SITE });
  return { ...result, lines: result.problems.map((p) => formatLinkProblem(p, 'dist')) };
};

const article = `<!doctype html><html><head>
<link rel="canonical" href="${SITE}/articles/a/">
<meta property="og:url" content="${SITE}/articles/a/">
<link rel="stylesheet" href="/_astro/site.css">
<link rel="alternate" type="application/rss+xml" href="${SITE}/rss.xml">
</head><body>
<h2 id="setup">Setup</h2>
<a href="#setup">here</a> <a href="#">top</a> <a href="#top">top</a>
<a href="/articles/b/#usage">b</a> <a href="../b/">relative</a> <a href="/">home</a>
<img src="/img/diagram.png" srcset="/img/diagram.png 1x, /img/diagram@2x.png 2x" alt="d">
<a href="mailto:team@example.com">mail</a> <a href="https://kubernetes.io/docs/#x">k8s</a>
<a href="https://kubernetes.io/docs/">k8s again</a>
</body></html>`;
const b = '<html><body><h2 id="usage">Usage</h2></body></html>';
const home = '<html><body><a href="/articles/a/">a</a></body></html>';
const assets = ['/_astro/site.css', '/rss.xml', '/img/diagram.png', '/img/diagram@2x.png'];

describe('checkDistLinks', () => {
  it('accepts pages, files, absolute URLs on the site origin, relative URLs and ids', () => {
    const result = check({ '/articles/a/': article, '/articles/b/': b, '/': home }, assets);
    expect(result.lines).toEqual([]);
    // canonical, og:url, css, rss, #setup, #, #top, /articles/b/#usage, ../b/, /, img src, 2 srcset, home's link
    expect(result.internal).toBe(14);
  });

  it('lists external links once per URL (fragment dropped) with a count and where first used, ignoring mailto', () => {
    const { external } = check({ '/articles/a/': article, '/articles/b/': b, '/': home }, assets);
    expect(external).toEqual([
      { url: 'https://kubernetes.io/docs/', count: 2, first: { file: 'articles/a/index.html', line: 11 } },
    ]);
  });

  it('reports a missing page with the file, line and the nearest existing path', () => {
    const page = '<html><body>\n<p>\n<a href="/articles/kubectl-cpp/">x</a></body></html>';
    expect(check({ '/': page, '/articles/kubectl-cp/': b }).lines).toEqual([
      'dist/index.html:3 href /articles/kubectl-cpp/: nothing in the build at /articles/kubectl-cpp/; did you mean /articles/kubectl-cp/?',
    ]);
  });

  it('reports a missing #id on another page and on the same page, suggesting the nearest id', () => {
    const page =
      '<html><body><h2 id="install">Install</h2>\n<a href="/articles/b/#usagee">x</a>\n<a href="#instal">y</a></body></html>';
    expect(check({ '/articles/a/': page, '/articles/b/': b }).lines).toEqual([
      "dist/articles/a/index.html:2 href /articles/b/#usagee: no element with id 'usagee' on /articles/b/; did you mean #usage?",
      "dist/articles/a/index.html:3 href #instal: no element with id 'instal' on /articles/a/; did you mean #install?",
    ]);
  });

  it('requires the trailing slash the site is built with', () => {
    expect(check({ '/': '<a href="/articles/b">b</a>', '/articles/b/': b }).lines).toEqual([
      "dist/index.html:1 href /articles/b: needs its trailing slash (the site is built with trailingSlash: 'always'); write /articles/b/",
    ]);
  });

  it('checks files (feeds, icons, stylesheets, srcset entries) against dist', () => {
    const page =
      '<link rel="stylesheet" href="/_astro/site.CSS1.css"><link rel="icon" href="/favicon.svg"><img src="/a.png" ' +
      'srcset="/a.png 1x, /a@2x.png 2x" alt="a">';
    expect(check({ '/': page }, ['/_astro/site.CSS2.css', '/a.png']).lines).toEqual([
      'dist/index.html:1 href /_astro/site.CSS1.css: nothing in the build at /_astro/site.CSS1.css; did you mean /_astro/site.CSS2.css?',
      'dist/index.html:1 href /favicon.svg: nothing in the build at /favicon.svg',
      'dist/index.html:1 srcset /a@2x.png: nothing in the build at /a@2x.png; did you mean /a.png?',
    ]);
  });

  it('treats absolute URLs on the site origin as internal, so a wrong canonical is caught', () => {
    const page = `<link rel="canonical" href="${SITE}/404/"><meta property="og:url" content="${SITE}/404/">`;
    expect(check({ '/404.html': page }).lines).toEqual([
      `dist/404.html:1 href ${SITE}/404/: nothing in the build at /404/`,
      `dist/404.html:1 content ${SITE}/404/: nothing in the build at /404/`,
    ]);
  });

  it('follows meta-refresh redirects to their target', () => {
    const redirect = (to: string) => `<meta http-equiv="refresh" content="0;url=${to}">`;
    expect(
      check({ '/old/': redirect('/articles/b/'), '/older/': redirect('/articles/gone/'), '/articles/b/': b }).lines,
    ).toEqual([
      'dist/older/index.html:1 content /articles/gone/: nothing in the build at /articles/gone/; did you mean /articles/b/?',
    ]);
  });

  it('resolves relative links against the page path, including /index.html forms', () => {
    const page =
      '<a href="../b/index.html#usage">b</a><a href="../b/index.html#nope">b</a><a href="subpage/">missing</a>';
    expect(check({ '/articles/a/': page, '/articles/b/': b }).lines).toEqual([
      "dist/articles/a/index.html:1 href ../b/index.html#nope: no element with id 'nope' on /articles/b/",
      'dist/articles/a/index.html:1 href subpage/: nothing in the build at /articles/a/subpage/',
    ]);
  });
});

describe('srcsetUrls', () => {
  it('splits candidates on commas after a URL, not inside it', () => {
    expect(srcsetUrls('/a.png 1x, /b.png 2x')).toEqual(['/a.png', '/b.png']);
    expect(srcsetUrls('/a.png 320w,/b.png 640w')).toEqual(['/a.png', '/b.png']);
    // As in browsers: a URL runs to whitespace, so this is one URL with a comma in it.
    expect(srcsetUrls('/a.png,/b.png 2x')).toEqual(['/a.png,/b.png']);
    expect(srcsetUrls('/img/a,b.png 1x')).toEqual(['/img/a,b.png']);
  });
});

describe('external links', () => {
  const response = (status: number) => new Response(status === 204 ? null : 'body', { status });
  /** A fetch that answers from a script of (method, status | Error) steps and records the calls. */
  function fakeFetch(steps: Array<[string, number | Error]>) {
    const calls: string[] = [];
    const fetch = (async (_url: string, init?: RequestInit) => {
      const step = steps.shift();
      if (!step) throw new Error('unexpected request');
      calls.push(`${init?.method} ${step[1] instanceof Error ? 'error' : step[1]}`);
      expect(init?.method).toBe(step[0]);
      if (step[1] instanceof Error) throw step[1];
      return response(step[1]);
    }) as unknown as typeof globalThis.fetch;
    return { fetch, calls };
  }
  const sleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
  };
  const now = () => 1_000_000;

  it('uses HEAD and stops there when it succeeds', async () => {
    const { fetch, calls } = fakeFetch([['HEAD', 200]]);
    expect(await checkExternalUrl('https://x.test/', { fetch, sleep, now })).toEqual({
      url: 'https://x.test/',
      ok: true,
      status: 200,
      checkedAt: now(),
    });
    expect(calls).toEqual(['HEAD 200']);
  });

  it('falls back to GET when HEAD is refused', async () => {
    const { fetch, calls } = fakeFetch([
      ['HEAD', 405],
      ['GET', 200],
    ]);
    expect((await checkExternalUrl('https://x.test/', { fetch, sleep, now })).ok).toBe(true);
    expect(calls).toEqual(['HEAD 405', 'GET 200']);
  });

  it('retries transient failures twice with growing pauses, then reports the last', async () => {
    sleeps.length = 0;
    const { fetch, calls } = fakeFetch([
      ['HEAD', new TypeError('fetch failed')],
      ['HEAD', 503],
      ['GET', 503],
      ['HEAD', 502],
      ['GET', 502],
    ]);
    expect(await checkExternalUrl('https://x.test/', { fetch, sleep, now, backoffMs: 100 })).toEqual({
      url: 'https://x.test/',
      ok: false,
      status: 502,
      checkedAt: now(),
    });
    expect(calls).toHaveLength(5);
    expect(sleeps).toEqual([100, 200]);
  });

  it('does not retry an answer that will not change (404)', async () => {
    const { fetch, calls } = fakeFetch([
      ['HEAD', 404],
      ['GET', 404],
    ]);
    expect((await checkExternalUrl('https://x.test/', { fetch, sleep, now })).status).toBe(404);
    expect(calls).toEqual(['HEAD 404', 'GET 404']);
  });

  it('reports a timeout in words', async () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const { fetch } = fakeFetch([
      ['HEAD', timeout],
      ['HEAD', timeout],
      ['HEAD', timeout],
    ]);
    expect((await checkExternalUrl('https://x.test/', { fetch, sleep, now })).error).toBe('no answer within 10s');
  });

  it('reuses fresh cached successes, rechecks stale ones and forgets failures', async () => {
    const cache = parseCache(
      JSON.stringify({
        version: 1,
        entries: {
          'https://fresh.test/': { url: 'https://fresh.test/', ok: true, status: 200, checkedAt: now() - 1000 },
          'https://stale.test/': { url: 'https://stale.test/', ok: true, status: 200, checkedAt: now() - 10_000 },
        },
      }),
    );
    const { fetch, calls } = fakeFetch([
      ['HEAD', 200],
      ['HEAD', 404],
      ['GET', 404],
    ]);
    const results = await checkExternalUrls(['https://fresh.test/', 'https://stale.test/', 'https://gone.test/'], {
      fetch,
      sleep,
      now,
      cache,
      maxAgeMs: 5000,
      concurrency: 1,
    });
    expect(results.map((r) => [r.url, r.ok, r.fromCache ?? false])).toEqual([
      ['https://fresh.test/', true, true],
      ['https://stale.test/', true, false],
      ['https://gone.test/', false, false],
    ]);
    expect(calls).toEqual(['HEAD 200', 'HEAD 404', 'GET 404']);
    expect(Object.keys(cache.entries)).toEqual(['https://fresh.test/', 'https://stale.test/']);
    expect(Object.keys(pruneCache(cache, now() + 4500, 5000).entries)).toEqual(['https://stale.test/']);
  });

  it('starts a fresh cache from a missing or unreadable file', () => {
    expect(parseCache(undefined)).toEqual(emptyCache());
    expect(parseCache('{not json')).toEqual(emptyCache());
    expect(parseCache('{"version":2}')).toEqual(emptyCache());
  });
});

describe('page weight', () => {
  const html =
    '<html><head><link rel="stylesheet" href="/_astro/a.css"><link rel="icon" href="/favicon.svg"><script ' +
    'type="module" src="/_astro/a.js"></script><script src="https://cdn.test/x.js"></script></head><body>Hello</body></html>';
  const page = scanHtml(html, '/articles/a/', 'articles/a/index.html');

  it('finds the same-origin stylesheets and scripts a page loads', () => {
    expect(pageAssets(page, SITE)).toEqual({ css: ['/_astro/a.css'], js: ['/_astro/a.js'] });
  });

  it('adds up gzip sizes of the HTML, CSS and JS', () => {
    const files: Record<string, Uint8Array> = {
      '/articles/a/index.html': new TextEncoder().encode(html),
      '/_astro/a.css': new TextEncoder().encode('body{color:red}'.repeat(100)),
      '/_astro/a.js': new TextEncoder().encode('console.log(1);'.repeat(100)),
    };
    const weight = measurePage(page, SITE, (p) => files[p]);
    expect(weight.path).toBe('/articles/a/');
    expect(weight.html).toBeGreaterThan(100);
    expect(weight.css).toBeGreaterThan(20);
    expect(weight.css).toBeLessThan(100); // repeated text compresses
    expect(weight.total).toBe(weight.html + weight.css + weight.js);
  });

  it('describes a change against the baseline in kB and percent', () => {
    expect(describeChange(21_000, 20_000)).toBe('+1.0 kB (+5.0%)');
    expect(describeChange(19_500, 20_000)).toBe('−0.5 kB (−2.5%)');
    expect(describeChange(20_000, 20_000)).toBe('±0.0 kB (±0.0%)');
  });
});
