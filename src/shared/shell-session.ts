/**
 * What a shell session block (```console) means, for the three places that must agree:
 * the code-frame transformer marks prompts and output in the HTML (src/markdown/code-frame.ts),
 * the copy button leaves what it marked out (src/client/code-blocks.ts), and the snippet
 * check runs exactly the commands a reader would copy (src/checks/content/snippets.ts).
 *
 * A command line starts with the prompt `$ `; a line after one ending in a backslash
 * continues it (and is never read for a prompt); every other line is output.
 *
 * Only `$ ` is a prompt. `# ` (a root prompt in some shells) is left out because in a
 * session it reads as a comment or as output such as `# HELP` lines, and writers show root
 * commands as `$ sudo …`. `PS> ` and `>>> ` are prompts of other languages (PowerShell, the
 * Python REPL): those sessions are not bash, so the bash check must not run them.
 */
export const PROMPT = '$ ';

/** Classes the build puts on a prompt and on an output line, which the copy button leaves out. */
export const PROMPT_CLASS = 'prompt';
export const OUTPUT_CLASS = 'output';

export interface SessionLine {
  /** True for a command line or its continuation; false for output. */
  command: boolean;
  /** The prompt that starts the line ('' when none). */
  prompt: string;
}

export function sessionLines(lines: readonly string[]): SessionLine[] {
  let continues = false;
  return lines.map((line) => {
    const prompt = !continues && line.startsWith(PROMPT) ? PROMPT : '';
    const command = continues || prompt !== '';
    continues = command && /\\\s*$/.test(line);
    return { command, prompt };
  });
}

/** The commands of a session without their prompts; output lines become blank, keeping line numbers. */
export function sessionCommands(code: string): string {
  const lines = code.split('\n');
  const kinds = sessionLines(lines);
  return lines.map((line, i) => (kinds[i]!.command ? line.slice(kinds[i]!.prompt.length) : '')).join('\n');
}
