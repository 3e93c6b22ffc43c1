/**
 * Reads `astro build`'s log as it streams and keeps it readable at any size: the
 * per-route lines ("├─ /articles/x/index.html (+8ms)", one per page, 10,000 at 10,000
 * articles) are counted instead of printed, and the build's phases are timed from the
 * lines that start and end them, so the log ends with one summary line per phase.
 * Pure: the caller feeds lines with their arrival time. Used by scripts/build.ts.
 */

export const PHASES = ['check', 'sync', 'bundle', 'pages', 'render', 'index'] as const;
export type Phase = (typeof PHASES)[number];

export interface RenderStats {
  rendered: number;
  cached: number;
  /** Time spent rendering or reading the cache, during page generation. */
  ms: number;
}

export function formatRenderStats(stats: RenderStats): string {
  return `render: ${stats.rendered} article bodies rendered, ${stats.cached} from the cache, ${(stats.ms / 1000).toFixed(1)} s`;
}
const RENDER_LINE = /render: (\d+) article bodies rendered, (\d+) from the cache, ([\d.]+) s/;

/** The log line that ends each phase (a phase starts where the previous one ended). */
const PHASE_ENDS: Array<[Phase, RegExp]> = [
  ['check', /\[kb:content-check\] content check:/],
  ['sync', /\[build\] Building static entrypoints/],
  ['bundle', / generating static routes /],
  ['pages', /✓ Completed in /],
  ['index', /\[kb:search-index\] search index:/],
];
const ROUTE_LINE = /^(?:\S+ )?\s+[├└]─ /;
const ROUTE_MARK = /[├└]─ /g;
/** Astro's incremental build ends the entry of a page it copied from the last build so. */
const REUSED_ROUTE = /\((?:cached|restored)\)/g;
/**
 * With build.concurrency above 1, Astro writes a page's entry in two parts while other pages
 * are generated, so entries share a line (`├─ /a.html05:55:18   ├─ /b.md (restored)`) and a
 * page's render time can arrive on a line of its own (` (+66ms) `).
 */
const ROUTE_TIME_ONLY = /^\s*\(\+[\d.]+\s*m?s\)/;
// eslint-disable-next-line no-control-regex -- colour codes are what we strip
const ANSI = /\u001b\[[0-9;]*m/g;

export interface PhaseReport {
  /** Seconds per phase, for the phases seen (render is part of pages). */
  phases: Partial<Record<Phase, number>>;
  routes: number;
  /** Routes copied from the previous build (Astro's incremental build) instead of rendered. */
  reused: number;
  /** Article bodies rendered, and read from the render cache. */
  rendered: number;
  cached: number;
  total: number;
}

export class BuildLogReader {
  readonly #start: number;
  #phaseStart: number;
  #next = 0;
  #routes = 0;
  #reused = 0;
  readonly phases: Partial<Record<Phase, number>> = {};
  rendered = 0;
  cached = 0;

  constructor(startMs: number) {
    this.#start = startMs;
    this.#phaseStart = startMs;
  }

  /** The text to print for this line (undefined: print nothing). */
  feed(rawLine: string, nowMs: number): string | undefined {
    const line = rawLine.replace(ANSI, '');
    if (ROUTE_LINE.test(line)) {
      this.#routes += line.match(ROUTE_MARK)!.length;
      this.#reused += line.match(REUSED_ROUTE)?.length ?? 0;
      return undefined;
    }
    if (ROUTE_TIME_ONLY.test(line)) return undefined;
    const render = RENDER_LINE.exec(line);
    if (render) {
      // Part of the pages phase, reported on its own.
      this.phases.render = Number(render[3]);
      this.rendered = Number(render[1]);
      this.cached = Number(render[2]);
    }
    const expected = PHASE_ENDS[this.#next];
    if (expected && expected[1].test(line)) {
      this.phases[expected[0]] = (nowMs - this.#phaseStart) / 1000;
      this.#phaseStart = nowMs;
      this.#next += 1;
      if (expected[0] === 'pages') return `${rawLine.trimEnd()} (${routeCount(this.#routes, this.#reused)})`;
    }
    return rawLine;
  }

  report(nowMs: number): PhaseReport {
    return {
      phases: { ...this.phases },
      routes: this.#routes,
      reused: this.#reused,
      rendered: this.rendered,
      cached: this.cached,
      total: (nowMs - this.#start) / 1000,
    };
  }
}

export function formatPhases(report: PhaseReport): string {
  const seconds = (p: Phase) => `${report.phases[p]!.toFixed(1)} s`;
  const parts = PHASES.filter((p) => report.phases[p] !== undefined).map((p) =>
    // Rendering happens while pages are generated: show it as part of that phase.
    p === 'render'
      ? `(render ${seconds(p)}: ${report.rendered} rendered, ${report.cached} cached)`
      : `${p} ${seconds(p)}`,
  );
  return `build phases: ${[...parts, `total ${report.total.toFixed(1)} s`].join(' · ')} (${routeCount(report.routes, report.reused)})`;
}

const routeCount = (routes: number, reused: number) =>
  reused ? `${routes} routes, ${reused} reused from the last build` : `${routes} routes`;
