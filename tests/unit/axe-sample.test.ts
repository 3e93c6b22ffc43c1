import { describe, expect, it } from 'vitest';
import { evenlySpread, templateOf } from '../e2e/site/axe-sample.ts';

describe('the axe sample', () => {
  it('names each page by its template', () => {
    expect(
      ['/', '/articles/a/', '/tags/aws/', '/tags/aws/2/', '/topics/aws/', '/tags/', '/x/'].map(templateOf),
    ).toEqual(['/', 'articles', 'tags', 'tags page 2+', 'topics', '/tags/', 'other']);
  });

  it('spreads a bounded sample from the first page to the last', () => {
    const pages = Array.from({ length: 1000 }, (_, i) => i);
    const sample = evenlySpread(pages, 24);
    expect(sample).toHaveLength(24);
    expect(sample[0]).toBe(0);
    expect(sample.at(-1)).toBe(999);
    expect(new Set(sample).size).toBe(24);
    expect(evenlySpread([1, 2, 3], 24)).toEqual([1, 2, 3]);
  });
});
