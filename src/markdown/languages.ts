/**
 * The fence languages articles may use, with the label readers see on the block.
 * One list for the highlighter, the content check and the snippet checker: a fence
 * whose language is not here fails the build instead of silently becoming plain text.
 */
export const FENCE_LANGUAGES: Record<string, string> = {
  bash: 'Bash',
  sh: 'Shell',
  shell: 'Shell',
  zsh: 'Zsh',
  console: 'Shell session',
  shellsession: 'Shell session',
  powershell: 'PowerShell',
  hcl: 'HCL',
  terraform: 'Terraform',
  tf: 'Terraform',
  yaml: 'YAML',
  yml: 'YAML',
  json: 'JSON',
  jsonc: 'JSON with comments',
  toml: 'TOML',
  ini: 'INI',
  python: 'Python',
  py: 'Python',
  rust: 'Rust',
  rs: 'Rust',
  go: 'Go',
  typescript: 'TypeScript',
  ts: 'TypeScript',
  javascript: 'JavaScript',
  js: 'JavaScript',
  dockerfile: 'Dockerfile',
  docker: 'Dockerfile',
  rego: 'Rego',
  sql: 'SQL',
  diff: 'Diff',
  make: 'Makefile',
  makefile: 'Makefile',
  nginx: 'nginx',
  xml: 'XML',
  html: 'HTML',
  css: 'CSS',
  markdown: 'Markdown',
  md: 'Markdown',
  mdx: 'MDX',
  text: 'Text',
  txt: 'Text',
  plaintext: 'Text',
};

/** Fences that are not code: rendered by their own plugins, never highlighted. */
export const SPECIAL_FENCES = ['mermaid', 'math'] as const;

/** Shell languages whose lines are commands, and sessions whose `$ ` lines are commands. */
export const SESSION_LANGUAGES = new Set(['console', 'shellsession']);

export function isKnownFenceLanguage(lang: string): boolean {
  return Object.hasOwn(FENCE_LANGUAGES, lang) || (SPECIAL_FENCES as readonly string[]).includes(lang);
}

export function fenceLanguageLabel(lang: string): string {
  return FENCE_LANGUAGES[lang] ?? lang;
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
