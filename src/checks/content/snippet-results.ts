/**
 * Snippet results by content: a snippet's result depends only on the checker that reads it
 * and its exact code (after the diff notation is taken out), never on the file it sits in,
 * since the file's line is added afterwards (snippets.ts, checkFences). So identical
 * snippets, within a check or across files, are parsed once.
 *
 * Two layers:
 * - in memory, the promise of each result (a second identical snippet that arrives while
 *   the first is still in shellcheck waits for it), bounded as a least-recently-used map;
 * - optionally on disk, in the build cache (src/data/build-cache.ts), keyed by the file
 *   checker's version (parsers, tools, checker source), so a warm rebuild after an edit
 *   re-parses only the snippets that changed.
 *
 * Why it pays: the 1,000-article benchmark corpus repeats the ten real bodies, so ~99% of its
 * snippets are duplicates; the ten real articles repeat few (see the README's Performance
 * section), so there the win is the disk layer on warm rebuilds.
 */
import { FileCache, hashOf } from '../../data/build-cache.ts';

export interface SnippetFailure {
  /** Line within the snippet (1-based), when the parser says. */
  line?: number;
  message: string;
}

/** Enough for every distinct snippet of a large site several times over; each entry is a hash and a small result. */
export const MEMO_LIMIT = 8192;

export class SnippetResults {
  readonly #memo = new Map<string, Promise<SnippetFailure | undefined>>();
  readonly #limit: number;
  readonly #disk: { cache: FileCache<{ failure?: SnippetFailure }>; version: string } | undefined;
  /** Snippets asked about; how many were parsed, and how many came from the disk cache. */
  readonly stats = { asked: 0, parsed: 0, fromDisk: 0 };

  constructor(options: { limit?: number; disk?: { dir: string; version: string } } = {}) {
    this.#limit = options.limit ?? MEMO_LIMIT;
    if (options.disk) this.#disk = { cache: new FileCache(options.disk.dir), version: options.disk.version };
  }

  get size(): number {
    return this.#memo.size;
  }

  /** The result of `checker` on `code`: remembered, read from disk, or computed by `parse`. */
  get(
    checker: string,
    code: string,
    parse: () => Promise<SnippetFailure | undefined> | SnippetFailure | undefined,
  ): Promise<SnippetFailure | undefined> {
    this.stats.asked += 1;
    const key = hashOf(checker, code);
    const known = this.#memo.get(key);
    if (known) {
      // Most recently used goes last; the first key is the one to evict.
      this.#memo.delete(key);
      this.#memo.set(key, known);
      return known;
    }
    const result = this.#compute(key, parse);
    this.#memo.set(key, result);
    if (this.#memo.size > this.#limit) this.#memo.delete(this.#memo.keys().next().value!);
    return result;
  }

  async #compute(
    key: string,
    parse: () => Promise<SnippetFailure | undefined> | SnippetFailure | undefined,
  ): Promise<SnippetFailure | undefined> {
    const diskKey = this.#disk && hashOf(this.#disk.version, key);
    const stored = diskKey ? this.#disk!.cache.get(diskKey) : undefined;
    if (stored) {
      this.stats.fromDisk += 1;
      return stored.failure;
    }
    this.stats.parsed += 1;
    const failure = await parse();
    if (diskKey) this.#disk!.cache.set(diskKey, failure ? { failure } : {});
    return failure;
  }
}
