import { describe, expect, it } from 'vitest';
import { createHighlighter } from 'shiki';
import { darkTheme, lightTheme } from '../../src/markdown/themes.ts';
import { tokenClasses, tokenStylesheet } from '../../src/markdown/token-classes.ts';

const themes = { light: lightTheme, dark: darkTheme };
const shiki = await createHighlighter({ themes: [lightTheme, darkTheme], langs: ['hcl', 'markdown'] });
const highlight = (code: string, lang: string, defaultColor: false | 'light' = false) =>
  shiki.codeToHtml(code, {
    lang,
    themes: { light: 'kb-light', dark: 'kb-dark' },
    defaultColor,
    transformers: [tokenClasses(themes)],
  });

describe('token classes (Shiki transformer)', () => {
  const css = tokenStylesheet(themes);

  it('writes token colours as classes, with no style attribute anywhere', () => {
    const html = highlight('resource "aws_s3_bucket" "logs" {\n  bucket = "logs" # why\n}', 'hcl');
    expect(html).not.toContain('style=');
    expect(html).toContain('<span class="l-953800 d-ffa657">resource</span>');
  });
  it('defines every class it writes in the stylesheet', () => {
    const html = highlight('# Title\n\n*emphasis* and **bold** and `code`\n', 'markdown');
    const used = new Set([...html.matchAll(/\b([ld]-[0-9a-f]{6,8})\b/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(2);
    for (const name of used) expect(css).toContain(`.${name}{`);
  });
  it('gives the block the themes’ text colours', () => {
    expect(css).toContain('.astro-code{--shiki-light:#1f2328;--shiki-dark:#e6edf3}');
  });
  it('fails clearly on a style it has no class for', () => {
    expect(() => highlight('a = 1', 'hcl', 'light')).toThrow(
      /kb:token-classes: .*"color:#[0-9A-F]+", which has no class/,
    );
  });
});
