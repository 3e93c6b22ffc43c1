import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent, formatProblem } from '../../src/checks/content/index.ts';
import {
  PLACEHOLDER_DESCRIPTION,
  parseNewArticleArgs,
  parseTagList,
  renderArticle,
  slugFromTitle,
  tagsProblem,
  titleProblem,
  vocabularyProblem,
} from '../../src/lib/scaffold.ts';

const FIXTURE = 'tests/fixtures/site';
const VALID_TAGS =
  'aws, terraform, kubernetes, iam, security, policy-as-code, multi-account, ci-cd, rust, python, ai-agents, ansible, ' +
  'configuration-management, batch-processing, eks, scaling, troubleshooting, platform-engineering, observability, ' +
  'containers';
const today = new Date('2026-11-26T00:00:00Z');

/** A content folder with the fixture site's vocabularies and no articles. */
function emptyContentDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-scaffold-'));
  copyFileSync(join(FIXTURE, 'tags.yaml'), join(dir, 'tags.yaml'));
  copyFileSync(join(FIXTURE, 'topics.yaml'), join(dir, 'topics.yaml'));
  mkdirSync(join(dir, 'articles'));
  return dir;
}

describe('slugFromTitle', () => {
  it('lowercases and joins words with single hyphens', () => {
    expect(slugFromTitle('kubectl cp: how it works, why it fails')).toBe('kubectl-cp-how-it-works-why-it-fails');
    expect(slugFromTitle('Terraform: AWS & IAM policies')).toBe('terraform-aws-iam-policies');
  });
  it('keeps URLs ASCII: accents are dropped, other symbols removed', () => {
    expect(slugFromTitle('Über naïve café deployments')).toBe('uber-naive-cafe-deployments');
    expect(slugFromTitle('C++ / C# in 2026')).toBe('c-c-in-2026');
  });
  it('is empty when nothing usable is left, which titleProblem reports', () => {
    expect(slugFromTitle('--- !!! ---')).toBe('');
    expect(titleProblem('--- !!! --- ???')).toBe('the title needs some letters or digits to make a URL from');
  });
});

describe('answers checked against the vocabulary', () => {
  const known = ['kubernetes', 'terraform', 'aws'];
  it('suggests the nearest entry for a typo', () => {
    expect(vocabularyProblem('tag', 'terrafrom', known)).toBe(
      "unknown tag 'terrafrom'; did you mean 'terraform'? Valid: kubernetes, terraform, aws",
    );
    expect(vocabularyProblem('tag', 'aws', known)).toBeUndefined();
  });
  it('reports every unknown tag and the count limits', () => {
    expect(tagsProblem(['aws', 'kubernets', 'zzzzzz'], known)).toBe(
      "unknown tag 'kubernets'; did you mean 'kubernetes'? Valid: kubernetes, terraform, aws\nunknown tag 'zzzzzz'. " +
        'Valid: kubernetes, terraform, aws',
    );
    expect(tagsProblem([], known)).toBe('give at least one tag');
    expect(tagsProblem(['a', 'b', 'c', 'd', 'e', 'f', 'g'], ['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toMatch(
      /at most 6 tags/,
    );
  });
  it('splits typed tags on commas and spaces and drops repeats', () => {
    expect(parseTagList(' AWS, iam  terraform,,aws ')).toEqual(['aws', 'iam', 'terraform']);
  });
  it('bounds the title length', () => {
    expect(titleProblem('Short')).toBe('the title is 5 characters; keep it between 10 and 90');
    expect(titleProblem('A title of decent length')).toBeUndefined();
  });
});

describe('parseNewArticleArgs', () => {
  it('reads the title and every flag, in either --flag value or --flag=value form', () => {
    expect(
      parseNewArticleArgs([
        'Kyverno vs OPA',
        '--topic',
        'kubernetes',
        '--tags=kubernetes,policy-as-code',
        '--level',
        'advanced',
        '--description',
        'd',
        '--slug',
        'kyverno',
      ]),
    ).toEqual({
      title: 'Kyverno vs OPA',
      topic: 'kubernetes',
      tags: ['kubernetes', 'policy-as-code'],
      level: 'advanced',
      description: 'd',
      slug: 'kyverno',
    });
  });
  it('joins an unquoted title', () => {
    expect(parseNewArticleArgs(['Kyverno', 'vs', 'OPA']).title).toBe('Kyverno vs OPA');
  });
  it('refuses unknown flags with a suggestion, and flags without a value', () => {
    expect(() => parseNewArticleArgs(['--tpoic', 'aws'])).toThrow('unknown option --tpoic; did you mean --topic?');
    expect(() => parseNewArticleArgs(['--level'])).toThrow('--level needs a value');
  });
});

describe('renderArticle', () => {
  const input = {
    title: 'Kyverno vs OPA: "policy" engines # compared',
    topic: 'kubernetes',
    tags: ['kubernetes', 'policy-as-code'],
    level: 'intermediate' as const,
    today,
  };

  it('writes frontmatter that YAML reads back exactly, as a draft dated today', () => {
    const text = renderArticle(input);
    const data = parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!);
    expect(data).toEqual({
      title: input.title,
      description: PLACEHOLDER_DESCRIPTION,
      pubDate: '2026-11-26',
      lastReviewed: '2026-11-26',
      topic: 'kubernetes',
      tags: ['kubernetes', 'policy-as-code'],
      level: 'intermediate',
      sources: [],
      draft: true,
    });
  });

  it('has an introduction, ## sections and a conclusion', () => {
    const body = renderArticle(input).split('\n---\n')[1]!;
    expect(body.trimStart()).toMatch(/^TODO: the introduction/);
    expect(body.match(/^## .+$/gm)).toEqual([
      '## Prerequisites',
      '## TODO: first step',
      '## TODO: second step',
      '## Conclusion',
    ]);
    expect(body).not.toMatch(/^# /m);
  });

  it('uses the description when one is given', () => {
    const description = 'Choose between Kyverno and OPA Gatekeeper by comparing their policy languages and operations.';
    expect(renderArticle({ ...input, description })).toContain(`description: "${description}"`);
  });
});

describe('a scaffolded article and the content check', () => {
  let dir: string;
  beforeEach(() => {
    dir = emptyContentDir();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const base = {
    title: 'Choosing a Kubernetes policy engine',
    topic: 'kubernetes',
    tags: ['kubernetes', 'policy-as-code'],
    level: 'intermediate' as const,
    today,
  };

  it('passes the content check as written', async () => {
    writeFileSync(join(dir, 'articles', 'choosing-a-kubernetes-policy-engine.mdx'), renderArticle(base));
    const result = await checkContent({ contentDir: dir, staleAfterMonths: 12, today, cwd: dir });
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.articles.map((a) => a.id)).toEqual(['choosing-a-kubernetes-policy-engine']);
  });

  it('cannot be published with its placeholders still in: each is reported on its line', async () => {
    const text = renderArticle(base).replace('draft: true', 'draft: false');
    writeFileSync(join(dir, 'articles', 'x.mdx'), text);
    const result = await checkContent({ contentDir: dir, staleAfterMonths: 12, today, cwd: dir });
    const placeholder =
      'placeholder: text from `npm run new` is still here; write the section, or keep draft: true until it is done';
    const sourcesLine = text.split('\n').indexOf('sources: []') + 1;
    expect(result.problems).toHaveLength(9);
    expect(result.problems.map(formatProblem)).toEqual([
      'articles/x.mdx:3 description: is still the placeholder from `npm run new`; write the one or two sentences ' +
        'shown in lists, search results and the meta description (or keep draft: true)',
      // The empty sources placeholder: a published article needs at least one.
      `articles/x.mdx:${sourcesLine} sources: a published article needs at least one source: add sources: with a - ` +
        `title: "…" and url: "https://…" entry for each document, release note or source file its dates, versions, ` +
        `limits and model names rest on (see CONTRIBUTING.md, "Sources"), or keep draft: true`,
      // Every body line the scaffold starts with the marker, found independently of the parser.
      ...text.split('\n').flatMap((l, i) => (/^(## )?TODO:/.test(l) ? [`articles/x.mdx:${i + 1} ${placeholder}`] : [])),
    ]);
  });
});

describe('npm run new (the script)', () => {
  let dir: string;
  beforeEach(() => {
    dir = emptyContentDir();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[], input = '') =>
    spawnSync(process.execPath, ['scripts/new-article.ts', ...args], {
      input,
      encoding: 'utf8',
      env: { ...process.env, KB_CONTENT_DIR: dir },
    });
  const flags = ['--topic', 'aws', '--tags', 'aws,iam', '--level', 'beginner'];

  it('creates the draft from flags alone, without asking', () => {
    const result = run(['Least-privilege IAM roles for CI', ...flags]);
    expect(result.status).toBe(0);
    expect(readdirSync(join(dir, 'articles'))).toEqual(['least-privilege-iam-roles-for-ci.md']);
    const text = readFileSync(join(dir, 'articles', 'least-privilege-iam-roles-for-ci.md'), 'utf8');
    expect(text).toMatch(/^---\ntitle: "Least-privilege IAM roles for CI"\n/);
    expect(text).toContain('tags: [aws, iam]\nlevel: beginner\n');
    expect(text).toMatch(/\ndraft: true /);
  });

  it('refuses to overwrite an existing file, naming it, and leaves it untouched', () => {
    const file = join(dir, 'articles', 'least-privilege-iam-roles-for-ci.md');
    writeFileSync(file, 'a writer’s work');
    const result = run(['Least-privilege IAM roles for CI', ...flags]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('least-privilege-iam-roles-for-ci.md already exists; nothing was written.');
    expect(readFileSync(file, 'utf8')).toBe('a writer’s work');
    expect(readdirSync(join(dir, 'articles'))).toEqual(['least-privilege-iam-roles-for-ci.md']);
  });

  it('rejects an unknown tag given as a flag with a did-you-mean, writing nothing', () => {
    const result = run([
      'Least-privilege IAM roles for CI',
      '--topic',
      'aws',
      '--tags',
      'aws,iamm',
      '--level',
      'beginner',
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("unknown tag 'iamm'; did you mean 'iam'?");
    expect(readdirSync(join(dir, 'articles'))).toEqual([]);
  });

  it('asks for what is missing and asks again after a wrong answer', () => {
    const description =
      'Give each CI pipeline an IAM role with only the permissions its deployments need, and prove it.';
    const result = run(
      [],
      ['Least-privilege IAM roles for CI', description, 'awss', 'aws', 'aws iam', 'expert', 'advanced', ''].join('\n'),
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("unknown topic 'awss'; did you mean 'aws'?");
    expect(result.stdout).toContain("unknown level 'expert'.");
    const text = readFileSync(join(dir, 'articles', 'least-privilege-iam-roles-for-ci.md'), 'utf8');
    expect(text).toContain(`description: "${description}"\n`);
    expect(text).toContain('topic: aws\ntags: [aws, iam]\nlevel: advanced\n');
  });

  it('without a terminal (stdin is /dev/null) writes the draft with placeholders, as Enter at each prompt does', async () => {
    const title = 'Least-privilege IAM roles for CI';
    const file = join(dir, 'articles', 'least-privilege-iam-roles-for-ci.md');
    const noTerminal = spawnSync(process.execPath, ['scripts/new-article.ts', title], {
      stdio: ['ignore', 'pipe', 'pipe'], // 'ignore' opens /dev/null, as `< /dev/null` does
      encoding: 'utf8',
      env: { ...process.env, KB_CONTENT_DIR: dir },
    });
    expect(noTerminal.stderr).toBe('');
    expect(noTerminal.status).toBe(0);
    expect(noTerminal.stdout).toContain('Left as TODO placeholders to fill in: description, topic, tags, level.');
    const written = readFileSync(file, 'utf8');
    expect(parse(/^---\n([\s\S]*?)\n---\n/.exec(written)![1]!)).toMatchObject({
      title,
      description: PLACEHOLDER_DESCRIPTION,
      topic: 'TODO',
      tags: ['TODO'],
      level: 'TODO',
      draft: true,
    });
    // Each placeholder lists what to choose from, on its own line.
    expect(written).toContain('\nlevel: TODO  # TODO: choose one of: beginner, intermediate, advanced\n');

    rmSync(file);
    const enterEverywhere = run([title], '\n\n\n\n');
    expect(enterEverywhere.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(written);

    // A draft with placeholders passes the check; published, each placeholder is an error on its line.
    const check = () => checkContent({ contentDir: dir, staleAfterMonths: 12, today, cwd: dir, snippets: false });
    expect((await check()).problems).toEqual([]);
    writeFileSync(file, written.replace('\ndraft: true', '\ndraft: false'));
    const lineOf = (start: string) => written.split('\n').findIndex((l) => l.startsWith(start)) + 1;
    const still = 'is still the placeholder TODO from `npm run new`; choose from';
    expect((await check()).problems.map(formatProblem)).toEqual([
      `articles/least-privilege-iam-roles-for-ci.md:${lineOf('topic:')} topic: ${still} infrastructure-as-code, aws, ` +
        `kubernetes, platform-and-practice, ai-engineering (or keep draft: true)`,
      `articles/least-privilege-iam-roles-for-ci.md:${lineOf('tags:')} tags[0]: ${still} ${VALID_TAGS} (or keep draft: true)`,
      `articles/least-privilege-iam-roles-for-ci.md:${lineOf('level:')} level: ${still} beginner, intermediate, advanced ` +
        `(or keep draft: true)`,
    ]);
  });

  it('takes piped answers, then placeholders for the questions the input ran out before', () => {
    const result = run([], 'Least-privilege IAM roles for CI\n\naws\n');
    expect(result.status).toBe(0);
    const text = readFileSync(join(dir, 'articles', 'least-privilege-iam-roles-for-ci.md'), 'utf8');
    expect(text).toContain('\ntopic: aws\ntags: [TODO]  # TODO: choose 1–6 of: aws, terraform,');
    expect(text).toContain('\nlevel: TODO  #');
  });

  it('writes nothing when the input ends before a title, and says how to give one', () => {
    const result = run([], '');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'npm run new: the title names the file, so it cannot be left for later; nothing was written. Give it as the first ' +
        'argument: npm run new -- "Your title"\n',
    );
    expect(readdirSync(join(dir, 'articles'))).toEqual([]);
  });
});
