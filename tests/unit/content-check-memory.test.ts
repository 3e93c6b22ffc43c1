import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/checks/content/index.ts';

// What the check keeps of each article must not hold on to the article's file: the parsers'
// strings are slices of the source (or long chains of concatenations), and the check keeps the
// facts of every article until it ends, so at 10,000 articles every file stayed in memory (2 GB).
// A byte budget, not a timing: the heap the result holds, after a full garbage collection.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VOCABULARY = join(ROOT, 'tests/fixtures/site');
const ARTICLES = 40;
// Under a million characters a file: Node makes longer file contents external strings, outside
// the heap that heapUsed counts.
const PADDING_LINES = 6_000;

let dir: string;
let cacheSetting: string | undefined;
let sourceBytes = 0;

beforeAll(() => {
  // A cache hit is decoded from JSON (fresh strings), which would hide what a first check keeps.
  cacheSetting = process.env.KB_BUILD_CACHE;
  process.env.KB_BUILD_CACHE = 'off';
  dir = mkdtempSync(join(tmpdir(), 'kb-check-memory-'));
  mkdirSync(join(dir, 'warm-up/articles'), { recursive: true });
  mkdirSync(join(dir, 'padded/articles'), { recursive: true });
  const article = readFileSync(join(VOCABULARY, 'articles/punctuation-title.md'), 'utf8');
  writeFileSync(join(dir, 'warm-up/articles/warm-up.md'), article);
  // About 370,000 characters of body per file; the "é" makes V8 store the source as two bytes a character.
  const padding = '\nA long paragraph about clusters, modules and policies, café.\n'.repeat(PADDING_LINES);
  for (let i = 0; i < ARTICLES; i++) {
    const source = `${article}${padding}`;
    writeFileSync(join(dir, 'padded/articles', `padded-${i}.md`), source);
    sourceBytes += source.length * 2;
  }
});

afterAll(() => {
  if (cacheSetting === undefined) delete process.env.KB_BUILD_CACHE;
  else process.env.KB_BUILD_CACHE = cacheSetting;
  rmSync(dir, { recursive: true, force: true });
});

describe('content check memory', () => {
  it('keeps a few kilobytes per article, not the article files', async () => {
    const check = (folder: string) =>
      checkContent({
        contentDir: join(dir, folder),
        vocabularyDir: VOCABULARY,
        staleAfterMonths: 12,
        snippets: false,
        spelling: false,
        today: new Date('2026-11-26T00:00:00Z'),
      });
    // Loads the parsers and their tables, which stay. Other files: checking the same files twice
    // keeps less the second time, which would hide what a first check keeps.
    await check('warm-up');
    gc();
    const before = process.memoryUsage().heapUsed;
    const result = await check('padded');
    gc();
    const held = process.memoryUsage().heapUsed - before;
    expect(result.problems).toEqual([]);
    expect(result.articles).toHaveLength(ARTICLES);
    expect(result.articles[0]!.data.topic).toBe('platform-and-practice');
    // The files are 40 × 0.75 MB in memory; what is kept of them is frontmatter, ids and links.
    expect(sourceBytes).toBeGreaterThan(25_000_000);
    expect(held).toBeLessThan(3_000_000);
  });
});
