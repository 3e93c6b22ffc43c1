import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { describe, expect, it } from 'vitest';
import { HighlightMemo } from '../../src/markdown/highlight-memo.ts';
import { markdownConfig } from '../../src/markdown/index.ts';

type Tree = { tag: string; children: Array<{ value: string }> };

function counting() {
  const calls: string[] = [];
  const highlight = async (code: string, lang: string, meta: string | undefined): Promise<Tree> => {
    calls.push(`${lang}|${meta}|${code}`);
    return { tag: `${lang}:${meta ?? '-'}`, children: [{ value: code }] };
  };
  return { calls, highlight };
}

describe('the code-block highlight memo', () => {
  it('highlights a block once and answers a repeat from the memo', async () => {
    const { calls, highlight } = counting();
    const memo = new HighlightMemo(highlight);
    const first = await memo.highlight('echo hi', 'bash', undefined);
    expect(await memo.highlight('echo hi', 'bash', undefined)).toEqual(first);
    expect(calls).toHaveLength(1);
    expect(memo.stats).toMatchObject({ hits: 1, misses: 1 });
  });

  it('tells apart blocks that differ only in language, meta or code', async () => {
    const { calls, highlight } = counting();
    const memo = new HighlightMemo(highlight);
    await memo.highlight('x', 'bash', undefined);
    await memo.highlight('x', 'sh', undefined);
    await memo.highlight('x', 'bash', 'title="a"');
    await memo.highlight('x', 'bash', '');
    await memo.highlight('x ', 'bash', undefined);
    expect(calls).toHaveLength(5);
    expect(memo.stats.hits).toBe(0);
  });

  it('hands out one frozen tree: nothing can change a block another page shares', async () => {
    const memo = new HighlightMemo(counting().highlight);
    const first = await memo.highlight('a', 'bash', undefined);
    expect(() => {
      first.children[0]!.value = 'changed';
    }).toThrow(TypeError);
    const second = await memo.highlight('a', 'bash', undefined);
    expect(second).toBe(first);
    expect(second.children[0]!.value).toBe('a');
  });

  it('stays within its byte bound, dropping the least recently used block first', async () => {
    const { calls, highlight } = counting();
    const probe = new HighlightMemo(highlight);
    await probe.highlight('a'.repeat(40), 'bash', undefined);
    const bound = Math.floor(probe.stats.bytes * 2.5); // room for two blocks of this size, not three
    const memo = new HighlightMemo(highlight, bound);
    await memo.highlight('a'.repeat(40), 'bash', undefined);
    await memo.highlight('b'.repeat(40), 'bash', undefined);
    await memo.highlight('a'.repeat(40), 'bash', undefined); // a is now the most recent
    await memo.highlight('c'.repeat(40), 'bash', undefined); // over the bound: b goes
    expect(memo.stats.bytes).toBeLessThanOrEqual(bound);
    expect(memo.size).toBe(2);
    calls.length = 0;
    await memo.highlight('a'.repeat(40), 'bash', undefined);
    await memo.highlight('b'.repeat(40), 'bash', undefined);
    expect(calls).toEqual([`bash|undefined|${'b'.repeat(40)}`]);
  });
});

describe('rendering with the memo', () => {
  it("gives byte for byte the HTML of Astro's own renderer, for every real article, rendered twice", async () => {
    process.env.KB_BUILD_CACHE = 'off';
    const { renderMarkdown, highlightMemoStats } = await import('../../src/data/render-markdown.ts');
    const config = markdownConfig();
    const astro = (await config.processor.createRenderer({
      syntaxHighlight: config.syntaxHighlight,
      shikiConfig: config.shikiConfig,
      gfm: true,
      smartypants: true,
    } as never)) as { render(body: string, o: object): Promise<{ code: string }> };
    const dir = 'content/articles';
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(0);
    for (const pass of [1, 2]) {
      for (const file of files) {
        const body = parseFrontmatter(readFileSync(join(dir, file), 'utf8'), {
          frontmatter: 'empty-with-spaces',
        }).content.trim();
        const expected = (await astro.render(body, { frontmatter: {} })).code;
        expect((await renderMarkdown(body, join(dir, file))).html, `${file}, pass ${pass}`).toBe(expected);
      }
    }
    // The second pass came from the memo: nothing was highlighted twice.
    const stats = await highlightMemoStats();
    expect(stats.hits).toBe(stats.misses);
    expect(stats.misses).toBeGreaterThan(0);
  }, 120_000);
});
