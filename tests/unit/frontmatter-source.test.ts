import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { describe, expect, it } from 'vitest';
import { markdownBody } from '../../src/lib/frontmatter-source.ts';

/** What Astro's glob loader stores as an entry's `body` (the rule markdownBody copies). */
const astroBody = (source: string) => parseFrontmatter(source, { frontmatter: 'empty-with-spaces' }).content.trim();

const folders = ['content/articles', 'tests/fixtures/site/articles'];
const files = folders.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => join(dir, f)),
);

const EDGE_CASES: Record<string, string> = {
  'no frontmatter': '# Title\n\nText.\n',
  'byte order mark': '\uFEFF---\ntitle: x\n---\n\nBody.\n',
  'CRLF endings': '---\r\ntitle: x\r\n---\r\n\r\nBody.\r\n',
  'blank lines before': '\n\n---\ntitle: x\n---\nBody.\n',
  'TOML frontmatter': '+++\ntitle = "x"\n+++\nBody.\n',
  'opened by --- and closed by +++': '---\ntitle: x\n+++\nBody.\n',
  'a thematic break in the body': '---\ntitle: x\n---\nOne.\n\n---\n\nTwo.\n',
  'text right after the closing line': '---\ntitle: x\n---Body.\n',
  'empty frontmatter': '---\n---\nBody.\n',
  'not at the start': 'Intro.\n---\ntitle: x\n---\nBody.\n',
};

describe('markdownBody', () => {
  it('is the body Astro stores, for every article and fixture', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(markdownBody(source), file).toBe(astroBody(source));
    }
  });

  it.each(Object.entries(EDGE_CASES))('is the body Astro stores with %s', (_, source) => {
    expect(markdownBody(source)).toBe(astroBody(source));
  });
});
