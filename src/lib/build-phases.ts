/**
 * Reads `astro build`'s log as it streams and keeps it readable at any size: the
 * per-route lines ("├─ /articles/x/index.html (+8ms)", one per page, 10,000 at 10,000
 * articles) are counted instead of printed, and the build's phases are timed from the
 * lines that start and end them, so the log ends with one summary line per phase.
 * Pure: the caller feeds lines with their arrival time. Used by scripts/build.ts.
 */

export const PHASES = ['check', 'sync', 'bundle', 'pages', 'index'] as const;
export type Phase = (typeof PHASES)[number];

/** The log line that ends each phase (a phase starts where the previous one ended). */
const PHASE_ENDS: Array<[Phase, RegExp]> = [
  ['check', /\[kb:content-check\] content check:/],
  ['sync', /\[build\] Building static entrypoints/],
  ['bundle', / generating static routes /],
  ['pages', /✓ Completed in /],
  ['index', /\[kb:search-index\] search index:/],
];
const ROUTE_LINE = /^(?:\S+ )?\s+[├└]─ /;
// eslint-disable-next-line no-control-regex -- colour codes are what we strip
const ANSI = /\u001b\[[0-9;]*m/g;

export interface PhaseReport {
  /** Seconds per phase, for the phases seen. */
  phases: Partial<Record<Phase, number>>;
  routes: number;
  total: number;
}

export class BuildLogReader {
  readonly #start: number;
  #phaseStart: number;
  #next = 0;
  #routes = 0;
  readonly phases: Partial<Record<Phase, number>> = {};

  constructor(startMs: number) {
    this.#start = startMs;
    this.#phaseStart = startMs;
  }

  /** The text to print for this line (undefined: print nothing). */
  feed(rawLine: string, nowMs: number): string | undefined {
    const line = rawLine.replace(ANSI, '');
    if (ROUTE_LINE.test(line)) {
      this.#routes += 1;
      return undefined;
    }
    const expected = PHASE_ENDS[this.#next];
    if (expected && expected[1].test(line)) {
      this.phases[expected[0]] = (nowMs - this.#phaseStart) / 1000;
      this.#phaseStart = nowMs;
      this.#next += 1;
      if (expected[0] === 'pages') return `${rawLine.trimEnd()} (${this.#routes} routes)`;
    }
    return rawLine;
  }

  report(nowMs: number): PhaseReport {
    return { phases: { ...this.phases }, routes: this.#routes, total: (nowMs - this.#start) / 1000 };
  }
}

export function formatPhases(report: PhaseReport): string {
  const parts = PHASES.filter((p) => report.phases[p] !== undefined).map(
    (p) => `${p} ${report.phases[p]!.toFixed(1)} s`,
  );
  return `build phases: ${[...parts, `total ${report.total.toFixed(1)} s`].join(' · ')} (${report.routes} routes)`;
}
