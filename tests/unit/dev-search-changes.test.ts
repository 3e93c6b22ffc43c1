// The dev search's merge of the base index and the changes index: which of the base's results
// are hidden after a save, how a merged response drops them, and how the client follows
// the server's manifest (src/shared/dev-search-changes.ts, src/client/dev-search.ts).
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { hideStale, mergedVocabulary, staleIds, type DevSearchChanges } from '../../src/shared/dev-search-changes.ts';
import { devSearch } from '../../src/client/dev-search.ts';
import { fragmentIdsByUrl } from '../../src/integrations/dev-search-index.ts';

const base = new Map([
  ['/articles/a/', ['en_a1']],
  ['/articles/b/', ['en_b1']],
  ['/articles/c/', ['en_c1']],
]);

describe('staleIds', () => {
  it("lists the base's ids of changed and deleted pages, and no others", () => {
    expect(staleIds(base, ['/articles/b/', '/articles/gone/', '/articles/a/'], new Set(['en_new']))).toEqual([
      'en_a1',
      'en_b1',
    ]);
  });
  it('keeps an id the changes index holds too (a page saved back to what the base has)', () => {
    expect(staleIds(base, ['/articles/a/', '/articles/b/'], new Set(['en_a1']))).toEqual(['en_b1']);
  });
});

describe('hideStale', () => {
  const response = {
    results: [{ id: 'en_b1' }, { id: 'en_b2' }, { id: 'en_a1' }, { id: 'en_a1' }],
    unfilteredResultCount: 4,
    filters: {},
  };
  it('drops hidden results and the second copy of the same page, and adjusts the count', () => {
    const shown = hideStale(response, new Set(['en_b1']));
    expect(shown.results).toEqual([{ id: 'en_b2' }, { id: 'en_a1' }]);
    expect(shown.unfilteredResultCount).toBe(2);
    expect(shown.filters).toBe(response.filters);
  });
  it('returns the response as it is when nothing is hidden or repeated', () => {
    const plain = { results: [{ id: 'x' }, { id: 'y' }], unfilteredResultCount: 2 };
    expect(hideStale(plain, new Set(['z']))).toBe(plain);
  });
});

it("mergedVocabulary keeps the base's order and adds the changed pages' new words at the end", () => {
  expect(mergedVocabulary(['kubernetes', 'terraform'], ['zorblax', 'terraform'])).toEqual([
    'kubernetes',
    'terraform',
    'zorblax',
  ]);
});

describe('fragmentIdsByUrl', () => {
  const fragment = (value: unknown) => gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify(value)}`));
  it('reads one page per fragment file, or a group of pages by hash', () => {
    const files = new Map<string, Uint8Array>([
      ['/fragment/en_a1.pf_fragment', fragment({ url: '/articles/a/', content: 'x' })],
      ['/fragment/en_g.pf_fragment', fragment({ en_b1: { url: '/articles/b/' }, en_c1: { url: '/articles/c/' } })],
      ['/pagefind.js', new Uint8Array([1, 2, 3])],
    ]);
    expect(fragmentIdsByUrl(files)).toEqual(base);
  });
});

describe('devSearch (the dev client)', () => {
  function fakeServer(manifest: DevSearchChanges, words: string[]) {
    const merged: string[][] = [];
    const state = { manifest, words };
    const server = {
      state,
      merged,
      fetch: (async (input: string) =>
        new Response(
          JSON.stringify(input.endsWith('kb-dev-changes.json') ? state.manifest : state.words),
        )) as typeof fetch,
      loadPagefind: async () => ({
        createInstance: () => {
          const bundles: string[] = [];
          merged.push(bundles);
          return {
            mergeIndex: async (path: string) => void bundles.push(path),
            search: async () => ({ results: [{ id: 'en_old' }, { id: 'en_new' }], unfilteredResultCount: 2 }),
          };
        },
      }),
    };
    return server;
  }

  it('loads a new instance merged with the changes index when the manifest changes, and only then', async () => {
    const server = fakeServer({ version: '1', bundle: null, hidden: [] }, ['alpha']);
    const latest = devSearch({
      bundle: '/pagefind/',
      vocabularyFile: 'kb-vocabulary.json',
      pagefindOptions: {},
      createVocabulary: (words: string[]) => words,
      fetch: server.fetch,
      loadPagefind: server.loadPagefind,
    });
    let now = await latest();
    expect((await now.search('x')).results).toHaveLength(2);
    expect(now.vocabulary).toEqual(['alpha']);
    await latest();
    expect(server.merged).toEqual([[]]);

    server.state.manifest = { version: '1.2', bundle: 'dev-changes/2/', hidden: ['en_old'] };
    server.state.words = ['alpha', 'zorblax'];
    now = await latest();
    expect(server.merged).toEqual([[], ['/pagefind/dev-changes/2/']]);
    expect((await now.search('x')).results).toEqual([{ id: 'en_new' }]);
    expect(now.vocabulary).toEqual(['alpha', 'zorblax']);
  });
});
