// The content check resolves links before the build against its own model of the site
// (src/checks/content/site-model.ts, from the rules in src/lib/routes.ts). This compares
// that model with a real build, so a page, a URL rule or a layout id that changes on one
// side only fails a test instead of making the check accept broken links or reject good ones.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { checkContent } from '../../src/checks/content/index.ts';
import { listDistFiles, scanDist } from '../../src/checks/dist/dist-scan.ts';
import { NOT_FOUND_PATH } from '../../src/lib/routes.ts';

/** Ids inside inline SVG (a diagram's title, arrowheads): parts of a picture, not link targets. */
function svgIds(html: string): Set<string> {
  const ids = new Set<string>();
  let depth = 0;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'svg') depth++;
      if (depth > 0 && attrs.id) ids.add(attrs.id);
    },
    onclosetag(name) {
      if (name === 'svg') depth--;
    },
  });
  parser.end(html);
  return ids;
}

/** Every disagreement between the content check's model of `contentDir` and the build in `distDir`. */
export async function siteModelMismatches(contentDir: string, distDir: string, pageSize: number): Promise<string[]> {
  const { site } = await checkContent({ contentDir, staleAfterMonths: 12, snippets: false, pageSize });
  const built = await scanDist(distDir);
  const files = await listDistFiles(distDir);
  const problems: string[] = [];

  for (const [path, page] of built) {
    if (page.isRedirect || path === NOT_FOUND_PATH) continue;
    if (!site.pages.has(path)) problems.push(`${path} is built, but the content check reports links to it as broken`);
  }
  for (const [path, ids] of site.pages) {
    const page = built.get(path);
    if (!page && !files.has(path)) {
      problems.push(`${path} is accepted by the content check, but the build has no such page or file`);
      continue;
    }
    if (!ids || !page) continue;
    const pictureIds = svgIds(await readFile(join(distDir, page.file), 'utf8'));
    for (const id of ids)
      if (!page.ids.has(id)) problems.push(`${path}#${id} is accepted by the content check, but not on the page`);
    for (const id of page.ids)
      if (!ids.has(id) && !pictureIds.has(id))
        problems.push(`${path}#${id} is on the page, but the content check rejects it`);
  }
  const redirects = new Map(
    [...built.values()]
      .filter((p) => p.isRedirect)
      .map((p) => [p.path, p.references.find((r) => r.attribute === 'content')?.url]),
  );
  for (const [from, to] of site.redirects)
    if (redirects.get(from) !== to)
      problems.push(`${from} should redirect to ${to}; the build has ${redirects.get(from) ?? 'no redirect'}`);
  for (const from of redirects.keys())
    if (!site.redirects.has(from)) problems.push(`${from} is a redirect page the content check does not know`);
  for (const draft of site.drafts) if (built.has(draft)) problems.push(`${draft} is a draft, but it is built`);
  return problems.sort();
}
