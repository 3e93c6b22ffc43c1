import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/checks/content/index.ts';
import { splitFrontmatter } from '../../src/checks/content/frontmatter.ts';
import { isKnownFenceLanguage } from '../../src/markdown/languages.ts';

// The articles themselves: complete, valid, and written in our own words.
const ARTICLES = 'content/articles';
const SOURCES = '../shared/source-posts';
/** Which source post each article was made from (../shared/guides/writing-articles.md). */
const SOURCE_OF: Record<string, string> = {
  'aws-sdk-for-rust-setup': '01-aws-sdk-rust.txt',
  'aws-account-factory-for-terraform': '02-control-tower-aft.txt',
  'terraform-worker-fleets': '03-terraform-workers.txt',
  'kyverno-vs-opa-gatekeeper': '04-kyverno-vs-gatekeeper.txt',
  'terraform-aws-iam-policies': '05-terraform-aws-iam.txt',
  'kubectl-cp': '06-kubectl-cp.txt',
  'devops-as-a-service': '07-devops-as-a-service.txt',
  'aws-batch-on-eks-with-terraform': '08-aws-batch-on-eks.txt',
  'python-ai-agent-langgraph-fastapi': '09-python-ai-agent.txt',
  'ansible-vs-kubernetes': '10-ansible-vs-kubernetes.txt',
};
const RUN = 12;

const slugs = readdirSync(ARTICLES)
  .filter((f) => /\.mdx?$/.test(f))
  .map((f) => f.replace(/\.mdx?$/, ''));
const read = (slug: string) => readFileSync(join(ARTICLES, `${slug}.md`), 'utf8');

/** Prose only: no frontmatter, fences, inline code, URLs or markup; lowercase words. */
export function proseWords(text: string): string[] {
  const body = splitFrontmatter(text)?.body ?? text;
  return (
    body
      .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1\s*$/gm, ' ')
      .replace(/`[^`\n]*`/g, ' ')
      .replace(/\]\([^)]*\)/g, ']')
      .replace(/https?:\/\/\S+/g, ' ')
      .toLowerCase()
      .match(/[a-z0-9']+/g) ?? []
  );
}

/** The first run of `n` words that `text` shares with `source`, or undefined. */
export function sharedRun(text: string[], source: string[], n = RUN): string | undefined {
  const grams = new Set<string>();
  for (let i = 0; i + n <= source.length; i++) grams.add(source.slice(i, i + n).join(' '));
  for (let i = 0; i + n <= text.length; i++) {
    const gram = text.slice(i, i + n).join(' ');
    if (grams.has(gram)) return gram;
  }
  return undefined;
}

describe('the overlap detector', () => {
  it('finds a shared run of 12 words, ignoring case and whitespace, but not code', () => {
    const source = proseWords('One two three four five six seven eight nine ten eleven twelve thirteen.');
    expect(
      sharedRun(
        proseWords('---\ntitle: x\n---\nZero ONE two three four five six\nseven eight nine ten eleven twelve.'),
        source,
      ),
    ).toBe('one two three four five six seven eight nine ten eleven twelve');
    expect(sharedRun(proseWords('one two three four five six seven eight nine ten eleven'), source)).toBeUndefined();
    expect(
      sharedRun(proseWords('```text\none two three four five six seven eight nine ten eleven twelve\n```'), source),
    ).toBeUndefined();
  });
});

describe('articles', () => {
  it('are exactly the ten made from the source posts', () => {
    expect(slugs.sort()).toEqual(Object.keys(SOURCE_OF).sort());
  });

  it.skipIf(!existsSync(SOURCES))('share no run of 12 words of prose with their source post', () => {
    const copied = slugs.flatMap((slug) => {
      const run = sharedRun(proseWords(read(slug)), proseWords(readFileSync(join(SOURCES, SOURCE_OF[slug]!), 'utf8')));
      return run ? [`${slug}: "${run}"`] : [];
    });
    expect(copied).toEqual([]);
  });

  // The first run in a process also loads cspell's dictionaries and the Kubernetes models.
  it('pass every content check (frontmatter, links, anchors, fences, snippets, manifests, spelling)', async () => {
    const result = await checkContent({ contentDir: 'content', staleAfterMonths: 12 });
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.articles).toHaveLength(10);
  }, 60_000);

  it.each(slugs)('%s has a description, tags, lastReviewed, a FAQ, headings and only known fence languages', (slug) => {
    const text = read(slug);
    const front = splitFrontmatter(text)!;
    expect(front.yaml).toMatch(/^description: .{50,}/m);
    expect(front.yaml).toMatch(/^tags: \[[a-z-]+/m);
    expect(front.yaml).toMatch(/^lastReviewed: \d{4}-\d{2}-\d{2}$/m);
    expect(front.yaml).toMatch(/^faq:\n\s+- question: /m);
    expect(front.body).toMatch(/^## \S/m);
    const fences = [...front.body.matchAll(/^```(\S*)/gm)].map((m) => m[1]!).filter((_, i) => i % 2 === 0);
    expect(fences.filter((lang) => !isKnownFenceLanguage(lang))).toEqual([]);
    expect(text).not.toMatch(/DevopsRoles|Would you like me to|Thank you for reading/i);
  });
});
