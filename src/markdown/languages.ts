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

/** Every fence language, with the label the code block's bar shows. */
const LABELS: Readonly<Record<string, string>> = {
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

/** Which fence names' snippets each checker parses; a language not listed is highlighted but not parsed. */
const CHECKED: Readonly<Record<SnippetChecker, readonly string[]>> = {
  bash: ['bash', 'sh', 'shell', 'zsh'],
  'shell-session': ['console', 'shellsession'],
  hcl: ['hcl', 'terraform', 'tf'],
  yaml: ['yaml', 'yml'],
  json: ['json'],
  toml: ['toml'],
  python: ['python', 'py'],
  dockerfile: ['dockerfile', 'docker'],
};

export const FENCE_LANGUAGES: Readonly<Record<string, FenceLanguage>> = Object.fromEntries(
  Object.entries(LABELS).map(([name, label]) => {
    const checker = (Object.keys(CHECKED) as SnippetChecker[]).find((c) => CHECKED[c].includes(name));
    return [name, checker ? { label, checker } : { label }];
  }),
);

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
