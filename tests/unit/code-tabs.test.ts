import { describe, expect, it } from 'vitest';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { markdownConfig, satteriOptions } from '../../src/markdown/index.ts';

// The site's own processor and Shiki setup, so the plugin sees the figures a build gives it.
const { syntaxHighlight, shikiConfig } = markdownConfig();
const processor = await createSatteriMarkdownProcessor({
  ...satteriOptions,
  syntaxHighlight,
  shikiConfig,
} as Parameters<typeof createSatteriMarkdownProcessor>[0]);
const render = async (md: string) => (await processor.render(md)).code;
/** The markup with each <pre> reduced to its text, to compare structure. */
const outline = (html: string) =>
  html
    .replace(/<figcaption[\s\S]*?<\/figcaption>/g, '')
    .replace(/<pre[\s\S]*?<\/pre>/g, (pre) => `[${pre.replace(/<[^>]+>/g, '')}]`);

describe('code tabs', () => {
  it('group consecutive fences with tab="…", each panel under its label', async () => {
    const html = await render('```bash tab="uv"\nuv add httpx\n```\n\n```bash tab="pip"\npip install httpx\n```\n');
    expect(outline(html)).toBe(
      '<div class="code-tabs" data-tabs="uv|pip">' +
        '<div class="code-tab-panel" data-tab="uv"><p class="code-tab-label">uv</p><figure class="code" ' +
        'data-lang="bash" data-tab="uv">[uv add httpx]</figure></div>' +
        '<div class="code-tab-panel" data-tab="pip"><p class="code-tab-label">pip</p><figure class="code" ' +
        'data-lang="bash" data-tab="pip">[pip install httpx]</figure></div>' +
        '</div>\n',
    );
  });

  it('start a new group after other content, also inside lists, and leave a lone tab alone', async () => {
    const html = outline(
      await render(
        '```hcl tab="Terraform"\na = 1\n```\n```console tab="AWS CLI"\n$ aws s3 ls\n```\n\nBetween.\n\n' +
          '- Step\n\n  ```bash tab="bash"\n  echo a\n  ```\n\n  ```powershell tab="PowerShell"\n  Write-Output a\n  ```\n\n' +
          '```bash tab="alone"\necho\n```\n',
      ),
    );
    expect(html.match(/class="code-tabs"/g)).toHaveLength(2);
    expect(html).toContain('data-tabs="Terraform|AWS CLI"');
    expect(html).toContain('<li>\n<p>Step</p>\n<div class="code-tabs" data-tabs="bash|PowerShell">');
    expect(html).toContain('<p>Between.</p>');
    expect(html).toMatch(/<\/ul>\n<figure class="code" data-lang="bash" data-tab="alone">\[echo\]<\/figure>/);
  });

  it('leave fences without tab= as they are', async () => {
    const html = await render('```bash\necho 1\n```\n\n```bash\necho 2\n```\n');
    expect(html).not.toContain('code-tabs');
    expect(html.match(/<figure class="code"/g)).toHaveLength(2);
  });
});

describe('shell session commands', () => {
  it('share data-command across a command and its continuation lines; output has none', async () => {
    const html = await render(
      '```console\n$ terraform init \\\n    -upgrade\nInitializing...\n$ terraform plan\n```\n',
    );
    const lines = [...html.matchAll(/<span class="line([^"]*)"( data-command="(\d+)")?/g)].map(
      (m) => `${m[1]!.trim() || 'line'}:${m[3] ?? '-'}`,
    );
    expect(lines).toEqual(['line:1', 'line:1', 'output:-', 'line:2']);
  });
});
