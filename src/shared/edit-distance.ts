/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions),
 * with an upper bound so callers scanning a vocabulary can stop early.
 *
 * Written here rather than taken from a package because the same function runs in
 * the browser (search typo correction), where we ship no dependencies, and because
 * transpositions ("terrafrom", "ansbile") are the most common typos and plain
 * Levenshtein counts them as two edits.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, prevPrev[j - 2]! + 1);
      }
      row.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** The candidates closest to `word`, best first, within a distance that grows with length. */
export function closestMatches(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const needle = word.toLowerCase();
  const max = Math.max(2, Math.floor(needle.length / 3));
  const scored: Array<[string, number]> = [];
  for (const candidate of candidates) {
    const d = editDistance(needle, candidate.toLowerCase(), max);
    const isPrefix = candidate.toLowerCase().startsWith(needle) || needle.startsWith(candidate.toLowerCase());
    if (d <= max || (isPrefix && needle.length >= 2)) scored.push([candidate, isPrefix ? Math.min(d, 1) : d]);
  }
  return scored
    .sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))
    .slice(0, limit)
    .map(([candidate]) => candidate);
}
