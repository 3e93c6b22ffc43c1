import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// The cache goes to a folder of its own, set before the module reads it.
const cache = mkdtempSync(join(tmpdir(), 'kb-render-'));
process.env.KB_CACHE_DIR = cache;
const { renderMarkdown, renderStats } = await import('../../src/data/render-markdown.ts');

const body = '## Install it\n\nRun this:\n\n```bash\necho "hello"\n```\n\n### Then check\n\nDone.';

describe('rendering an article body at page time', () => {
  let first: Awaited<ReturnType<typeof renderMarkdown>>;
  beforeAll(async () => {
    first = await renderMarkdown(body, '/x/articles/a.md');
  });

  it('runs the site pipeline: heading ids and anchors, Shiki, the code frame', () => {
    expect(first.headings).toEqual([
      { depth: 2, slug: 'install-it', text: 'Install it' },
      { depth: 3, slug: 'then-check', text: 'Then check' },
    ]);
    expect(first.html).toContain('<h2 id="install-it">Install it</h2><a class="heading-anchor" href="#install-it"');
    expect(first.html).toContain('<figure class="code" data-lang="bash">');
    expect(first.html).toMatch(/class="l-[0-9a-f]{6} d-[0-9a-f]{6}"/); // token colours as classes
  });

  it('reads an unchanged body from the cache and renders a changed one', async () => {
    const before = { ...renderStats };
    expect(await renderMarkdown(body, '/x/articles/b.md')).toEqual(first);
    expect(renderStats.cached).toBe(before.cached + 1);
    const changed = await renderMarkdown(`${body}\n\nOne more line.`, '/x/articles/a.md');
    expect(changed.html).toContain('One more line.');
    expect(renderStats.rendered).toBe(before.rendered + 1);
    expect(
      readdirSync(join(cache, 'render'), { recursive: true }).filter((f) => String(f).endsWith('.json')),
    ).toHaveLength(2);
  });

  it('says how to fix a relative image, which only .mdx resolves', async () => {
    await expect(renderMarkdown('![A diagram](./diagram.png)', '/x/articles/c.md')).rejects.toThrow(
      '/x/articles/c.md: image ./diagram.png is a relative path; put images in public/ and link them from the site root (/images/…)',
    );
  });
});
