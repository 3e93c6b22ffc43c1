/**
 * Which search index (shard) each indexed page goes into, for src/integrations/search-shards.ts.
 * Pure, so the rule is unit-tested: stable (a page stays in its shard while the number of
 * shards stays the same, whatever else changes) and bounded (no shard above its maximum).
 */
import { createHash } from 'node:crypto';

/**
 * A number from the page's path, the same on every machine. The first 32 bits of its SHA-256:
 * FNV-1a, tried first, gives low bits that follow the parity of the path's characters, so
 * `a-1`, `a-2`, … alternated exactly between two shards instead of at random.
 */
export function pathHash(path: string): number {
  return createHash('sha256').update(path).digest().readUInt32BE(0);
}

/**
 * Splits `paths` (the pages to index, as paths in dist/) into shards of at most `maxPages`.
 *
 * A page's shard is the hash of its path modulo the number of shards, so editing a page changes
 * one shard only, and the shards are random samples of the site: each has about the same word
 * statistics, so the scores Pagefind computes per index (BM25 over that index's pages) can be
 * compared when the browser merges them. Sorted URL ranges would also be stable, but would put
 * one topic's variants in one shard and skew its word frequencies.
 *
 * The number of shards is the smallest, from ⌈pages / maxPages⌉ up, for which no shard is above
 * the maximum (a hash does not split exactly evenly). It changes only when the site grows or
 * shrinks past such a point, and then every page may move: one full re-index.
 */
export function assignShards(paths: readonly string[], maxPages: number): string[][] {
  if (!Number.isInteger(maxPages) || maxPages < 1)
    throw new Error(`shard size must be a whole number ≥ 1, not ${maxPages}`);
  const sorted = [...new Set(paths)].sort();
  const hashes = sorted.map(pathHash);
  for (let count = Math.max(1, Math.ceil(sorted.length / maxPages)); count <= sorted.length; count++) {
    const shards: string[][] = Array.from({ length: count }, () => []);
    sorted.forEach((path, i) => shards[hashes[i]! % count]!.push(path));
    if (shards.every((shard) => shard.length <= maxPages)) return shards.filter((shard) => shard.length > 0);
  }
  // Only for a maximum of a page or two, where paths that share a hash cannot be parted:
  // consecutive runs of the sorted paths.
  return Array.from({ length: Math.ceil(sorted.length / maxPages) }, (_, i) =>
    sorted.slice(i * maxPages, (i + 1) * maxPages),
  );
}
