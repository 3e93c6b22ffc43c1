#!/usr/bin/env node
// `npm run check:links`: every internal link, asset and #anchor of the built site must
// resolve (exit 1 if one does not). External links are listed; with --external they are
// fetched and failures reported without failing, for the weekly job (.github/workflows/links.yml).
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { listDistFiles, scanDist } from '../src/checks/dist/dist-scan.ts';
import { checkDistLinks, formatLinkProblem, type ExternalLink } from '../src/checks/dist/link-check.ts';
import {
  checkExternalUrls,
  DEFAULT_MAX_AGE_MS,
  parseCache,
  pruneCache,
  type ExternalResult,
} from '../src/checks/dist/external-links.ts';
import { site } from '../src/site.config.ts';
import { plural as n } from '../src/lib/plural.ts';
import { byPlace } from '../src/checks/content/problems.ts';

const USAGE = `Usage: npm run check:links -- [--dir dist] [--external] [--max-age-days 7] [--cache .cache/external-links.json]
                                [--site ${site.url}] [--format text|markdown]

Checks every href, src, srcset, meta refresh and og:url in the built HTML against the files
in the build, #anchors included. Exits 1 on a broken internal link.
--external  also fetch external links (HEAD, then GET; 10s timeout; 2 retries); failures
            are reported but do not change the exit code. Successes are cached for
            --max-age-days in the --cache file.
--format    markdown writes a report for $GITHUB_STEP_SUMMARY.`;

let values: ReturnType<typeof parse>['values'];
function parse() {
  return parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      site: { type: 'string', default: site.url },
      external: { type: 'boolean', default: false },
      'max-age-days': { type: 'string', default: String(DEFAULT_MAX_AGE_MS / 86_400_000) },
      cache: { type: 'string', default: '.cache/external-links.json' },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', default: false },
    },
  });
}
try {
  values = parse().values;
} catch (e) {
  console.error(`check:links: ${(e as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const markdown = values.format === 'markdown';
const maxAgeDays = Number(values['max-age-days']);
if (!['text', 'markdown'].includes(values.format) || !(maxAgeDays >= 0)) {
  console.error(`check:links: --format is text or markdown, --max-age-days a number of days\n\n${USAGE}`);
  process.exit(2);
}

const distDir = values.dir.replace(/\/+$/, '');
if (!existsSync(distDir)) {
  console.error(`check:links: ${distDir}/ does not exist; run npm run build first (or pass --dir).`);
  process.exit(2);
}

const pages = await scanDist(distDir);
const result = checkDistLinks(pages, await listDistFiles(distDir), { siteUrl: values.site });
const problems = [...result.problems].sort(byPlace);
const external = [...result.external].sort((a, b) => b.count - a.count || a.url.localeCompare(b.url));
const externalUses = external.reduce((n, e) => n + e.count, 0);
const out: string[] = [];

// Internal links.
const brokenPages = new Set(problems.map((p) => p.file)).size;
const internalSummary = `${n(result.internal, 'internal link')} on ${n(pages.size, 'page')}`;
if (markdown) {
  out.push('## Links', '');
  if (problems.length === 0) out.push(`✅ All ${internalSummary} resolve, #anchors included.`);
  else
    out.push(
      `❌ ${n(problems.length, 'broken internal link')} on ${n(brokenPages, 'page')} (of ${internalSummary}):`,
      '',
      '```text',
      ...problems.map((p) => formatLinkProblem(p, distDir)),
      '```',
    );
} else {
  out.push(...problems.map((p) => formatLinkProblem(p, distDir)));
  out.push(
    problems.length
      ? `\n${n(problems.length, 'broken internal link')} on ${n(brokenPages, 'page')} (${internalSummary} checked).`
      : `Internal links OK: ${internalSummary}, #anchors included.`,
  );
}

// External links.
if (!values.external) {
  const head =
    `${n(externalUses, 'external link')} to ${n(external.length, 'URL')}, not fetched (npm run check:links ` +
    `-- --external fetches them)`;
  if (markdown) out.push('', `${head}.`);
  else out.push('', `${head}:`, ...external.map((e) => `  ${String(e.count).padStart(4)}× ${e.url}`));
} else {
  const cacheText = existsSync(values.cache) ? await readFile(values.cache, 'utf8') : undefined;
  const maxAgeMs = maxAgeDays * 86_400_000;
  const cache = pruneCache(parseCache(cacheText), Date.now(), maxAgeMs);
  const results = await checkExternalUrls(
    external.map((e) => e.url),
    { cache, maxAgeMs, userAgent: `devops-kb-link-check (+${site.repoUrl})` },
  );
  await mkdir(dirname(values.cache), { recursive: true });
  await writeFile(values.cache, `${JSON.stringify(cache, null, 1)}\n`);
  const failed = results.flatMap((r, i) => (r.ok ? [] : [{ result: r, link: external[i]! }]));
  const cached = results.filter((r) => r.fromCache).length;
  const head =
    `${n(external.length, 'external URL')} (${n(externalUses, 'link')}): ${results.length - failed.length} ` +
    `OK (${cached} from a check in the last ${n(maxAgeDays, 'day')}), ${failed.length} failed`;
  const what = (r: ExternalResult) => (r.status !== undefined ? `HTTP ${r.status}` : (r.error ?? 'failed'));
  const where = (l: ExternalLink) => `${distDir}/${l.first.file}:${l.first.line}`;
  if (markdown) {
    out.push('', `### External links`, '', `${failed.length ? '⚠️' : '✅'} ${head}.`);
    if (failed.length) {
      out.push(
        '',
        'Failures do not fail this job: fix or replace the link in the article, or remove it if the page is gone.',
        '',
      );
      out.push('| result | URL | links | first at |', '| --- | --- | --- | --- |');
      for (const { result: r, link } of failed)
        out.push(`| ${cell(what(r))} | ${cell(r.url)} | ${link.count} | \`${cell(where(link))}\` |`);
    }
  } else {
    out.push('', `External: ${head}.`);
    for (const { result: r, link } of failed)
      out.push(`  ${what(r)}  ${r.url}  (${n(link.count, 'link')}; first at ${where(link)})`);
  }
}

console.log(out.join('\n'));
process.exit(problems.length ? 1 : 0);

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
