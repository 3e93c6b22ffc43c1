#!/usr/bin/env node
// `node scripts/ci-summary.ts >> "$GITHUB_STEP_SUMMARY"`: a Markdown report of a CI run
// that a writer can act on without reading logs: content problems, snippet errors,
// broken links in the build and page weight against the committed baseline. Always
// exits 0: the test steps fail the job; this only explains.
//
// `node scripts/ci-summary.ts --write-baseline [/articles/<slug>/]` records the current
// weight of an article page (default: the heaviest) as the new baseline.
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checkContent, formatProblem, type Problem } from '../src/checks/content/index.ts';
import { byPlace } from '../src/checks/content/problems.ts';
import { plural } from '../src/lib/plural.ts';
import { listDistFiles, scanDist, type ScannedPage } from '../src/checks/dist/dist-scan.ts';
import { checkDistLinks, formatLinkProblem } from '../src/checks/dist/link-check.ts';
import {
  describeChange,
  formatKb,
  measurePage,
  type PageWeight,
  type WeightBaseline,
} from '../src/checks/dist/page-weight.ts';
import { contentDir, site } from '../src/site.config.ts';
import { isArticlePath } from '../src/lib/routes.ts';

const DIST = 'dist';
const BASELINE_FILE = 'tests/budgets/page-weight-baseline.json';
const out: string[] = ['# Content and site report', ''];
const fence = (lines: readonly string[]) => ['```text', ...lines, '```'];

// 1. Content: frontmatter, MDX, headings, links between articles; snippets reported apart.
try {
  const result = await checkContent({ contentDir, staleAfterMonths: site.staleAfterMonths });
  const isSnippet = (p: Problem) => p.subject?.endsWith('fence') ?? false;
  const errors = result.problems.filter((p) => p.severity === 'error' && !isSnippet(p)).sort(byPlace);
  const snippets = result.problems.filter((p) => p.severity === 'error' && isSnippet(p)).sort(byPlace);
  const warnings = result.problems.filter((p) => p.severity === 'warning').sort(byPlace);

  out.push('## Content');
  if (errors.length === 0)
    out.push(
      '',
      `✅ ${plural(result.articles.length, 'article')}: frontmatter, MDX, headings, images, links and spelling are valid.`,
    );
  else
    out.push(
      '',
      `❌ ${plural(errors.length, 'problem')}. Each line is \`file:line field: what is wrong and how to fix it\`; ` +
        `\`npm run validate\` prints the same list locally.`,
      '',
      ...fence(errors.map(formatProblem)),
    );
  if (warnings.length)
    out.push('', `⚠️ ${plural(warnings.length, 'warning')} (not blocking):`, '', ...fence(warnings.map(formatProblem)));

  out.push('', '## Code snippets');
  if (snippets.length === 0)
    out.push(
      '',
      '✅ Every fence names a known language, every checked snippet parses and every Kubernetes manifest matches the API schema.',
    );
  else
    out.push(
      '',
      `❌ ${plural(snippets.length, 'snippet error')}. Fix the code, or add \`nocheck="why"\` to a fence that is deliberately partial.`,
      '',
      ...fence(snippets.map(formatProblem)),
    );
} catch (e) {
  out.push('## Content', '', `❌ The content check could not run: ${(e as Error).message}`);
}

// 2 and 3 need the build.
out.push('', '## Links in the built site');
if (!existsSync(join(DIST, 'index.html'))) {
  out.push(
    '',
    `⚠️ No build in \`${DIST}/\` (the build failed or did not run), so links and page weight were not checked.`,
  );
} else {
  const pages = await scanDist(DIST);
  const links = checkDistLinks(pages, await listDistFiles(DIST), { siteUrl: site.url });
  if (links.problems.length === 0)
    out.push(
      '',
      `✅ ${plural(links.internal, 'internal link')} on ${plural(pages.size, 'page')} resolve, #anchors included.`,
    );
  else
    out.push(
      '',
      `❌ ${plural(links.problems.length, 'broken link')}. \`npm run build && npm run check:links\` reproduces this.`,
      '',
      ...fence(links.problems.sort(byPlace).map((p) => formatLinkProblem(p, DIST))),
    );
  out.push('', `${plural(links.external.length, 'external URL')} not fetched here; a weekly job checks them.`);

  out.push('', '## Page weight', '');
  out.push(...(await pageWeightSection(pages)));
}

console.log(out.join('\n'));

async function pageWeightSection(pages: Map<string, ScannedPage>): Promise<string[]> {
  const read = (sitePath: string) => {
    try {
      return readFileSync(join(DIST, sitePath));
    } catch {
      return undefined;
    }
  };
  const articles = [...pages.values()].filter((p) => isArticlePath(p.path) && !p.isRedirect);
  if (articles.length === 0) return ['No article pages in the build.'];
  const weights = new Map<string, PageWeight>(articles.map((p) => [p.path, measurePage(p, site.url, read)]));
  const heaviest = [...weights.values()].sort((a, b) => b.total - a.total)[0]!;
  let baseline = existsSync(BASELINE_FILE)
    ? (JSON.parse(await readFile(BASELINE_FILE, 'utf8')) as WeightBaseline)
    : undefined;

  if (process.argv.includes('--write-baseline')) {
    const asked = process.argv[process.argv.indexOf('--write-baseline') + 1];
    const chosen = asked && !asked.startsWith('--') ? weights.get(asked) : heaviest;
    if (!chosen) throw new Error(`${asked} is not an article page in ${DIST}/`);
    const { path, ...gzipBytes } = chosen;
    await mkdir(dirname(BASELINE_FILE), { recursive: true });
    baseline = { page: path, gzipBytes };
    await writeFile(BASELINE_FILE, `${JSON.stringify(baseline, null, 2)}\n`);
    console.error(`wrote ${BASELINE_FILE}: ${path}, ${formatKb(chosen.total)} gzip`);
  }

  const rows: string[] = [
    '| page | HTML | CSS | JS | total (gzip) | baseline | change |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  const row = (w: PageWeight, note: string, base?: WeightBaseline['gzipBytes']) =>
    `| \`${w.path}\`${note} | ${formatKb(w.html)} | ${formatKb(w.css)} | ${formatKb(w.js)} | **${formatKb(w.total)}** ` +
    `| ${base ? formatKb(base.total) : '–'} | ${base ? describeChange(w.total, base.total) : '–'} |`;
  const measured = baseline ? weights.get(baseline.page) : undefined;
  if (baseline && measured) rows.push(row(measured, ' (baseline page)', baseline.gzipBytes));
  if (!measured || measured.path !== heaviest.path) rows.push(row(heaviest, ' (heaviest article)'));
  const notes: string[] = [];
  if (!baseline)
    notes.push(`No baseline committed; \`node scripts/ci-summary.ts --write-baseline\` writes ${BASELINE_FILE}.`);
  else if (!measured)
    notes.push(
      `The baseline page ${baseline.page} is not in this build; refresh the baseline with \`node scripts/ci-summary.ts --write-baseline\`.`,
    );
  return [...rows, ...(notes.length ? ['', ...notes] : [])];
}
