/**
 * V8 flags for the Node process that runs `astro build` (scripts/build.ts starts it). V8 flags
 * are process-wide, so the render and preview-image worker threads get them too.
 *
 * Why: with nothing set, V8 sizes its heap from the machine's memory (a 4 GB limit here), and a
 * heap that large is let grow far past what is live. Two things, per thread:
 * - the young generation grows to 128 MB (64 MB semi-spaces); `--max-semi-space-size=8` keeps
 *   it at 16 MB. Most of the build's short-lived objects (a page's strings, a body's tree) die
 *   in it either way; the render worker's heap went from ~180 to ~60 MB.
 * - the old generation may grow to four times what was live after the last full collection;
 *   `--heap-growing-percent=50` collects when it has grown by half instead.
 * Neither sets a ceiling on the heap, so a bigger site cannot run out of heap because of them
 * (an `--max-old-space-size` small enough to have the same effect would be one). Measured at
 * 1,000 articles: see the README's Performance section.
 */
export const BUILD_V8_FLAGS: readonly string[] = ['--max-semi-space-size=8', '--heap-growing-percent=50'];

/**
 * The Node arguments for the build's Astro process: this process's own (`execArgv`), then each
 * of BUILD_V8_FLAGS that neither they nor NODE_OPTIONS already set, so a flag given by hand wins.
 */
export function buildNodeArgs(execArgv: readonly string[], nodeOptions = ''): string[] {
  const given = [...execArgv, ...nodeOptions.split(/\s+/)].map((arg) => arg.split('=')[0]);
  return [...execArgv, ...BUILD_V8_FLAGS.filter((flag) => !given.includes(flag.split('=')[0]))];
}
