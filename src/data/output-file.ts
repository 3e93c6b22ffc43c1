/**
 * Output files too large to build in memory, written by their endpoint straight into the
 * build's output folder. Astro buffers an endpoint's whole response before writing it
 * (`Buffer.from(await response.arrayBuffer())` in its generate step), so even a streamed
 * Response held the whole file, twice over while it was copied: /llms-full.txt is 313 MB at
 * 10,000 articles, and writing it raised the build's RSS by 850 MB, to its peak (4.05 GB).
 * An endpoint that has written its file returns a Response without a body, which Astro skips
 * ("file not created, response body was empty"). In dev there is no output folder: the
 * endpoint streams its response as before.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';

const KEY = '__kbOutputDir';

/** Called by src/integrations/output-dir.ts when Astro's config is final (same process as the pages). */
export function setOutputDir(dir: string): void {
  (globalThis as { [KEY]?: string })[KEY] = dir;
}

/** Where a site path is written in a production build, or undefined (dev, or no build running). */
export function outputFilePath(sitePath: string): string | undefined {
  const dir = (globalThis as { [KEY]?: string })[KEY];
  return dir && !import.meta.env.DEV ? join(dir, sitePath) : undefined;
}

/** Writes the parts to `file` one at a time (UTF-8), so no more than one part is in memory. */
export async function writeParts(file: string, parts: AsyncIterable<string> | Iterable<string>): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const out = createWriteStream(file);
  for await (const part of parts) if (!out.write(part)) await once(out, 'drain');
  out.end();
  await finished(out);
}
