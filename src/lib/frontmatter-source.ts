/** Splits an article's source into its YAML frontmatter and its body (pure; no parsing). */
export interface SplitSource {
  yaml: string;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
}

export function splitFrontmatter(text: string): SplitSource | undefined {
  // Editors on Windows may save UTF-8 with a byte order mark; Astro reads such a file
  // as usual, so the check must too. (CRLF endings and spaces after --- are matched below.)
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m.exec(source);
  if (!match || match.index !== 0) return undefined;
  const yaml = match[1] ?? '';
  return { yaml, body: source.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

// Astro's own frontmatter rule (@astrojs/internal-helpers/frontmatter, which `astro/markdown`'s
// parseFrontmatter uses): a block at the start, after an optional byte order mark or blank
// lines, opened by --- (YAML) or +++ (TOML) and closed by either.
const ASTRO_FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;
const ASTRO_FRONTMATTER_OPENER = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)/;

/**
 * An article's Markdown body: exactly what Astro's glob loader stores as `body`, which is
 * parseFrontmatter(source, { frontmatter: 'empty-with-spaces' }).content, trimmed. Why not
 * call that: it also parses the YAML, and the build needs only the body three times an
 * article (its page, its Markdown twin, llms-full.txt); at 1,000 articles those 3,000 YAML
 * parses cost about a second of CPU. The frontmatter is blanked out, then the whole trimmed,
 * as Astro does; tests/unit/frontmatter-source.test.ts compares the two.
 */
export function markdownBody(source: string): string {
  const raw = ASTRO_FRONTMATTER.exec(source)?.[1];
  if (raw === undefined) return source.trim();
  const delimiter = ASTRO_FRONTMATTER_OPENER.exec(source)?.[1] === '+++' ? '+++' : '---';
  // Astro replaces the first `${delimiter}${raw}${delimiter}` with whitespace; when the block
  // was closed by the other delimiter that string is not there and the source stays as it is.
  return source.replace(`${delimiter}${raw}${delimiter}`, () => ' ').trim();
}
