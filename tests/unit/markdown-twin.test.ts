import { describe, expect, it } from 'vitest';
import { markdownToHtml } from 'satteri';
import { articleTwin, llmsFullTxt, llmsTxt, markdownText, type TwinArticle } from '../../src/lib/markdown-twin.ts';
import { markdownTwinPath } from '../../src/lib/routes.ts';
import { parseLlmsTxt } from '../llms-txt-format.ts';

const HOSTILE = "<script>alert('owned')</script> stays text";
const context = {
  siteUrl: 'https://kb.example.com',
  siteName: 'KB',
  topicLabel: (id: string) => ({ aws: 'AWS', k8s: 'Kubernetes' })[id] ?? id,
  tagLabel: (id: string) => id.toUpperCase(),
};
const article = (id: string, title: string, topic = 'aws', extra: Partial<TwinArticle['data']> = {}): TwinArticle => ({
  id,
  body: '## First\n\nText with `code`.\n\n```diagram\nkind: flow\nsteps: [a, b]\n```\n\n> [!TIP]\n> A tip.\n\n### Deeper\n',
  data: {
    title,
    description: `About ${title}.`,
    pubDate: new Date('2026-01-10T00:00:00Z'),
    updatedDate: undefined,
    lastReviewed: new Date('2026-11-01T00:00:00Z'),
    topic,
    tags: ['aws', 'iam'],
    level: 'beginner',
    appliesTo: [{ tool: 'Terraform', version: '>= 1.10' }],
    faq: [],
    sources: [],
    ...extra,
  },
});
const html = async (md: string) => (await markdownToHtml(md, {})).html;

describe('markdownText', () => {
  it('keeps HTML, links and emphasis as literal text when rendered', async () => {
    const out = await html(markdownText(`${HOSTILE} [x](y) *a* _b_ \`c\` &amp;`));
    expect(out).not.toContain('<script');
    expect(out).not.toMatch(/<(a|em|code)\b/);
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('&amp;amp;');
  });
  it('leaves snake_case and plain ampersands readable', () => {
    expect(markdownText('inline_policy & friends')).toBe('inline_policy & friends');
  });
});

describe('articleTwin', () => {
  const twin = articleTwin(
    article('a', HOSTILE, 'aws', {
      updatedDate: new Date('2026-02-01T00:00:00Z'),
      faq: [{ question: 'Why <b>?', answer: 'Because.' }],
      sources: [{ title: 'Docs (v2)', url: 'https://example.com/a_(b)', backs: 'the claim' }],
    }),
    context,
  );
  it('heads the body with the facts the page shows', () => {
    expect(twin.split('\n').slice(0, 14).join('\n')).toBe(
      [
        "# \\<script\\>alert('owned')\\</script\\> stays text",
        '',
        "> About \\<script\\>alert('owned')\\</script\\> stays text.",
        '',
        '- URL: https://kb.example.com/articles/a/',
        '- Markdown: https://kb.example.com/articles/a.md',
        '- Topic: AWS',
        '- Level: beginner',
        '- Published: 2026-01-10',
        '- Updated: 2026-02-01',
        '- Last reviewed: 2026-11-01',
        '- Applies to: Terraform \\>= 1.10',
        '- Tags: AWS, IAM',
        '',
      ].join('\n'),
    );
  });
  it('keeps the body as written: diagrams and callouts in source form', () => {
    expect(twin).toContain('```diagram\nkind: flow\nsteps: [a, b]\n```');
    expect(twin).toContain('> [!TIP]\n> A tip.');
  });
  it('ends with the FAQ (questions in bold, not headings) and numbered sources', () => {
    expect(twin).toContain('## Frequently asked questions\n\n**Why \\<b\\>?**\n\nBecause.');
    expect(twin).toContain('## Sources\n\n1. [Docs (v2)](https://example.com/a_%28b%29): the claim\n');
  });
  it('renders with the hostile title as text', async () => {
    const out = await html(twin);
    expect(out).not.toContain('<script');
    expect(out).toContain("<h1>&lt;script&gt;alert('owned')&lt;/script&gt; stays text</h1>");
  });
  it('leaves out what the article does not have', () => {
    const plain = articleTwin(article('b', 'Plain title', 'aws', { appliesTo: [] }), context);
    expect(plain).not.toMatch(/Updated:|Applies to:|## Frequently|## Sources/);
  });
});

describe('llms.txt', () => {
  const articles = [article('x', 'X on AWS'), article('y', HOSTILE, 'k8s'), article('z', 'Z on AWS')];
  const text = llmsTxt({ ...context, description: 'A summary.', articles, topics: ['k8s', 'aws', 'empty'] });
  const parsed = parseLlmsTxt(text);
  it('parses as the format describes, one section per topic in the site order', () => {
    expect(parsed.title).toBe('KB');
    expect(parsed.summary).toBe('A summary.');
    expect(parsed.details).toHaveLength(1);
    expect([...parsed.sections.keys()]).toEqual(['Kubernetes', 'AWS']);
  });
  it('lists every article given, linking its Markdown twin, with its description', () => {
    const entries = [...parsed.sections.values()].flat();
    expect(entries.map((e) => e.url)).toEqual(
      ['y', 'x', 'z'].map((id) => new URL(markdownTwinPath(id), context.siteUrl).href),
    );
    expect(entries[1]).toEqual({
      name: 'X on AWS',
      url: 'https://kb.example.com/articles/x.md',
      notes: 'About X on AWS.',
    });
  });
  it('keeps a hostile title as text', async () => {
    expect(text).toContain("[\\<script\\>alert('owned')\\</script\\> stays text]");
    expect(await html(text)).not.toContain('<script');
  });
  it('llms-full.txt holds every twin in the order given', () => {
    const full = llmsFullTxt({ ...context, description: 'A summary.', articles });
    for (const a of articles) expect(full).toContain(articleTwin(a, context).trim());
    expect(full.indexOf('# X on AWS')).toBeLessThan(full.indexOf('# Z on AWS'));
  });
});
