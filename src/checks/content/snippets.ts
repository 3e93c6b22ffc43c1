/**
 * Checks that each fenced snippet parses in its language, so readers never copy code
 * that cannot work. Parsers are the languages' own where we can reach them (HashiCorp's
 * HCL parser compiled to WebAssembly, Python's ast, bash -n and shellcheck); YAML, JSON, TOML and
 * Dockerfiles use well-kept parsers, and Kubernetes manifests are checked against the API schema.
 * A fence opts out with nocheck="reason".
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { SnippetResults, type SnippetFailure } from './snippet-results.ts';

export type { SnippetFailure } from './snippet-results.ts';

type Checker = (code: string) => Promise<SnippetFailure | undefined> | SnippetFailure | undefined;

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}
const shellcheckAvailable = hasCommand('shellcheck');

/** How many parser processes of each kind run at once: one per core. */
export const POOL_SIZE = Math.max(1, availableParallelism());

/**
 * A long-lived helper process that answers one line per request line, in order.
 * Starting a process costs 10–30 ms (python3 ~30 ms, shellcheck ~100 ms); per snippet
 * that would dominate the check of a large site, so each kind runs POOL_SIZE of these
 * for the whole check and requests go to the least busy one.
 */
class LineServer {
  readonly #waiting: Array<(answer: string | undefined) => void> = [];
  readonly #child: ChildProcessWithoutNullStreams;
  #dead = false;

  constructor(command: string, args: string[]) {
    this.#child = spawn(command, args);
    this.#child.on('error', () => this.#fail());
    this.#child.on('close', () => this.#fail());
    this.#child.stdin.on('error', () => this.#fail());
    createInterface({ input: this.#child.stdout }).on('line', (answer) => this.#waiting.shift()?.(answer));
  }

  #fail(): void {
    // Not installed, or it died: every pending and later request gets no answer (not checked).
    this.#dead = true;
    this.#waiting.splice(0).forEach((resolve) => resolve(undefined));
  }

  get pending(): number {
    return this.#dead ? Number.POSITIVE_INFINITY : this.#waiting.length;
  }

  ask(line: string): Promise<string | undefined> {
    if (this.#dead) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.#waiting.push(resolve);
      this.#child.stdin.write(`${line}\n`);
    });
  }

  close(): void {
    this.#child.stdin.end();
  }
}

class ServerPool {
  #servers: LineServer[] = [];
  readonly #command: string;
  readonly #args: string[];
  constructor(command: string, args: string[]) {
    this.#command = command;
    this.#args = args;
  }

  ask(line: string): Promise<string | undefined> {
    if (this.#servers.length < POOL_SIZE && !this.#servers.some((s) => s.pending === 0))
      this.#servers.push(new LineServer(this.#command, this.#args));
    const server = this.#servers.reduce((best, s) => (s.pending < best.pending ? s : best));
    return server.ask(line);
  }

  close(): void {
    this.#servers.forEach((s) => s.close());
    this.#servers = [];
  }
}

/** One python3 per pool slot, answering a JSON line per snippet. */
const PYTHON_SERVER = [
  'import ast, json, sys',
  'for line in sys.stdin:',
  '    try:',
  '        ast.parse(json.loads(line))',
  '        print("null", flush=True)',
  '    except SyntaxError as e:',
  '        print(json.dumps([e.lineno, e.msg]), flush=True)',
].join('\n');

/**
 * One bash per pool slot reads two lines per snippet, the name of a file to write and the code
 * (backslashes doubled, newlines as \n, which printf %b turns back), writes the file, and answers
 * with `bash -n`'s status and message on one line. The shell writes the file that shellcheck reads
 * later, so Node does no file I/O per snippet: written from Node, synchronously or not, the files
 * were 3.8–5.6 s of main-thread time at 1,000 articles (lead's and our --cpu-prof). The `bash -n` it
 * runs is a fork of an already-running shell (~1 ms), not a process started from Node.
 */
const BASH_SERVER = [
  'while IFS= read -r f && IFS= read -r code; do',
  '  printf \'%b\' "$code" > "$f"',
  '  out=$(bash -n "$f" 2>&1); status=$?',
  "  out=${out//$'\\n'/ }",
  '  printf \'%s %s\\n\' "$status" "$out"',
  'done',
].join('\n');

const python = new ServerPool('python3', ['-c', PYTHON_SERVER]);
const bash = new ServerPool('bash', ['-c', BASH_SERVER]);

let tempDir: string | undefined;
let tempCount = 0;
/** A new name in the check's temporary folder, for a snippet the bash server writes. */
function snippetFileName(): string {
  tempDir ??= mkdtempSync(join(tmpdir(), 'kb-snippets-'));
  return join(tempDir, `s${tempCount++}.sh`);
}

/** The code as one line for printf %b: only backslashes and newlines are escaped, so nothing else is interpreted. */
export function printfLine(code: string): string {
  return code.replace(/\\/g, '\\\\').replace(/\r?\n/g, (nl) => (nl === '\n' ? '\\n' : '\\r\\n'));
}

/**
 * One bash per pool slot runs shellcheck over a batch of snippet files per request line (the
 * names tab-separated) and answers with its gcc-format output on one line, the lines joined by
 * \x1f. Node starts no process per batch: at 1,000 articles spawn() from the build's large
 * process was 2.9 s of main-thread time (lead's --cpu-prof); a fork of this small shell is cheap.
 */
const SHELLCHECK_SERVER = [
  'while IFS= read -r line; do',
  '  IFS=$\'\\t\' read -r -a files <<< "$line"',
  '  out=$(shellcheck --shell=bash --severity=error --format=gcc "${files[@]}" 2>/dev/null)',
  "  printf '%s\\n' \"${out//$'\\n'/$'\\x1f'}\"",
  'done',
].join('\n');

const shellcheck = new ServerPool('bash', ['-c', SHELLCHECK_SERVER]);

/**
 * shellcheck's gcc-format output for a batch, as the lines of each file (`line:column: message`),
 * in the order of `files`; a file with nothing to report gets none.
 */
export function lintLinesByFile(output: string, files: readonly string[]): string[][] {
  const byFile = new Map<string, string[]>();
  for (const line of output.split(/[\n\x1f]/)) {
    const at = line.indexOf(':');
    if (at > 0) byFile.set(line.slice(0, at), [...(byFile.get(line.slice(0, at)) ?? []), line.slice(at + 1)]);
  }
  return files.map((file) => byFile.get(file) ?? []);
}

/**
 * shellcheck takes many files per run, so snippets are batched: a run starts when BATCH
 * snippets wait or when none has arrived for GATHER_MS, with at most POOL_SIZE runs at
 * once. shellcheck itself takes ~100 ms to start, so one run per snippet would cost more
 * than the checking.
 */
const BATCH = 64;
const GATHER_MS = 30;
const lintQueue: Array<{ file: string; resolve: (lines: string[]) => void }> = [];
let lintRunning = 0;
let gather: NodeJS.Timeout | undefined;
function lint(file: string): Promise<string[]> {
  return new Promise((resolve) => {
    lintQueue.push({ file, resolve });
    if (lintQueue.length >= BATCH) pumpLint();
    else {
      clearTimeout(gather);
      gather = setTimeout(() => {
        gather = undefined;
        pumpLint(true);
      }, GATHER_MS);
    }
  });
}
function pumpLint(flush = false): void {
  while (lintRunning < POOL_SIZE && (lintQueue.length >= BATCH || (flush && lintQueue.length))) {
    const batch = lintQueue.splice(0, BATCH);
    lintRunning += 1;
    void shellcheck.ask(batch.map((b) => b.file).join('\t')).then((answer) => {
      lintRunning -= 1;
      const lines = lintLinesByFile(
        answer ?? '',
        batch.map((b) => b.file),
      );
      batch.forEach((b, i) => b.resolve(lines[i]!));
      // A partial batch goes only once the gathering time is over (no timer pending).
      pumpLint(gather === undefined);
    });
  }
}

async function checkShell(code: string): Promise<SnippetFailure | undefined> {
  // A snippet's own first line is never a shebang, but shellcheck reads a leading comment such
  // as `# /srv/app is empty` as one (SC2096); give it a real one and shift lines back.
  const file = snippetFileName();
  const answer = await bash.ask(`${file}\n${printfLine(`#!/usr/bin/env bash\n${code}`)}`);
  if (answer !== undefined && !answer.startsWith('0 ')) {
    const stderr = answer.slice(answer.indexOf(' ') + 1);
    const line = /line (\d+):/.exec(stderr)?.[1];
    return {
      line: line ? Number(line) - 1 : undefined,
      message: `bash -n: ${stderr
        .trim()
        .replace(/^\S+: (line \d+: )?/, '')
        .replace(/ \S+: line \d+: /g, ' ')}`,
    };
  }
  // A writer's machine may lack shellcheck (the lint is then skipped); CI must never skip it.
  if (!shellcheckAvailable && process.env.CI)
    return { message: 'shellcheck is not installed, and CI lints every shell snippet with it (.ci/run installs it)' };
  if (shellcheckAvailable) {
    const problems = await lint(file);
    const first = problems.length ? /^(\d+):\d+: (.*)$/.exec(problems[0]!) : undefined;
    if (problems.length)
      return { line: first ? Number(first[1]) - 1 : undefined, message: `shellcheck: ${first?.[2] ?? problems[0]}` };
  }
  return undefined;
}

async function checkPython(code: string): Promise<SnippetFailure | undefined> {
  const answer = await python.ask(JSON.stringify(code));
  if (answer === undefined) return undefined; // no python3 on this machine
  const failure = JSON.parse(answer) as [number, string] | null;
  return failure ? { line: failure[0] || undefined, message: `Python: ${failure[1]}` } : undefined;
}

/** Ends the helper processes and temporary files a check started; call when a check run is over. */
export function closeSnippetCheckers(): void {
  python.close();
  bash.close();
  shellcheck.close();
  // Removed in the background: thousands of small files, and nothing waits for them.
  if (tempDir) void rm(tempDir, { recursive: true, force: true });
  tempDir = undefined;
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

/** For callers that pass none: remembered for the process, never on disk. */
const processResults = new SnippetResults();

/**
 * The problems of a file's fences. `results` remembers each (checker, code) already checked, so
 * an identical snippet elsewhere is not parsed again (snippet-results.ts).
 */
export async function checkFences(
  file: string,
  fences: readonly Fence[],
  results: SnippetResults = processResults,
): Promise<Problem[]> {
  const checked = fences.filter((fence) => metaAttribute(fence.meta, 'nocheck') === undefined);
  // All at once: the parser pools bound the processes, and a full queue lets shellcheck take big batches.
  const failures = await mapLimited(checked, checked.length, (fence) => {
    // A diff-notation block is checked as the code after the change: removed lines become blank
    // (keeping line numbers), and the notation comments go.
    const after = fence.code
      .split('\n')
      .map((l) => (/\[!code --\]/.test(l) ? '' : l.replace(/\s*(#|\/\/|--|;)\s*\[!code [^\]]+\]\s*$/, '')))
      .join('\n');
    const checker = snippetChecker(fence.lang);
    return checker ? results.get(checker, after, () => checkers[checker](after)) : Promise.resolve(undefined);
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
          `${failure.message.replace(/\.+$/, '')}. ` +
          'Fix the snippet, or if it is deliberately partial add nocheck="why" to the fence\'s first line.',
        severity: 'error',
      },
    ];
  });
}
