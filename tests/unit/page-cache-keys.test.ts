import { describe, expect, it } from 'vitest';
import { articleKey, listingKey, previewImageKey, siteKey, type SiteInputs } from '../../src/lib/page-cache-keys.ts';

const inputs: SiteInputs = {
  site: { name: 'KB', url: 'https://kb.example' },
  commit: 'abc123',
  buildDate: '2026-12-02T00:00:00.000Z',
  tags: [{ id: 'aws', label: 'AWS' }],
  topics: [{ id: 'k8s', label: 'Kubernetes' }],
};
const article = (title: string, digest = 'd1') => ({ id: 'a', digest, data: { title, tags: ['aws'] } });

describe('page cache keys', () => {
  const site = siteKey(inputs);

  it('change with every site-wide input a page shows', () => {
    for (const change of [
      { commit: 'def456' },
      { buildDate: '2026-12-03T00:00:00.000Z' },
      { tags: [{ id: 'aws', label: 'Amazon' }] },
      { topics: [] },
      { site: { name: 'KB', url: 'https://other.example' } },
    ])
      expect(siteKey({ ...inputs, ...change }), JSON.stringify(change)).not.toBe(site);
    expect(siteKey({ ...inputs })).toBe(site);
  });

  it('key an article page by its file, its frontmatter and what it shows of other articles', () => {
    const key = (a = article('T'), neighbours: unknown = { related: [article('R')] }, s = site) =>
      articleKey('page', { site: s, digest: a.digest, article: a, neighbours });
    expect(key()).toBe(key());
    expect(key(article('T', 'd2'))).not.toBe(key()); // its body changed
    expect(key(article('T2'))).not.toBe(key()); // its frontmatter changed
    expect(key(undefined, { related: [article('R2')] })).not.toBe(key()); // a related article's title changed
    expect(key(undefined, undefined, siteKey({ ...inputs, commit: 'x' }))).not.toBe(key());
    // …but not with the body of an article it only links to.
    expect(key(undefined, { related: [article('R', 'other body')] })).toBe(key());
  });

  it('keep the page and the twin of one article apart, and need a digest', () => {
    const a = article('T');
    expect(articleKey('page', { site, digest: a.digest, article: a })).not.toBe(
      articleKey('twin', { site, digest: a.digest, article: a }),
    );
    expect(() => articleKey('page', { site, digest: undefined, article: a })).toThrow(/no content digest/);
  });

  it('key a listing by its cards, not by the bodies behind them', () => {
    const props = (title: string, digest = 'd1') => ({ heading: 'Tag: AWS', page: { data: [article(title, digest)] } });
    expect(listingKey(site, props('T'))).toBe(listingKey(site, props('T', 'd2')));
    expect(listingKey(site, props('T2'))).not.toBe(listingKey(site, props('T')));
    expect(previewImageKey('{"title":"A"}')).not.toBe(previewImageKey('{"title":"B"}'));
  });
});
