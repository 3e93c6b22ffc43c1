import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Real renders on both sides (no disk cache), set before the modules and workers read it.
process.env.KB_BUILD_CACHE = 'off';
const { renderFile } = await import('../../src/data/render-markdown.ts');
const { RenderPool, renderWorkerCount, RENDER_WORKER_THRESHOLD } = await import('../../src/data/render-pool.ts');

const dir = resolve('content/articles');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => join(dir, f));
const stats = { rendered: 0, cached: 0, ms: 0 };
const pool = new RenderPool(files, 1, stats);
afterAll(() => pool.close());

describe('rendering article bodies in worker threads', () => {
  it('gives exactly what rendering in the page thread gives, for every real article', async () => {
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      expect(await pool.render(file), file).toEqual(await renderFile(file));
    }
    expect(stats.rendered).toBe(files.length);
  });

  it('renders the next articles ahead of the page asking, and no further', () => {
    const ahead = new RenderPool(files, 2, { rendered: 0, cached: 0, ms: 0 });
    void ahead.render(files[0]!);
    // The asked-for article and 4 per worker after it (capped at the list's end).
    expect(ahead.requested).toBe(Math.min(files.length, 1 + 8));
    void ahead.render(files[1]!);
    expect(ahead.requested).toBe(Math.min(files.length, 2 + 8));
    return ahead.close();
  });

  it('starts at the page asking when the pages before it were skipped (an incremental build)', () => {
    const skipped = new RenderPool(files, 1, { rendered: 0, cached: 0, ms: 0 });
    const last = files.length - 1;
    void skipped.render(files[last]!);
    // Only the asked-for article: nothing before it, nothing after the end.
    expect(skipped.requested).toBe(1);
    void skipped.render(files[last - 5]!);
    expect(skipped.requested).toBe(2);
    return skipped.close();
  });

  it("passes a writer's error through from the worker", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kb-pool-')), 'bad.md');
    writeFileSync(file, '---\ntitle: x\n---\n\n![A diagram](./diagram.png)\n');
    await expect(pool.render(file)).rejects.toThrow(
      `${file}: image ./diagram.png is a relative path; put images in public/ and link them from the site root (/images/…)`,
    );
  });

  it('uses workers only for a large site, unless told', () => {
    expect(renderWorkerCount(10, undefined)).toBe(0);
    expect(renderWorkerCount(RENDER_WORKER_THRESHOLD, undefined)).toBeGreaterThanOrEqual(1);
    expect(renderWorkerCount(5000, '0')).toBe(0);
    expect(renderWorkerCount(10, '3')).toBe(3);
  });
});
