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
