/**
 * Checks that each fenced snippet parses in its language, so readers never copy code
 * that cannot work. Parsers are the languages' own where we can reach them (HashiCorp's
 * HCL parser compiled to WebAssembly, Python's ast, bash -n and shellcheck); YAML, JSON, TOML and
 * Dockerfiles use well-kept parsers, and Kubernetes manifests are checked against the API schema.
 * A fence opts out with nocheck="reason".
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { parse as parseToml } from 'smol-toml';
import { parseAllDocuments } from 'yaml';
import { metaAttribute, snippetChecker, type SnippetChecker } from '../../markdown/languages.ts';
import { sessionCommands } from '../../shared/shell-session.ts';
import { mapLimited } from '../../lib/concurrency.ts';
import { checkDockerfile } from './dockerfile.ts';
import { checkKubernetesManifests } from './kubernetes.ts';
import type { Fence } from './body.ts';
import type { Problem } from './problems.ts';

export interface SnippetFailure {
  /** Line within the snippet (1-based), when the parser says. */
  line?: number;
  message: string;
}

type Checker = (code: string) => Promise<SnippetFailure | undefined> | SnippetFailure | undefined;

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}
const shellcheckAvailable = hasCommand('shellcheck');

/** Runs a command with `input` on stdin; resolves with its exit status and output. */
function runWithInput(
  command: string,
  args: string[],
  input: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', () => resolve({ status: null, stdout, stderr }));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

async function checkShell(code: string): Promise<SnippetFailure | undefined> {
  const syntax = await runWithInput('bash', ['-n'], code);
  if (syntax.status !== 0) {
    const line = /line (\d+):/.exec(syntax.stderr)?.[1];
    return {
      line: line ? Number(line) : undefined,
      message: `bash -n: ${syntax.stderr.trim().replace(/^bash: (line \d+: )?/, '')}`,
    };
  }
  // A writer's machine may lack shellcheck (the lint is then skipped); CI must never skip it.
  if (!shellcheckAvailable && process.env.CI)
    return { message: 'shellcheck is not installed, and CI lints every shell snippet with it (.ci/run installs it)' };
  if (shellcheckAvailable) {
    // A snippet's own first line is never a shebang, but shellcheck reads a leading comment such
    // as `# /srv/app is empty` as one (SC2096); give it a real one and shift lines back.
    const lint = await runWithInput(
      'shellcheck',
      ['--shell=bash', '--severity=error', '--format=gcc', '-'],
      `#!/usr/bin/env bash\n${code}`,
    );
    if (lint.status !== 0) {
      const first = /^-:(\d+):\d+: (.*)$/m.exec(lint.stdout);
      return {
        line: first ? Number(first[1]) - 1 : undefined,
        message: `shellcheck: ${first?.[2] ?? lint.stdout.trim()}`,
      };
    }
  }
  return undefined;
}

/**
 * One python3 process for the whole check, answering a JSON line per snippet: starting
 * Python costs ~30 ms, which per snippet would dominate the check of a large site.
 */
const PYTHON_SERVER = [
  'import ast, json, sys',
  'for line in sys.stdin:',
  '    try:',
  '        ast.parse(json.loads(line))',
  '        print("null", flush=True)',
  '    except SyntaxError as e:',
  '        print(json.dumps([e.lineno, e.msg]), flush=True)',
].join('\n');

let python: { child: ChildProcessWithoutNullStreams; waiting: Array<(answer: string) => void> } | null | undefined;
function pythonServer() {
  if (python !== undefined) return python;
  const child = spawn('python3', ['-c', PYTHON_SERVER]);
  const server = { child, waiting: [] as Array<(answer: string) => void> };
  child.on('error', () => {
    // No python3 on this machine: nothing to check Python with; answer every pending check.
    python = null;
    server.waiting.splice(0).forEach((resolve) => resolve('null'));
  });
  createInterface({ input: child.stdout }).on('line', (answer) => server.waiting.shift()?.(answer));
  python = server;
  return server;
}

async function checkPython(code: string): Promise<SnippetFailure | undefined> {
  const server = pythonServer();
  if (!server) return undefined;
  const answer = await new Promise<string>((resolve) => {
    server.waiting.push(resolve);
    server.child.stdin.write(`${JSON.stringify(code)}\n`);
  });
  const failure = JSON.parse(answer) as [number, string] | null;
  return failure ? { line: failure[0] || undefined, message: `Python: ${failure[1]}` } : undefined;
}

/** Ends the helper processes a check started; call when a check run is over. */
export function closeSnippetCheckers(): void {
  if (python) python.child.stdin.end();
  python = undefined;
}

/** One checker per name in the language table (src/markdown/languages.ts), which maps fence names to them. */
const checkers: Record<SnippetChecker, Checker> = {
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
      if (error)
        return {
          line: error.linePos?.[0].line,
          message: `YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
        };
    }
    // Only a manifest (apiVersion and kind) can be checked further; skip the import otherwise.
    return /^\s*(apiVersion|kind):/m.test(code) ? checkKubernetesManifests(code) : undefined;
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
  'shell-session': (code) => checkShell(sessionCommands(code)),
  dockerfile: checkDockerfile,
};

export async function checkSnippet(lang: string, code: string): Promise<SnippetFailure | undefined> {
  const checker = snippetChecker(lang);
  return checker ? checkers[checker](code) : undefined;
}

export async function checkFences(file: string, fences: readonly Fence[]): Promise<Problem[]> {
  const checked = fences.filter((fence) => metaAttribute(fence.meta, 'nocheck') === undefined);
  const failures = await mapLimited(checked, 4, (fence) => {
    // A diff-notation block is checked as the code after the change: removed lines become blank
    // (keeping line numbers), and the notation comments go.
    const after = fence.code
      .split('\n')
      .map((l) => (/\[!code --\]/.test(l) ? '' : l.replace(/\s*(#|\/\/|--|;)\s*\[!code [^\]]+\]\s*$/, '')))
      .join('\n');
    return checkSnippet(fence.lang, after);
  });
  return checked.flatMap((fence, i): Problem[] => {
    const failure = failures[i];
    if (!failure) return [];
    // The fence's first code line is the line after the opening backticks.
    return [
      {
        file,
        line: fence.line + (failure.line ?? 0),
        subject: `\`\`\`${fence.lang} fence`,
        message:
          `${failure.message.replace(/\.+$/, '')}. Fix the snippet, or if it is deliberately partial add ` +
          `nocheck="why" to the fence's first line.`,
        severity: 'error',
      },
    ];
  });
}
