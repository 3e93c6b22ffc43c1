import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyOutputDir } from '../../src/integrations/output-dir.ts';

describe('emptying the output folder', () => {
  it('leaves it empty but for .git, and deletes the old contents (and a killed build’s) in the background', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kb-outdir-'));
    const dist = join(root, 'dist');
    mkdirSync(join(dist, 'articles', 'a'), { recursive: true });
    writeFileSync(join(dist, 'articles', 'a', 'index.html'), 'old page');
    mkdirSync(join(dist, '.git'));
    writeFileSync(join(dist, '.git', 'HEAD'), 'ref: refs/heads/gh-pages');
    mkdirSync(join(root, '.dist-old-1-2'));
    writeFileSync(join(root, 'keep.txt'), 'not ours');
    const { deleted } = await emptyOutputDir(dist);
    expect(readdirSync(dist)).toEqual(['.git']);
    expect(existsSync(join(dist, '.git', 'HEAD'))).toBe(true);
    await deleted;
    expect(readdirSync(root).sort()).toEqual(['dist', 'keep.txt']);
  });

  it('creates a folder that is not there yet', async () => {
    const dist = join(mkdtempSync(join(tmpdir(), 'kb-outdir-')), 'out');
    await (
      await emptyOutputDir(dist)
    ).deleted;
    expect(readdirSync(dist)).toEqual([]);
  });
});
