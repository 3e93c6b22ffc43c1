/**
 * Fetches external links for `npm run check:links -- --external` (the weekly job), kindly:
 * HEAD first and GET only when HEAD is refused, a timeout per request, a few retries with
 * growing pauses for failures that tend to pass (timeouts, 429, 5xx), a bounded number of
 * requests in flight, and a cache so a URL that worked is not asked again for a while.
 * `fetch` and `sleep` are parameters so the logic is tested without a network.
 */
import { mapLimited } from '../../lib/concurrency.ts';

export interface ExternalResult {
  url: string;
  ok: boolean;
  /** Final HTTP status, after redirects. */
  status?: number;
  /** Network error or timeout, when there was no response. */
  error?: string;
  /** When it was checked (ms since the epoch). */
  checkedAt: number;
  fromCache?: boolean;
}

/** The cache file: URL → last result that succeeded. */
export interface ExternalCache {
  version: 1;
  entries: Record<string, ExternalResult>;
}

export interface ExternalCheckOptions {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  cache?: ExternalCache;
  /** A cached success older than this is checked again. */
  maxAgeMs?: number;
  timeoutMs?: number;
  retries?: number;
  /** First pause before a retry; doubled for each one after. */
  backoffMs?: number;
  concurrency?: number;
  /** Names the checker to the sites it visits (some refuse anonymous clients). */
  userAgent?: string;
}

export const DEFAULT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** Statuses worth asking again after a pause. Anything else (404, 410, 403…) is an answer. */
const isTransient = (status: number) => status === 408 || status === 425 || status === 429 || status >= 500;

export function emptyCache(): ExternalCache {
  return { version: 1, entries: {} };
}

/** Reads a cache file's JSON, starting afresh from anything unrecognisable rather than failing the job. */
export function parseCache(text: string | undefined): ExternalCache {
  if (!text) return emptyCache();
  try {
    const data = JSON.parse(text) as Partial<ExternalCache>;
    return data.version === 1 && data.entries && typeof data.entries === 'object'
      ? { version: 1, entries: data.entries }
      : emptyCache();
  } catch {
    return emptyCache();
  }
}

/** One URL: HEAD, then GET if HEAD is not answered with success; retried when the failure may pass. */
export async function checkExternalUrl(url: string, options: ExternalCheckOptions = {}): Promise<ExternalResult> {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  const retries = options.retries ?? 2;
  const backoff = options.backoffMs ?? 1000;
  const timeout = options.timeoutMs ?? 10_000;
  const request = async (method: 'HEAD' | 'GET') => {
    const response = await doFetch(url, {
      method,
      redirect: 'follow',
      signal: AbortSignal.timeout(timeout),
      headers: { 'user-agent': options.userAgent ?? 'devops-kb-link-check' },
    });
    // Only the status matters: release the connection instead of downloading the page.
    await response.body?.cancel().catch(() => undefined);
    return response.status;
  };

  let last: ExternalResult = { url, ok: false, checkedAt: now() };
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(backoff * 2 ** (attempt - 1));
    try {
      let status = await request('HEAD');
      // Many servers answer HEAD with 403, 404 or 405 while GET works.
      if (status < 200 || status >= 400) status = await request('GET');
      last = { url, ok: status >= 200 && status < 400, status, checkedAt: now() };
      if (last.ok || !isTransient(status)) return last;
    } catch (e) {
      const error = e as Error;
      const message =
        error.name === 'TimeoutError'
          ? `no answer within ${timeout / 1000}s`
          : ((error.cause as Error | undefined)?.message ?? error.message);
      last = { url, ok: false, error: message, checkedAt: now() };
    }
  }
  return last;
}

/**
 * Every URL, at most `concurrency` at a time, reusing fresh cached successes. Updates
 * `options.cache` in place (successes stored, failures dropped so they are retried next
 * run) and returns results in the order of `urls`.
 */
export async function checkExternalUrls(
  urls: readonly string[],
  options: ExternalCheckOptions = {},
): Promise<ExternalResult[]> {
  const now = options.now ?? Date.now;
  const maxAge = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  const cache = options.cache;
  return mapLimited(urls, options.concurrency ?? 8, async (url) => {
    const cached = cache?.entries[url];
    if (cached?.ok && now() - cached.checkedAt <= maxAge) return { ...cached, fromCache: true };
    const result = await checkExternalUrl(url, options);
    if (cache) {
      if (result.ok) cache.entries[url] = result;
      else delete cache.entries[url];
    }
    return result;
  });
}

/** Drops cache entries past their age, so the file does not grow with links long removed. */
export function pruneCache(cache: ExternalCache, now: number, maxAgeMs: number): ExternalCache {
  const entries = Object.fromEntries(Object.entries(cache.entries).filter(([, r]) => now - r.checkedAt <= maxAgeMs));
  return { version: 1, entries };
}
