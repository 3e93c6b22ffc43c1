/**
 * Checks that each fenced snippet parses in its language, so readers never copy code
 * that cannot work. Parsers are the languages' own where we can reach them (HashiCorp's
 * HCL parser compiled to WebAssembly, Python's ast, bash -n); YAML, JSON and TOML use
 * well-kept parsers. A fence opts out with nocheck="reason".
 */
import { spawnSync } from 'node:child_process';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { parse as parseToml } from 'smol-toml';
import { parseAllDocuments } from 'yaml';
import { metaAttribute } from '../../markdown/languages.ts';
import type { Fence } from './body.ts';
import type { Problem } from './problems.ts';

export interface SnippetFailure {
  /** Line within the snippet (1-based), when the parser says. */
  line?: number;
  message: string;
}

type Checker = (code: string) => Promise<SnippetFailure | undefined> | SnippetFailure | undefined;

const DOCKERFILE_INSTRUCTIONS = new Set([
  'FROM', 'RUN', 'CMD', 'LABEL', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG',
  'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'MAINTAINER',
]);

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}
const shellcheckAvailable = hasCommand('shellcheck');

function checkShell(code: string): SnippetFailure | undefined {
  const syntax = spawnSync('bash', ['-n'], { input: code, encoding: 'utf8' });
  if (syntax.status !== 0) {
    const line = /line (\d+):/.exec(syntax.stderr)?.[1];
    return { line: line ? Number(line) : undefined, message: `bash -n: ${syntax.stderr.trim().replace(/^bash: (line \d+: )?/, '')}` };
  }
  if (shellcheckAvailable) {
    const lint = spawnSync('shellcheck', ['--shell=bash', '--severity=error', '--format=gcc', '-'], { input: code, encoding: 'utf8' });
    if (lint.status !== 0) {
      const first = /^-:(\d+):\d+: (.*)$/m.exec(lint.stdout);
      return { line: first ? Number(first[1]) : undefined, message: `shellcheck: ${first?.[2] ?? lint.stdout.trim()}` };
    }
  }
  return undefined;
}

/** The commands of a shell session: `$ ` lines and their backslash continuations. */
export function sessionCommands(code: string): string {
  const out: string[] = [];
  let continues = false;
  for (const line of code.split('\n')) {
    const prompt = /^(\$|#) /.exec(line);
    if (prompt || continues) {
      const command = prompt ? line.slice(prompt[0].length) : line;
      out.push(command);
      continues = /\\\s*$/.test(command);
    } else out.push('');
  }
  return out.join('\n');
}

function checkPython(code: string): SnippetFailure | undefined {
  const script = 'import ast,sys\ntry:\n ast.parse(sys.stdin.read())\nexcept SyntaxError as e:\n print(f"{e.lineno}\\t{e.msg}"); sys.exit(1)';
  const result = spawnSync('python3', ['-c', script], { input: code, encoding: 'utf8' });
  if (result.error) return undefined; // no python3 here: nothing to check with
  if (result.status === 0) return undefined;
  const [line, message] = result.stdout.trim().split('\t');
  return { line: Number(line) || undefined, message: `Python: ${message ?? result.stderr.trim()}` };
}

function checkDockerfile(code: string): SnippetFailure | undefined {
  const lines = code.split('\n');
  let continues = false;
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    const wasContinuation = continues;
    continues = /\\$/.test(line);
    if (!line || line.startsWith('#') || wasContinuation) continue;
    const instruction = line.split(/\s+/)[0]!.toUpperCase();
    if (!DOCKERFILE_INSTRUCTIONS.has(instruction))
      return { line: index + 1, message: `'${line.split(/\s+/)[0]}' is not a Dockerfile instruction (FROM, RUN, COPY, …)` };
  }
  if (!lines.some((l) => /^\s*FROM\s/i.test(l))) return { message: 'a Dockerfile needs a FROM instruction' };
  return undefined;
}

const checkers: Record<string, Checker> = {
  hcl: async (code) => {
    try {
      await parseHcl('snippet.tf', code);
      return undefined;
    } catch (e) {
      const text = String((e as Error).message ?? e);
      const at = /snippet\.tf:(\d+),\d+(?:-\d+)?(?:,\d+)?: ([^\]]*)/.exec(text);
      return { line: at ? Number(at[1]) : undefined, message: `HCL: ${at?.[2] ?? text}` };
    }
  },
  yaml: (code) => {
    for (const doc of parseAllDocuments(code)) {
      const error = 'errors' in doc ? doc.errors[0] : undefined;
      // The message repeats the position ("… at line 4, column 9:"); the report already names the line.
      if (error) return { line: error.linePos?.[0].line, message: `YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` };
    }
    return undefined;
  },
  json: (code) => {
    try {
      JSON.parse(code);
      return undefined;
    } catch (e) {
      // V8 ends the message with "… at position 17 (line 1 column 18)"; the report names the line itself.
      const message = (e as Error).message;
      const at = /\s*(?:at position \d+ )?\(line (\d+) column \d+\)$/.exec(message);
      return { line: at ? Number(at[1]) : undefined, message: `JSON: ${at ? message.slice(0, at.index) : message}` };
    }
  },
  toml: (code) => {
    try {
      parseToml(code);
      return undefined;
    } catch (e) {
      const err = e as Error & { line?: number };
      return { line: err.line, message: `TOML: ${err.message.split('\n')[0]}` };
    }
  },
  python: checkPython,
  bash: checkShell,
  console: (code) => checkShell(sessionCommands(code)),
  dockerfile: checkDockerfile,
};
const aliases: Record<string, string> = {
  terraform: 'hcl', tf: 'hcl', yml: 'yaml', py: 'python', sh: 'bash', shell: 'bash', zsh: 'bash', shellsession: 'console', docker: 'dockerfile',
};

/** Languages we parse; others (Rust, Rego, Go, …) are listed as unchecked by `npm run validate`. */
export const CHECKED_LANGUAGES = [...Object.keys(checkers), ...Object.keys(aliases)];

export async function checkSnippet(lang: string, code: string): Promise<SnippetFailure | undefined> {
  const checker = checkers[aliases[lang] ?? lang];
  return checker ? checker(code) : undefined;
}

export async function checkFences(file: string, fences: readonly Fence[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const fence of fences) {
    if (metaAttribute(fence.meta, 'nocheck') !== undefined) continue;
    // A diff-notation block is checked as the code after the change: removed lines become blank
    // (keeping line numbers), and the notation comments go.
    const after = fence.code
      .split('\n')
      .map((l) => (/\[!code --\]/.test(l) ? '' : l.replace(/\s*(#|\/\/|--|;)\s*\[!code [^\]]+\]\s*$/, '')))
      .join('\n');
    const failure = await checkSnippet(fence.lang, after);
    if (!failure) continue;
    // The fence's first code line is the line after the opening backticks.
    const line = fence.line + (failure.line ?? 0);
    problems.push({
      file,
      line,
      subject: `\`\`\`${fence.lang} fence`,
      message: `${failure.message.replace(/\.+$/, '')}. Fix the snippet, or if it is deliberately partial add nocheck="why" to the fence's first line.`,
      severity: 'error',
    });
  }
  return problems;
}
