/**
 * The build's on-disk caches (rendered articles, content-check results): one folder,
 * `.cache/` in the project (KB_CACHE_DIR overrides it), which CI keeps between runs
 * with actions/cache. Every key includes a version of the code that produced the
 * value, so a cache from another version is never read, only ignored.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function cacheDir(name: string): string {
  return resolve(process.env.KB_CACHE_DIR ?? '.cache', name);
}

/** KB_BUILD_CACHE=off makes every build cold (benchmarks); reads and writes are then skipped. */
export const cacheEnabled = (): boolean => process.env.KB_BUILD_CACHE !== 'off';

export function hashOf(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** The installed version of each package (missing ones count as "none"), for cache keys. */
export function packageVersions(names: readonly string[], root = process.cwd()): string {
  return names
    .map((name) => {
      try {
        const pkg = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
          version: string;
        };
        return `${name}@${pkg.version}`;
      } catch {
        return `${name}@none`;
      }
    })
    .join(' ');
}

/** A JSON file cache keyed by hex strings, fanned out over 256 folders. */
export class FileCache<T> {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  #path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  get(key: string): T | undefined {
    if (!cacheEnabled()) return undefined;
    try {
      return JSON.parse(readFileSync(this.#path(key), 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: T): void {
    if (!cacheEnabled()) return;
    const path = this.#path(key);
    mkdirSync(dirname(path), { recursive: true });
    // Write then rename, so a reader (another build, a killed one) never sees half a file.
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(value));
    renameSync(temp, path);
  }
}
