/**
 * What, besides a file's own bytes, decides the problems the content check finds in it: the
 * versions of the parsers and schemas the snippet and spelling checks use, and the content
 * folder's word list. A per-file result cache must key on this too, or an upgrade of
 * kubernetes-models or a word added to words.txt would leave stale results behind.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORD_LIST } from './spelling.ts';

/** Packages whose version changes what a check reports (the ones the checks import, and their data). */
export const CHECKER_PACKAGES = [
  '@cdktf/hcl2json',
  'smol-toml',
  'yaml',
  'kubernetes-models',
  'dockerfile-utils',
  'dockerfile-ast',
  'cspell-lib',
  '@cspell/cspell-bundled-dicts',
  '@cspell/dict-en-gb-mit',
  '@cspell/dict-software-terms',
  '@cspell/dict-aws',
  '@cspell/dict-k8s',
  'satteri',
] as const;

/** The installed version of a package, found by walking up to its package.json. */
function installedVersion(name: string): string {
  try {
    const entry = fileURLToPath(import.meta.resolve(name));
    for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
      try {
        const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
          name?: string;
          version?: string;
        };
        if (manifest.name === name) return manifest.version ?? 'unknown';
      } catch {
        // no package.json at this level; keep walking up
      }
    }
  } catch {
    // not resolvable as an ES module (cspell's dictionaries are data): read its package.json directly
  }
  try {
    const require = createRequire(import.meta.url);
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    return 'missing';
  }
}

/**
 * One string that changes whenever a checker, its data or the word list (in the vocabulary folder) does:
 * `name@version` for each package, the word list's hash, and the external linters found.
 */
export function checkerFingerprint(vocabularyDir: string, tools: { shellcheck: boolean; python: boolean }): string {
  let words = '';
  try {
    words = readFileSync(join(vocabularyDir, WORD_LIST), 'utf8');
  } catch {
    // no word list: the empty string stands for it
  }
  const parts = [
    ...CHECKER_PACKAGES.map((name) => `${name}@${installedVersion(name)}`),
    `words.txt#${createHash('sha256').update(words).digest('hex').slice(0, 16)}`,
    `shellcheck:${tools.shellcheck}`,
    `python3:${tools.python}`,
  ];
  return parts.join(' ');
}
