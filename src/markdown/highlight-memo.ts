/**
 * A content-addressed memo in front of Shiki: a code block whose language, meta and exact
 * code were highlighted before in this process gets the earlier result instead
 * of being highlighted again. Shiki's output depends on nothing else here (one highlighter,
 * one set of themes and transformers per process), and the same tree gives the
 * same bytes, so pages are unchanged.
 *
 * Why: highlighting is most of what rendering a body costs (--cpu-prof of a 1,000-article
 * build: Oniguruma's findNextMatchSync 11.5 s and vscode-textmate ~6 s of the 29 s render
 * phase). Honest note: our ten real articles have 124 highlighted blocks and not one
 * repeats, so the real site gains nothing today; the benchmark corpus (each body copied a
 * hundred times) is where the saving shows, as will a real site whose articles share
 * setup snippets.
 *
 * Every caller gets the same tree, deep-frozen. Sätteri only reads what a visitor returns (it
 * encodes the tree into its command buffer, node_modules/satteri/dist/hast/hast-visitor.js,
 * emitHastOp) and our later plugins edit Sätteri's own copy, so sharing is safe; freezing
 * makes any future writer throw instead of silently changing another page's block. An
 * earlier version handed out v8-deserialized copies: 4 s of a 1,000-article build's
 * pages phase went on deserialize alone. Least recently used entries go first.
 */
import { serialize } from 'node:v8';

/** What Astro's Sätteri highlight plugin calls: the code, its fence language and meta, giving a hast node. */
export type HighlightFn<T> = (code: string, lang: string, meta: string | undefined) => Promise<T>;

export interface HighlightMemoStats {
  hits: number;
  misses: number;
  /** What the held entries weigh: their trees serialized (v8's structured-clone format) and their keys. */
  bytes: number;
}

/**
 * 16 MB (serialized; a live tree takes a few times that in the heap) holds about 1,300
 * distinct blocks (our 124 take 1.5 MB, 12 KB each on average), a hundred articles' worth,
 * and keeps memory bounded at any size.
 */
export const DEFAULT_MEMO_BYTES = 16 * 1024 * 1024;

export class HighlightMemo<T> {
  readonly #highlight: HighlightFn<T>;
  readonly #maxBytes: number;
  readonly #entries = new Map<string, { tree: T; cost: number }>();
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
      return stored.tree;
    }
    this.stats.misses += 1;
    const result = await this.#highlight(code, lang, meta);
    const tree = deepFreeze(result);
    // A JavaScript string takes up to two bytes a character.
    const cost = serialize(tree).byteLength + 2 * key.length;
    if (cost <= this.#maxBytes) {
      this.#entries.set(key, { tree, cost });
      this.stats.bytes += cost;
      for (const [oldKey, old] of this.#entries) {
        if (this.stats.bytes <= this.#maxBytes) break;
        this.#entries.delete(oldKey);
        this.stats.bytes -= old.cost;
      }
    }
    return tree;
  };

  get size(): number {
    return this.#entries.size;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
