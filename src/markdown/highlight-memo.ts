/**
 * A content-addressed memo in front of Shiki: a code block whose language, meta and exact
 * code were highlighted before in this process gets a copy of the earlier result instead
 * of being highlighted again. Shiki's output depends on nothing else here (one highlighter,
 * one set of themes and transformers per process), and a copy of the same tree gives the
 * same bytes, so pages are unchanged.
 *
 * Why: highlighting is most of what rendering a body costs (--cpu-prof of a 1,000-article
 * build: Oniguruma's findNextMatchSync 11.5 s and vscode-textmate ~6 s of the 29 s render
 * phase). Honest note: our ten real articles have 124 highlighted blocks and not one
 * repeats, so the real site gains nothing today; the benchmark corpus (each body copied a
 * hundred times) is where the saving shows, as will a real site whose articles share
 * setup snippets.
 *
 * Entries are kept serialized (v8's structured-clone format): a hit deserializes a fresh
 * tree, so plugins that later change the tree (code tabs, heading ids) never reach the
 * stored copy, and the bound is on bytes we can count. Least recently used entries go first.
 */
import { deserialize, serialize } from 'node:v8';

/** What Astro's Sätteri highlight plugin calls: the code, its fence language and meta, giving a hast node. */
export type HighlightFn<T> = (code: string, lang: string, meta: string | undefined) => Promise<T>;

export interface HighlightMemoStats {
  hits: number;
  misses: number;
  /** Bytes held now (serialized trees and their keys). */
  bytes: number;
}

/**
 * 32 MB holds about 2,600 distinct blocks (our 124 take 1.5 MB serialized, 12 KB each on
 * average), a few hundred articles' worth, and keeps memory bounded at any size.
 */
export const DEFAULT_MEMO_BYTES = 32 * 1024 * 1024;

export class HighlightMemo<T> {
  readonly #highlight: HighlightFn<T>;
  readonly #maxBytes: number;
  readonly #entries = new Map<string, { tree: Buffer; cost: number }>();
  readonly stats: HighlightMemoStats = { hits: 0, misses: 0, bytes: 0 };

  constructor(highlight: HighlightFn<T>, maxBytes = DEFAULT_MEMO_BYTES) {
    this.#highlight = highlight;
    this.#maxBytes = maxBytes;
  }

  /** The highlight function with the memo in front (bound, so it can be handed to the plugin). */
  readonly highlight: HighlightFn<T> = async (code, lang, meta) => {
    // NUL cannot occur in a fence's language or meta, so the three parts cannot run into each other.
    const key = `${lang}\0${meta ?? ''}\0${meta === undefined ? 'u' : 'm'}\0${code}`;
    const stored = this.#entries.get(key);
    if (stored) {
      this.stats.hits += 1;
      // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
      this.#entries.delete(key);
      this.#entries.set(key, stored);
      return deserialize(stored.tree) as T;
    }
    this.stats.misses += 1;
    const result = await this.#highlight(code, lang, meta);
    const tree = serialize(result);
    // A JavaScript string takes up to two bytes a character.
    const cost = tree.byteLength + 2 * key.length;
    if (cost <= this.#maxBytes) {
      this.#entries.set(key, { tree, cost });
      this.stats.bytes += cost;
      for (const [oldKey, old] of this.#entries) {
        if (this.stats.bytes <= this.#maxBytes) break;
        this.#entries.delete(oldKey);
        this.stats.bytes -= old.cost;
      }
    }
    // Serialized, the stored copy never aliases this tree, which plugins may go on to change.
    return result;
  };

  get size(): number {
    return this.#entries.size;
  }
}
