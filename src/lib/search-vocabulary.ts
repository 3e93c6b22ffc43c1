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

/** Words of 3–24 characters, ordered by how many pages contain them, then alphabetically. */
export function buildVocabulary(pageTexts: Iterable<string>): string[] {
  const pagesWithWord = new Map<string, number>();
  for (const text of pageTexts) {
    for (const word of new Set(tokenize(text))) {
      if (word.length < 3 || word.length > 24 || /[-.]/.test(word)) continue;
      pagesWithWord.set(word, (pagesWithWord.get(word) ?? 0) + 1);
    }
  }
  return [...pagesWithWord].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
}
