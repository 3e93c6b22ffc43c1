/**
 * The content problems the dev server's page panel shows, shared between the
 * dev-feedback integration (which writes them after each check on save) and the page
 * (src/components/dev-feedback/), which reads them on every request. A store on
 * globalThis rather than a virtual module: Astro renders dev pages in Vite's module
 * runner inside the same process, and a module the runner has evaluated would keep
 * serving the problems of its first evaluation to the pages that imported it.
 */

export interface PanelProblem {
  line: number;
  severity: 'error' | 'warning';
  subject?: string;
  message: string;
  /** The whole `file:line subject: problem; fix` line, as the terminal prints it. */
  text: string;
  /** The internal link the problem is about (its href), for the page to find. */
  link?: string;
  /** Id of the section heading above the line, when the page has it. */
  anchor?: string;
  /** The file cannot be rendered at all (MDX or YAML syntax): the page shows the error overlay. */
  fatal: boolean;
}

const KEY = Symbol.for('kb:dev-problems');

/** Absolute file path → its problems (absent when it has none). */
export function devProblemStore(): Map<string, PanelProblem[]> {
  const global = globalThis as { [KEY]?: Map<string, PanelProblem[]> };
  return (global[KEY] ??= new Map());
}
