import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/checks/content/index.ts';
import { loadSpellingDictionary } from '../../src/checks/content/spelling.ts';

// Every message is asserted in full, as `npm run validate` prints it: file:line[:column],
// the field, link or fence, what is wrong and how to fix it.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BROKEN = 'tests/fixtures/broken';
const today = new Date('2026-11-26T00:00:00Z');

/** The one vocabulary of every fixture: the fixture site's (the broken cases have none of their own). */
const VOCABULARY = 'tests/fixtures/site';
const check = (contentDir: string) =>
  checkContent({
    contentDir: join(ROOT, contentDir),
    vocabularyDir: join(ROOT, VOCABULARY),
    staleAfterMonths: 12,
    today,
    cwd: ROOT,
  });
const lines = async (contentDir: string) => (await check(contentDir)).problems.map(formatProblem);
/** The article file of a broken case; by default named after its folder. */
const at = (folder: string, article = `${folder}.mdx`) => `${BROKEN}/${folder}/articles/${article}`;

const VALID_TAGS =
  'aws, terraform, kubernetes, iam, security, policy-as-code, multi-account, ci-cd, rust, python, ai-agents, ansible, ' +
  'configuration-management, batch-processing, eks, scaling, troubleshooting, platform-engineering, observability, containers';
const FENCE_LANGUAGES =
  'bash, sh, shell, zsh, console, shellsession, powershell, hcl, terraform, tf, yaml, yml, json, jsonc, toml, ini, ' +
  'python, py, rust, rs, go, typescript, ts, javascript, js, dockerfile, docker, rego, sql, diff, make, makefile, ' +
  'nginx, xml, html, css, markdown, md, mdx, text, txt, plaintext, mermaid, math';
const MISSING = at('missing-required-fields', 'missing-required-fields.md');
const FIELDS =
  'title, description, pubDate, updatedDate, lastReviewed, topic, tags, level, appliesTo, faq, sources, redirectFrom, draft';
const TOPICS = 'infrastructure-as-code, aws, kubernetes, platform-and-practice, ai-engineering';
const PLACEHOLDER = 'is still the placeholder TODO from `npm run new`; choose from';
const SNIPPET_FIX = 'Fix the snippet, or if it is deliberately partial add nocheck="why" to the fence\'s first line.';
const ANCHOR_HINT = '(ids are the heading text, lowercased, spaces as hyphens)';
const DESCRIPTION_HINT = '(one or two sentences shown in lists, search results and the meta description)';
const SOURCES_HINT =
  'a published article needs at least one source: add sources: with a - title: "…" and url: "https://…" entry for ' +
  'each document, release note or source file its dates, versions, limits and model names rest on (see ' +
  'CONTRIBUTING.md, "Sources"), or keep draft: true';

/** Folder → the exact lines the check reports, in the order it finds them. */
const cases: Record<string, string[]> = {
  // Frontmatter
  'missing-title': [
    `${at('missing-title')}:1 title: is required: add title: "…" (the page heading and the link text in lists)`,
  ],
  'empty-title': [
    `${at('empty-title')}:2 title: is required: add title: "…" (the page heading and the link text in lists)`,
  ],
  'date-not-a-date': [
    `${at('date-not-a-date')}:4 pubDate: expected a date written YYYY-MM-DD, found '26/11/2026'; write e.g. pubDate: 2026-11-26`,
  ],
  'missing-required-fields': [
    `${MISSING}:1 description: is required: add description: "…" ${DESCRIPTION_HINT}`,
    `${MISSING}:1 pubDate: is required: add pubDate: 2026-11-26 (a date written YYYY-MM-DD)`,
    `${MISSING}:1 lastReviewed: is required: add lastReviewed: 2026-11-26 (a date written YYYY-MM-DD)`,
    `${MISSING}:1 topic: is required: add topic: infrastructure-as-code (one id from content/topics.yaml: ${TOPICS})`,
    `${MISSING}:1 tags: is required: add tags: [aws, terraform] (1–6 ids from content/tags.yaml)`,
    `${MISSING}:1 level: is required: add level: beginner (one of beginner, intermediate, advanced)`,
  ],
  'date-not-on-calendar': [
    `${at('date-not-on-calendar', 'date-not-on-calendar.md')}:4 pubDate: 2026-02-30 is not a day on the calendar: February ` +
      `2026 has 28 days; write the real date, e.g. pubDate: 2026-11-26`,
    `${at('date-not-on-calendar', 'date-not-on-calendar.md')}:5 lastReviewed: 2026-13-01 is not a day on the calendar: ` +
      `there is no month 13 (months run 01–12); write the real date, e.g. lastReviewed: 2026-11-26`,
  ],
  'published-with-placeholders': [
    `${at('published-with-placeholders', 'published-with-placeholders.md')}:6 topic: ${PLACEHOLDER} ${TOPICS} (or keep draft: true)`,
    `${at('published-with-placeholders', 'published-with-placeholders.md')}:7 tags[1]: ${PLACEHOLDER} ${VALID_TAGS} (or keep draft: true)`,
    `${at('published-with-placeholders', 'published-with-placeholders.md')}:8 level: ${PLACEHOLDER} beginner, ` +
      `intermediate, advanced (or keep draft: true)`,
  ],
  'updated-before-published': [
    `${at('updated-before-published')}:5 updatedDate: 2025-12-31 is before pubDate 2026-01-10; an update cannot predate publication`,
  ],
  'unknown-tag': [
    `${at('unknown-tag')}:7 tags[1]: unknown tag 'kubernets'; did you mean 'kubernetes'? Valid tags: ${VALID_TAGS}. ` +
      `New tags go in content/tags.yaml.`,
  ],
  'description-too-short': [
    `${at('description-too-short')}:3 description: is 23 characters; keep it between 50 and 170 ${DESCRIPTION_HINT}`,
  ],
  'description-too-long': [
    `${at('description-too-long')}:3 description: is 172 characters; keep it between 50 and 170 ${DESCRIPTION_HINT}`,
  ],
  'unknown-field': [
    `${at('unknown-field')}:1 title: is required: add title: "…" (the page heading and the link text in lists)`,
    `${at('unknown-field')}:2 frontmatter: unknown field 'tilte'; did you mean 'title'? Fields: ${FIELDS}`,
  ],
  'malformed-frontmatter': [
    `${at('malformed-frontmatter')}:3:14 frontmatter: is not valid YAML: Nested mappings are not allowed in compact ` +
      `mappings. Check quotes and indentation; text containing ": " needs quotes.`,
  ],
  'missing-frontmatter': [
    `${at('missing-frontmatter')}:1 frontmatter: missing: the file must start with a line \`---\`, the YAML fields, ` +
      `and another \`---\` line`,
  ],
  'empty-file': [
    `${at('empty-file')}:1 the file is empty; an article starts with frontmatter between --- lines (run \`npm run new ` +
      `-- "Title"\` to scaffold one)`,
  ],
  // A published article shows its evidence: a missing list is reported where missing fields go,
  // an empty one on its own line.
  'published-without-sources': [`${at('published-without-sources')}:1 sources: ${SOURCES_HINT}`],
  'empty-sources': [`${at('empty-sources')}:9 sources: ${SOURCES_HINT}`],
  'duplicate-slug': [
    `${at('duplicate-slug', 'a.mdx')}:1 slug: 'a' is already used by ${at('duplicate-slug', 'a.md')}; both would ` +
      `publish at /articles/a/. Rename one file.`,
  ],
  // Body
  'invalid-mdx': [
    `${at('invalid-mdx')}:17:25 MDX syntax: Could not parse expression with oxc: Expected \`,\` or \`)\` but found ` +
      `\`:\`. In MDX, \`{\`, \`}\` and \`<\` start code: put literal ones in backticks, or write &lt; and \\{ \\}.`,
  ],
  'unknown-component': [
    `${at('unknown-component')}:17 MDX: unknown component <Foo>; articles use Markdown, callouts (> [!NOTE]) and ` +
      `\`\`\`mermaid fences instead of components`,
  ],
  'import-line': [`${at('import-line')}:11 MDX: import/export lines are not used in articles; remove them`],
  'image-without-alt': [
    `${at('image-without-alt')}:17 image: image /favicon.svg has no alt text; write ![what the image shows](/favicon.svg)`,
  ],
  'skipped-heading-level': [
    `${at('skipped-heading-level')}:17 heading: jumps from h2 to h4; use ### so no level is skipped`,
  ],
  'empty-table-header': [
    `${at('empty-table-header', 'empty-table-header.md')}:18 table: column 1 has an empty header; name what the column ` +
      `holds (screen readers read it out with every cell)`,
  ],
  // Fences and snippets
  'unknown-fence-language': [
    `${at('unknown-fence-language')}:17 fence: unknown code fence language 'hlc'; did you mean 'hcl'? Known: ${FENCE_LANGUAGES}`,
  ],
  'fence-without-language': [
    `${at('fence-without-language')}:17 fence: code fence has no language; name one after the backticks, e.g. ` +
      `\`\`\`bash (use \`\`\`text for plain output)`,
  ],
  'invalid-hcl': [
    `${at('invalid-hcl')}:18 \`\`\`hcl fence: HCL: Unclosed configuration block; There is no closing brace for this ` +
      `block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file. ${SNIPPET_FIX}`,
  ],
  'code-tab-problems': [
    `${at('code-tab-problems', 'code-tab-problems.md')}:17 fence: tab="bash" stands alone; a tab group is two or more ` +
      `consecutive fences with tab="…" (or remove tab=)`,
    `${at('code-tab-problems', 'code-tab-problems.md')}:27 fence: tab="uv" is already a tab of this group; give each tab its own label`,
  ],
  'invalid-mermaid': [
    `${at('invalid-mermaid', 'invalid-mermaid.md')}:18 mermaid: diagram type 'pie' cannot be drawn at build time; use ` +
      `one of flowchart (graph), stateDiagram-v2, sequenceDiagram, classDiagram, erDiagram`,
    `${at('invalid-mermaid', 'invalid-mermaid.md')}:22 mermaid: diagram has no name for screen readers; add ` +
      `caption="what it shows" after \`\`\`mermaid, or an accTitle: line`,
    `${at('invalid-mermaid', 'invalid-mermaid.md')}:29 mermaid: line 'A[Plan --> B[Apply]' leaves '[' unclosed`,
    `${at('invalid-mermaid', 'invalid-mermaid.md')}:30 mermaid: line 'B -->' ends in an arrow; name the node it points to`,
    `${at('invalid-mermaid', 'invalid-mermaid.md')}:34 mermaid: diagram does not parse: Invalid mermaid header: ` +
      `"flowchart sideways". Expected "graph TD", "flowchart LR", "stateDiagram-v2", etc.`,
  ],
  'invalid-yaml-snippet': [
    `${at('invalid-yaml-snippet')}:21 \`\`\`yaml fence: YAML: Nested mappings are not allowed in compact mappings. ${SNIPPET_FIX}`,
  ],
  // The second of three documents; the third, a custom resource with no known schema, is skipped.
  'kubernetes-unknown-field': [
    `${at('kubernetes-unknown-field', 'kubernetes-unknown-field.md')}:35 \`\`\`yaml fence: Kubernetes Deployment: ` +
      `spec has no field 'replica'; the closest is 'replicas'. ${SNIPPET_FIX}`,
  ],
  'kubernetes-wrong-type': [
    `${at('kubernetes-wrong-type', 'kubernetes-wrong-type.md')}:28 \`\`\`yaml fence: Kubernetes Pod: ` +
      `spec.containers[0].ports[0].containerPort must be an integer. ${SNIPPET_FIX}`,
  ],
  'invalid-dockerfile': [
    `${at('invalid-dockerfile', 'invalid-dockerfile.md')}:21 \`\`\`dockerfile fence: Dockerfile: COPY requires at ` +
      `least two arguments. ${SNIPPET_FIX}`,
  ],
  // Prose in the FAQ and the body; the same typo in code, an identifier and a URL is not reported.
  'misspelt-word': [
    `${at('misspelt-word', 'misspelt-word.md')}:12:28 spelling: 'contianer' is not in the dictionary; did you mean ` +
      `'container', 'contained', 'containerd'? Fix the typo, or if it is a real term add it to ${VOCABULARY}/words.txt.`,
    `${at('misspelt-word', 'misspelt-word.md')}:19:38 spelling: 'recieves' is not in the dictionary (1 more in this ` +
      `file); did you mean 'receives', 'relieves', 'receive'? Fix the typo, or if it is a real term add it to ${VOCABULARY}/words.txt.`,
  ],
  // Links
  'broken-link': [
    `${at('broken-link')}:17:5 link /articles/kubectl-cpp/: no page at /articles/kubectl-cpp/; did you mean /articles/kubectl-cp/?`,
  ],
  'broken-anchor': [
    `${at('broken-anchor')}:17:14 link /articles/kubectl-cp/#instalation: no heading with id 'instalation' on ` +
      `/articles/kubectl-cp/; did you mean #installation? ${ANCHOR_HINT}`,
  ],
  'broken-same-page-anchor': [
    `${at('broken-same-page-anchor')}:17:4 link #what-it-cover: no heading with id 'what-it-cover' on ` +
      `/articles/broken-same-page-anchor/; did you mean #what-it-covers? ${ANCHOR_HINT}`,
  ],
  'link-without-trailing-slash': [
    `${at('link-without-trailing-slash')}:17:5 link /articles/kubectl-cp: internal links end with a slash; write /articles/kubectl-cp/`,
  ],
  'link-to-missing-tag-page': [
    `${at('link-to-missing-tag-page', 'link-to-missing-tag-page.md')}:18:9 link /tags/rust/: no published article has the ` +
      `tag 'rust' yet, so /tags/rust/ does not exist; link to /tags/ or to a tag in use`,
    `${at('link-to-missing-tag-page', 'link-to-missing-tag-page.md')}:18:33 link /tags/kubernets/: no page at ` +
      `/tags/kubernets/; did you mean /tags/kubernetes/?`,
  ],
  'link-to-missing-topic-page': [
    `${at('link-to-missing-topic-page', 'link-to-missing-topic-page.md')}:18:12 link /topics/kubernets/: no page at ` +
      `/topics/kubernets/; did you mean /topics/kubernetes/?`,
  ],
  'anchor-differs-in-case': [
    `${at('anchor-differs-in-case', 'anchor-differs-in-case.md')}:18:14 link /articles/kubectl-cp/#Installation: no ` +
      `heading with id 'Installation' on /articles/kubectl-cp/: ids are lowercase and browsers match them exactly; write ` +
      `#installation`,
  ],
  // Reference-style links are checked on their definition line, where the URL is written.
  'broken-reference-link': [
    `${at('broken-reference-link', 'broken-reference-link.md')}:20:1 link /articles/kubectl-cp/#instalation: no heading ` +
      `with id 'instalation' on /articles/kubectl-cp/; did you mean #installation? ${ANCHOR_HINT}`,
  ],
  'undefined-reference': [
    `${at('undefined-reference', 'undefined-reference.md')}:18:14 link [the installation steps][install]: ` +
      'no definition of [install], so it would be published as plain text, brackets and all; ' +
      'add a line `[install]: /articles/…/`, or write [the installation steps](/articles/…/)',
  ],
  'link-to-draft': [
    `${at('link-to-draft')}:17:5 link /articles/kubectl-cp/: points at a draft, which is not published; link to it ` +
      `once it is, or remove the link`,
  ],
  // Problems in several files (and several in one file) are all reported, none hides another,
  // in reading order: file by file, line by line.
  'several-files': [
    `${at('several-files', 'bad-body.mdx')}:17 heading: jumps from h2 to h4; use ### so no level is skipped`,
    `${at('several-files', 'bad-body.mdx')}:19 image: image /favicon.svg has no alt text; write ![what the image shows](/favicon.svg)`,
    `${at('several-files', 'bad-body.mdx')}:21:5 link /articles/goood/: no page at /articles/goood/; did you mean /articles/good/?`,
    `${at('several-files', 'bad-everything.mdx')}:8 level: expected one of beginner, intermediate, advanced`,
    `${at('several-files', 'bad-everything.mdx')}:11 heading: the layout already renders the title as the page ` +
      `heading; start sections at ##`,
    `${at('several-files', 'bad-everything.mdx')}:20 \`\`\`json fence: JSON: Expected double-quoted property name in JSON. ${SNIPPET_FIX}`,
    `${at('several-files', 'bad-frontmatter.mdx')}:3 description: is 23 characters; keep it between 50 and 170 ${DESCRIPTION_HINT}`,
    `${at('several-files', 'bad-frontmatter.mdx')}:7 tags[1]: unknown tag 'kubernets'; did you mean 'kubernetes'? ` +
      `Valid tags: ${VALID_TAGS}. New tags go in content/tags.yaml.`,
  ],
};

const folders = readdirSync(join(ROOT, BROKEN), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

// cspell's dictionaries take a second or more to load, once per process.
beforeAll(() => loadSpellingDictionary(), 60_000);

describe('content check on broken fixtures', () => {
  it('has an expected report for every fixture folder, and at least 15 of them', () => {
    expect(Object.keys(cases).sort()).toEqual(folders);
    expect(folders.length).toBeGreaterThanOrEqual(15);
  });

  it('shares one vocabulary: no fixture folder keeps its own copy of tags.yaml or topics.yaml', () => {
    const copies = folders.flatMap((folder) =>
      ['tags.yaml', 'topics.yaml']
        .filter((f) => existsSync(join(ROOT, BROKEN, folder, f)))
        .map((f) => `${folder}/${f}`),
    );
    expect(copies).toEqual([]);
  });

  it.each(Object.entries(cases))('%s', async (folder, expected) => {
    const result = await check(`${BROKEN}/${folder}`);
    expect(result.problems.map(formatProblem)).toEqual(expected);
    // Every one of these must stop the build, not merely warn.
    expect(result.errorCount).toBe(expected.length);
  });

  it('still reads the files around a broken one: every article whose frontmatter is valid', async () => {
    const result = await check(`${BROKEN}/several-files`);
    expect(result.articles.map((a) => a.id)).toEqual(['bad-body', 'good']);
  });
});

describe('content check on good content', () => {
  it('reports nothing for the fixture site but a freshness warning for its stale article', async () => {
    expect(await lines('tests/fixtures/site')).toEqual([
      'tests/fixtures/site/articles/stale-review.mdx:5 warning: lastReviewed: 2024-01-15 is more than 12 months ago; ' +
        'check the article against current versions and update lastReviewed (the page shows a "may be out of date" note until then)',
    ]);
    expect((await check('tests/fixtures/site')).errorCount).toBe(0);
  });

  it('uses the configured freshness age', async () => {
    const result = await checkContent({
      contentDir: join(ROOT, 'tests/fixtures/site'),
      staleAfterMonths: 48,
      today,
      cwd: ROOT,
    });
    expect(result.problems).toEqual([]);
  });
});

describe('files as editors and other systems save them', () => {
  const EDITOR_FILES = {
    'editor-bom.md': (text: string) => text.startsWith('\uFEFF'),
    'editor-crlf.md': (text: string) =>
      text.split('\n').length > 10 &&
      text
        .split('\n')
        .slice(0, -1)
        .every((l) => l.endsWith('\r')),
    'editor-fence-space.md': (text: string) => text.startsWith('--- \n') && text.includes('\n--- \n'),
  };
  const clean = (text: string) =>
    text
      .replace(/^\uFEFF/, '')
      .replace(/\r\n/g, '\n')
      .replace(/^--- $/gm, '---');

  it('check exactly as the same files saved cleanly: same frontmatter, headings, links, no problems', async () => {
    const site = join(ROOT, 'tests/fixtures/site/articles');
    const cleanDir = mkdtempSync(join(tmpdir(), 'kb-clean-'));
    try {
      copyFileSync(join(ROOT, 'tests/fixtures/site/tags.yaml'), join(cleanDir, 'tags.yaml'));
      copyFileSync(join(ROOT, 'tests/fixtures/site/topics.yaml'), join(cleanDir, 'topics.yaml'));
      mkdirSync(join(cleanDir, 'articles'));
      for (const [name, isSavedThatWay] of Object.entries(EDITOR_FILES)) {
        const text = readFileSync(join(site, name), 'utf8');
        // Guards against Git or an editor normalising the fixture (see .gitattributes).
        expect(isSavedThatWay(text), name).toBe(true);
        writeFileSync(join(cleanDir, 'articles', name), clean(text));
      }
      const facts = (result: Awaited<ReturnType<typeof checkContent>>) =>
        result.articles
          .filter((a) => a.id.startsWith('editor-'))
          .map(({ id, data, body, lastReviewedLine }) => ({ id, data, body, lastReviewedLine }));
      const saved = await check('tests/fixtures/site');
      const cleaned = await checkContent({ contentDir: cleanDir, staleAfterMonths: 12, today, cwd: cleanDir });
      expect(facts(saved)).toHaveLength(3);
      expect(facts(saved)).toEqual(facts(cleaned));
      expect(saved.problems.filter((p) => p.file.includes('editor-'))).toEqual([]);
      // Repeated headings get ids of their own, as GitHub gives them.
      expect(facts(saved)[0]!.body.headingIds).toEqual(['example', 'example-1', 'example-2']);
    } finally {
      rmSync(cleanDir, { recursive: true, force: true });
    }
  });
});

describe('checking never changes the content', () => {
  /** Every file under the fixtures with its bytes' hash and modification time. */
  function snapshot(dir: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
      out.set(relative(dir, path), `${hash} ${statSync(path).mtimeMs}`);
    }
    return out;
  }

  it('leaves every file byte for byte as it was, and creates or deletes none', async () => {
    const fixtures = join(ROOT, 'tests/fixtures');
    const before = snapshot(fixtures);
    expect(before.size).toBeGreaterThan(folders.length); // an article or more in every folder, and the site
    for (const folder of folders) await check(`${BROKEN}/${folder}`);
    await check('tests/fixtures/site');
    expect(snapshot(fixtures)).toEqual(before);
  });
});
