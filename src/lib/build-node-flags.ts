/**
 * V8 flags for the Node process that runs `astro build` (scripts/build.ts starts it). V8 flags
 * are process-wide, so the render and preview-image worker threads get them too.
 *
 * Why: with nothing set, V8 sizes its heap limit from the machine's memory (4 GB here) and, for
 * a limit that large, lets the old generation grow to four times what was live after the last
 * full collection before it collects again. The build's live heap is a few hundred MB per
 * thread, so most of the resident memory was garbage waiting for a collection.
 * `--heap-growing-percent=50` collects when the heap has grown by half instead. It sets no
 * ceiling, so a bigger site cannot run out of heap because of it (an `--max-old-space-size`
 * small enough to have the same effect would be a ceiling). Measured at 1,000 articles: see the
 * README's Performance section.
 */
export const BUILD_V8_FLAGS: readonly string[] = ['--heap-growing-percent=50'];

/**
 * The Node arguments for the build's Astro process: this process's own (`execArgv`), then each
 * of BUILD_V8_FLAGS that neither they nor NODE_OPTIONS already set, so a flag given by hand wins.
 */
export function buildNodeArgs(execArgv: readonly string[], nodeOptions = ''): string[] {
  const given = [...execArgv, ...nodeOptions.split(/\s+/)].map((arg) => arg.split('=')[0]);
  return [...execArgv, ...BUILD_V8_FLAGS.filter((flag) => !given.includes(flag.split('=')[0]))];
}
