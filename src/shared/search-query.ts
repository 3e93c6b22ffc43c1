/**
 * Turns what a reader typed into what Pagefind should search for. Pagefind matches
 * every word exactly or as a prefix and has no synonyms or typo tolerance
 * (pagefind/pagefind#756), so before a query reaches it we:
 *   1. expand DevOps abbreviations (k8s → kubernetes, tf → terraform),
 *   2. drop question words that only stop a page from matching every word,
 *   3. correct words the site does not contain to the nearest word it does.
 * Pure and dependency-free: it runs in the browser and in unit tests alike.
 */
import { editDistance } from './edit-distance.ts';
import { SYNONYMS } from './synonyms.ts';

/** Words that carry no meaning for matching; Pagefind requires every word, so they only hurt. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be by can do does for from how i in into is it me my of on or should the to use using vs versus ' +
    'what when where which why with you your'
  ).split(' '),
);

export interface QueryPlan {
  /** What to send to Pagefind. */
  query: string;
  /** True when `query` differs from what was typed in a way worth telling the reader. */
  corrected: boolean;
  /** Words replaced by a correction, as [typed, used]. */
  corrections: Array<[string, string]>;
}

export interface Vocabulary {
  /** Words in the index, most common first (the build writes this list). */
  words: readonly string[];
  has(word: string): boolean;
  /** Nearest word within the allowed distance, preferring common words; undefined if none. */
  nearest(word: string): string | undefined;
}

export function createVocabulary(words: readonly string[]): Vocabulary {
  const set = new Set(words);
  const byLength = new Map<number, Array<[string, number]>>();
  words.forEach((w, rank) => {
    const list = byLength.get(w.length) ?? [];
    list.push([w, rank]);
    byLength.set(w.length, list);
  });
  return {
    words,
    has: (word) => set.has(word),
    nearest(word) {
      // One edit for short words, two for longer ones: "terrafrom" → "terraform", "ansbile" → "ansible".
      const max = word.length <= 4 ? 1 : 2;
      let best: { word: string; distance: number; rank: number } | undefined;
      for (let len = word.length - max; len <= word.length + max; len++) {
        for (const [candidate, rank] of byLength.get(len) ?? []) {
          const distance = editDistance(word, candidate, max);
          if (distance > max) continue;
          if (!best || distance < best.distance || (distance === best.distance && rank < best.rank))
            best = { word: candidate, distance, rank };
        }
      }
      return best?.word;
    },
  };
}

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s,;:!?"'()[\]{}]+/)
    .filter(Boolean);
}

/** True if some index word starts with `prefix`: Pagefind matches prefixes, so it is not a typo. */
function isPrefixOfIndexWord(prefix: string, vocabulary: Vocabulary): boolean {
  if (prefix.length < 3) return false;
  return vocabulary.words.some((w) => w.startsWith(prefix));
}

export function planQuery(typed: string, vocabulary: Vocabulary): QueryPlan {
  const corrections: Array<[string, string]> = [];
  const words = tokens(typed);
  const kept: string[] = [];
  const meaningful = words.filter((w) => !STOP_WORDS.has(w));
  // Keep stop words only when nothing else is left ("how to" still searches for something).
  for (const word of meaningful.length ? meaningful : words) {
    const expanded = SYNONYMS[word];
    if (expanded) {
      kept.push(...expanded.split(' '));
      continue;
    }
    const bare = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (!bare) continue;
    if (vocabulary.has(bare) || isPrefixOfIndexWord(bare, vocabulary) || /\d/.test(bare) || bare.length < 3) {
      kept.push(bare);
      continue;
    }
    const nearest = vocabulary.nearest(bare);
    if (nearest) {
      corrections.push([bare, nearest]);
      kept.push(nearest);
    } else kept.push(bare);
  }
  const query = [...new Set(kept)].join(' ');
  return { query, corrected: corrections.length > 0, corrections };
}

/**
 * Fallbacks when the planned query finds nothing: Pagefind needs every word to match,
 * so try again without words the index does not contain, then with the single most
 * specific (longest) word.
 */
export function fallbackQueries(plan: QueryPlan, vocabulary: Vocabulary): string[] {
  const words = plan.query.split(' ').filter(Boolean);
  if (words.length < 2) return [];
  const known = words.filter((w) => vocabulary.has(w) || isPrefixOfIndexWord(w, vocabulary));
  const out: string[] = [];
  if (known.length && known.length < words.length) out.push(known.join(' '));
  const longest = [...(known.length ? known : words)].sort((a, b) => b.length - a.length)[0]!;
  if (!out.includes(longest)) out.push(longest);
  return out;
}
