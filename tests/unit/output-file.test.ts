import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeParts } from '../../src/data/output-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'kb-output-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeParts', () => {
  it('writes every part in order, as UTF-8, into a new folder, and is done when it resolves', async () => {
    // Far more than a write stream buffers (16 KB), so the writes wait for it to drain.
    const parts = Array.from({ length: 2_000 }, (_, i) => `## Article ${i} – “café” ${'x'.repeat(500)}\n`);
    async function* slowly() {
      for (const part of parts) {
        await Promise.resolve();
        yield part;
      }
    }
    const file = join(dir, 'nested/llms-full.txt');
    await writeParts(file, slowly());
    expect(readFileSync(file, 'utf8')).toBe(parts.join(''));
  });

  it('writes an empty file for no parts', async () => {
    const file = join(dir, 'empty.txt');
    await writeParts(file, []);
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});
