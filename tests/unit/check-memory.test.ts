// A build runs the content check inside Astro's process and then renders every page there:
// what the check keeps for a next run (cspell's dictionaries, its memos) is let go after it.
// Dev checks again on every save, so it keeps them.
import { describe, expect, it } from 'vitest';
import { contentCheck } from '../../src/integrations/content-check.ts';
import { releaseCheckMemory } from '../../src/checks/content/index.ts';
import { checkSpelling, loadSpellingDictionary } from '../../src/checks/content/spelling.ts';

const runHook = async (command: 'build' | 'dev') => {
  const setup = contentCheck({
    contentDir: 'tests/fixtures/broken/date-not-on-calendar',
    vocabularyDir: 'tests/fixtures/site',
    staleAfterMonths: 12,
  }).hooks['astro:config:setup']!;
  const logger = { info: () => undefined, warn: () => undefined };
  return setup({ command, logger } as never);
};

describe('memory the content check keeps', () => {
  it('is let go after a build’s check, even one that fails', async () => {
    const loaded = loadSpellingDictionary();
    await expect(runHook('build')).rejects.toThrow('Content check failed');
    expect(loadSpellingDictionary()).not.toBe(loaded);
  }, 60_000);

  it('is kept after a dev check', async () => {
    const loaded = loadSpellingDictionary();
    await runHook('dev');
    expect(loadSpellingDictionary()).toBe(loaded);
  }, 60_000);

  it('is loaded again by the next check, which finds the same misspelling', async () => {
    const text = 'A recieved message.';
    const range = [{ start: 0, end: text.length }];
    const list = { words: new Set<string>(), shownAs: 'words.txt' };
    const first = await checkSpelling('a.md', text, range, list);
    releaseCheckMemory();
    expect(await checkSpelling('a.md', text, range, list)).toEqual(first);
    expect(first.map((p) => p.message.split("'")[1])).toEqual(['recieved']);
  }, 60_000);
});
