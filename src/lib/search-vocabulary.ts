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

/** Counts, page by page, how many pages contain each word; nothing of a page is kept. */
export function vocabularyCounter() {
  const pagesWithWord = new Map<string, number>();
  return {
    add(text: string): void {
      for (const word of new Set(tokenize(text))) {
        if (word.length < 3 || word.length > 24 || /[-.]/.test(word)) continue;
        pagesWithWord.set(word, (pagesWithWord.get(word) ?? 0) + 1);
      }
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
