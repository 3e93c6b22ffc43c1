/**
 * The words the site's search index contains, most common first. The search UI
 * loads this (only once search is opened) to correct misspelt queries, which
 * Pagefind does not do itself (pagefind/pagefind#756).
 */
const WORD = /[\p{L}][\p{L}\p{N}]*(?:[-.][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).flatMap((w) =>
    w.includes('-') || w.includes('.') ? [w, ...w.split(/[-.]/)] : [w],
  );
}

const MIN_LENGTH = 3;
const MAX_LENGTH = 24;
const SEPARATOR = /[-.]/;

/** Counts, page by page, how many pages contain each word; nothing of a page is kept. */
export function vocabularyCounter() {
  const pagesWithWord = new Map<string, number>();
  return {
    /**
     * The words of tokenize() without the compounds themselves (`aws-config` counts as `aws` and
     * `config`). Each distinct token of a page is split and measured once, not each occurrence:
     * at 1,000 articles (3.5 million tokens, 0.93 million once deduplicated per page) that took
     * the count from 2.1–2.7 s to 1.6–1.8 s, about 1 s of which is the regular expression.
     */
    add(text: string): void {
      const words = new Set<string>();
      for (const token of new Set(text.toLowerCase().match(WORD))) {
        for (const word of SEPARATOR.test(token) ? token.split(SEPARATOR) : [token])
          if (word.length >= MIN_LENGTH && word.length <= MAX_LENGTH) words.add(word);
      }
      for (const word of words) pagesWithWord.set(word, (pagesWithWord.get(word) ?? 0) + 1);
    },
    /**
     * Adds another counter's counts (a shard of the index, counted when it was built): pages are
     * in one shard each, so the sums are the counts over the whole site.
     */
    merge(counts: Iterable<[string, number]>): void {
      for (const [word, pages] of counts) pagesWithWord.set(word, (pagesWithWord.get(word) ?? 0) + pages);
    },
    /** How many pages contain each word, for merge(). */
    counts(): [string, number][] {
      return [...pagesWithWord];
    },
    /** Words of 3–24 characters, ordered by how many pages contain them, then alphabetically. */
    words(): string[] {
      return [...pagesWithWord].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
    },
  };
}

export function buildVocabulary(pageTexts: Iterable<string>): string[] {
  const counter = vocabularyCounter();
  for (const text of pageTexts) counter.add(text);
  return counter.words();
}
