import { mkdtempSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleCard, cardKey, cardTree, titleSize, type PreviewCard } from '../../src/lib/preview-image.ts';
import { cardSvg, renderCard } from '../../src/integrations/preview-images/render.ts';
import { cacheFile, drawMissing } from '../../src/integrations/preview-images/index.ts';

const HOSTILE = "<script>alert('owned')</script> stays text";
const card = (title: string): PreviewCard =>
  articleCard({ title, topicLabel: 'Kubernetes', level: 'beginner', siteName: 'DevOps Knowledge Base' });
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('preview card', () => {
  it('holds the title, topic, level and site name as plain strings', () => {
    const text = JSON.stringify(cardTree(card(HOSTILE)));
    for (const part of [HOSTILE, 'Kubernetes', 'Beginner', 'DevOps Knowledge Base'])
      expect(text).toContain(JSON.stringify(part).slice(1, -1));
  });
  it('steps long titles down so they stay inside the card', () => {
    expect(titleSize('short')).toBeGreaterThan(titleSize('x'.repeat(60)));
    expect(titleSize('x'.repeat(60))).toBeGreaterThan(titleSize('x'.repeat(90)));
  });
  it('keys the cache on everything that changes the pixels', () => {
    expect(cardKey(card('A title'))).toBe(cardKey(card('A title')));
    expect(cardKey(card('A title'))).not.toBe(cardKey(card('B title')));
    expect(cardKey(card('A title'))).not.toBe(cardKey({ ...card('A title'), badge: 'Advanced' }));
  });
});

describe('renderCard', () => {
  it('draws a 1200×630 PNG, with a <script> title as glyph outlines only', async () => {
    const svg = await cardSvg(card(HOSTILE));
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('owned');
    const png = await renderCard(card(HOSTILE));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });
});

describe('drawMissing', () => {
  it('removes the half-drawn files a build that did not finish left, and no running build’s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-og-'));
    // pid 2^22 + 1 is above Linux's pid_max, so no process has it.
    writeFileSync(join(dir, `abc.png.${2 ** 22 + 1}.tmp`), 'half');
    writeFileSync(join(dir, `def.png.${process.ppid}.tmp`), 'being written');
    await drawMissing([], dir);
    expect(readdirSync(dir)).toEqual([`def.png.${process.ppid}.tmp`]);
  });

  it('draws each card once and nothing on a rebuild with the same inputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-og-'));
    expect(await drawMissing([card('One title'), card('Two title'), card('One title')], dir)).toEqual({
      drawn: 2,
      cached: 1,
      workers: 0,
    });
    const first = readFileSync(cacheFile(card('One title'), dir));
    expect(await drawMissing([card('One title'), card('Two title')], dir)).toEqual({ drawn: 0, cached: 2, workers: 0 });
    expect(await drawMissing([card('One title'), card('Three title')], dir)).toMatchObject({ drawn: 1, cached: 1 });
    expect(readFileSync(cacheFile(card('One title'), dir)).equals(first)).toBe(true);
    expect(first.equals(readFileSync(cacheFile(card('Two title'), dir)))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('splits a large batch across worker threads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-og-'));
    const cards = Array.from({ length: 14 }, (_, i) => card(`Article number ${i}`));
    const stats = await drawMissing(cards, dir);
    expect(stats.drawn).toBe(14);
    expect(stats.workers).toBeGreaterThan(0);
    for (const c of cards) expect(pngSize(readFileSync(cacheFile(c, dir)))).toEqual({ width: 1200, height: 630 });
  }, 60_000);
});
