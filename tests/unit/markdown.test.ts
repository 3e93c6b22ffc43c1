import { describe, expect, it } from 'vitest';
import { markdownToHtml, mdxToJs } from 'satteri';
import { createHighlighter } from 'shiki';
import { fenceLanguageProblem } from '../../src/markdown/fence-languages.ts';
import { math } from '../../src/markdown/math.ts';
import { satteriOptions } from '../../src/markdown/index.ts';
import { codeFrame } from '../../src/markdown/code-frame.ts';

const render = async (md: string) =>
  // The site's own pipeline, in its order.
  (await markdownToHtml(md, satteriOptions)).html;

describe('callouts', () => {
  it('turns a GitHub alert into a note (not a landmark) with a visible label, and drops the marker', async () => {
    const html = await render('> [!WARNING]\n> Rotate the key.\n');
    expect(html).toContain('<div class="callout callout-warning" role="note"><p class="callout-label">Warning</p>');
    expect(html).not.toContain('<aside');
    expect(html).toContain('<p>Rotate the key.</p>');
    expect(html).not.toContain('[!WARNING]');
  });
  it('leaves ordinary blockquotes alone', async () => {
    expect(await render('> Just a quote.\n')).toContain('<blockquote>');
  });
});

describe('heading anchors', () => {
  it('gives headings GitHub-style ids and an anchor link outside the heading text', async () => {
    const html = await render('## Why IRSA? (and Pod Identity)\n\n## Why IRSA? (and Pod Identity)\n');
    expect(html).toContain('<h2 id="why-irsa-and-pod-identity">Why IRSA? (and Pod Identity)</h2>');
    expect(html).toContain('<h2 id="why-irsa-and-pod-identity-1">');
    expect(html).toContain('<a class="heading-anchor" href="#why-irsa-and-pod-identity" data-pagefind-ignore="">');
  });
});

describe('math', () => {
  it('renders display and inline TeX to MathML at build time', async () => {
    const html = await render('Inline $a^2$.\n\n$$\n\\frac{a}{b}\n$$\n');
    expect(html).toMatch(/<math><msup><mi>a<\/mi>/);
    expect(html).toContain('<div class="math-display"><math display="block"');
    expect(html).toContain('<mfrac>');
  });
  it('works in MDX, where braces are not expressions', async () => {
    const { code } = await mdxToJs('$$\n\\frac{a}{b}\n$$\n', { mdastPlugins: [math], features: { math: true } });
    expect(code).toContain('mfrac');
  });
  it('fails on a formula that does not parse', async () => {
    await expect(render('$$\n\\frac{a}{\n$$\n')).rejects.toThrow();
  });
});

describe('fence languages', () => {
  it('accepts known languages and suggests the closest for a typo', () => {
    expect(fenceLanguageProblem('hcl')).toBeUndefined();
    expect(fenceLanguageProblem('mermaid')).toBeUndefined();
    expect(fenceLanguageProblem('diagram')).toMatch(/retired; write the diagram as a ```mermaid fence/);
    expect(fenceLanguageProblem('yamll')).toMatch(/^unknown code fence language 'yamll'; did you mean 'yaml'\?/);
    expect(fenceLanguageProblem(undefined)).toMatch(/has no language/);
  });
  it('fails the render of an unknown fence with file and line', async () => {
    await expect(render('Text\n\n```hlc\nx = 1\n```\n')).rejects.toThrow(
      /:3 unknown code fence language 'hlc'; did you mean 'hcl'\?/,
    );
  });
});

describe('code frame (Shiki transformer)', async () => {
  const shiki = await createHighlighter({ themes: ['github-light', 'github-dark'], langs: ['hcl', 'shellsession'] });
  const html = (code: string, lang: string, meta = '') =>
    shiki.codeToHtml(code, {
      lang,
      meta: { __raw: meta },
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
      transformers: [codeFrame()],
    });

  it('wraps the block in a figure with the title and a language label', () => {
    const out = html('a = 1', 'hcl', 'title="main.tf"');
    expect(out).toMatch(/^<figure class="code" data-lang="hcl"><figcaption class="code-bar">/);
    expect(out).toContain(
      '<figcaption class="code-bar"><span class="code-title">main.tf</span><span class="code-lang">HCL</span></figcaption><pre',
    );
    expect(out).not.toContain('tabindex');
  });
  it('marks prompts and output lines in shell sessions, keeping continuations as commands', () => {
    const out = html('$ terraform plan \\\n    -out tf.plan\nNo changes.\n$ ls', 'console');
    const lines = out.split('<span class="line').slice(1);
    expect(lines[0]).toContain('<span class="prompt" aria-hidden="true">$ </span>');
    expect(lines[1]).not.toMatch(/^ output/);
    expect(lines[2]).toMatch(/^ output"/);
    expect(lines[3]).toContain('class="prompt"');
  });
  it('numbers lines only when asked', () => {
    expect(html('a = 1', 'hcl', 'showLineNumbers')).toContain('line-numbers');
    expect(html('a = 1', 'hcl')).not.toContain('line-numbers');
  });
});
