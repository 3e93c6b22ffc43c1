/**
 * The fence languages articles may use, with the label readers see on the block and the
 * checker their snippets go through. One table for the highlighter, the content check and
 * the snippet checker: a fence whose language is not here fails the build instead of
 * silently becoming plain text, and an alias added here is checked like its language.
 */

/** The snippet checkers of src/checks/content/snippets.ts, by name. */
export type SnippetChecker = 'bash' | 'shell-session' | 'hcl' | 'yaml' | 'json' | 'toml' | 'python' | 'dockerfile';

export interface FenceLanguage {
  /** What the code block's bar shows. */
  label: string;
  /** Which parser the content check runs the snippet through; none for languages it cannot parse. */
  checker?: SnippetChecker;
}

export const FENCE_LANGUAGES: Readonly<Record<string, FenceLanguage>> = {
  bash: { label: 'Bash', checker: 'bash' },
  sh: { label: 'Shell', checker: 'bash' },
  shell: { label: 'Shell', checker: 'bash' },
  zsh: { label: 'Zsh', checker: 'bash' },
  console: { label: 'Shell session', checker: 'shell-session' },
  shellsession: { label: 'Shell session', checker: 'shell-session' },
  powershell: { label: 'PowerShell' },
  hcl: { label: 'HCL', checker: 'hcl' },
  terraform: { label: 'Terraform', checker: 'hcl' },
  tf: { label: 'Terraform', checker: 'hcl' },
  yaml: { label: 'YAML', checker: 'yaml' },
  yml: { label: 'YAML', checker: 'yaml' },
  json: { label: 'JSON', checker: 'json' },
  jsonc: { label: 'JSON with comments' },
  toml: { label: 'TOML', checker: 'toml' },
  ini: { label: 'INI' },
  python: { label: 'Python', checker: 'python' },
  py: { label: 'Python', checker: 'python' },
  rust: { label: 'Rust' },
  rs: { label: 'Rust' },
  go: { label: 'Go' },
  typescript: { label: 'TypeScript' },
  ts: { label: 'TypeScript' },
  javascript: { label: 'JavaScript' },
  js: { label: 'JavaScript' },
  dockerfile: { label: 'Dockerfile', checker: 'dockerfile' },
  docker: { label: 'Dockerfile', checker: 'dockerfile' },
  rego: { label: 'Rego' },
  sql: { label: 'SQL' },
  diff: { label: 'Diff' },
  make: { label: 'Makefile' },
  makefile: { label: 'Makefile' },
  nginx: { label: 'nginx' },
  xml: { label: 'XML' },
  html: { label: 'HTML' },
  css: { label: 'CSS' },
  markdown: { label: 'Markdown' },
  md: { label: 'Markdown' },
  mdx: { label: 'MDX' },
  text: { label: 'Text' },
  txt: { label: 'Text' },
  plaintext: { label: 'Text' },
};

/** Fences that are not code: rendered by their own plugins, never highlighted. */
export const SPECIAL_FENCES = ['mermaid', 'math'] as const;

/** Shell sessions: commands after a prompt, and their output (src/shared/shell-session.ts). */
export const SESSION_LANGUAGES: ReadonlySet<string> = new Set(
  Object.keys(FENCE_LANGUAGES).filter((lang) => FENCE_LANGUAGES[lang]!.checker === 'shell-session'),
);

export function isKnownFenceLanguage(lang: string): boolean {
  return Object.hasOwn(FENCE_LANGUAGES, lang) || (SPECIAL_FENCES as readonly string[]).includes(lang);
}

/** The checker a fence language's snippets go through, if any. */
export function snippetChecker(lang: string): SnippetChecker | undefined {
  return Object.hasOwn(FENCE_LANGUAGES, lang) ? FENCE_LANGUAGES[lang]!.checker : undefined;
}

export function fenceLanguageLabel(lang: string): string {
  return FENCE_LANGUAGES[lang]?.label ?? lang;
}

/** Reads `key="value"` (or key='value') from a fence's meta string. */
export function metaAttribute(meta: string | null | undefined, key: string): string | undefined {
  if (!meta) return undefined;
  const match = new RegExp(`(?:^|\\s)${key}=(?:"([^"]*)"|'([^']*)')`).exec(meta);
  return match ? (match[1] ?? match[2]) : undefined;
}

export function metaFlag(meta: string | null | undefined, flag: string): boolean {
  return !!meta && new RegExp(`(?:^|\\s)${flag}(?:\\s|$)`).test(meta);
}
