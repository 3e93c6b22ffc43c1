/**
 * Dev only: the search index under `astro dev`, built in memory from the dev server's own
 * pages so writers can check that their article is findable before they open a pull request.
 *
 * Pagefind cannot replace one page in an index, and indexing 1,000 dev pages takes most of a
 * minute, so the full index (the base) is built once, at the first search. After a save, only
 * the saved page is rendered again and put into a second, small index of the pages changed
 * since the base (a few hundred milliseconds); the search client merges it and hides the base's
 * stale copies (src/shared/dev-search-changes.ts). Only a vocabulary file (tags.yaml, …), which
 * can change every page, rebuilds the base. The base is not rebuilt in the background after
 * saves: Pagefind's backend answers one request at a time, so a rebuild would hold up every
 * save's small index until it finished.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { scanHtml } from '../checks/dist/dist-scan.ts';
import { buildVocabulary } from '../lib/search-vocabulary.ts';
import { articleId, articlePath } from '../lib/routes.ts';
import { mapLimited } from '../lib/concurrency.ts';
import { PAGEFIND_CONFIG, fail } from './search-shards.ts';
import { SEARCH_VOCABULARY_FILE } from '../shared/search-bundle.ts';
import {
  DEV_CHANGES_DIR,
  DEV_CHANGES_FILE,
  mergedVocabulary,
  staleIds,
  type DevSearchChanges,
} from '../shared/dev-search-changes.ts';

/** A dev page as last fetched, with its searchable text. */
interface DevPage {
  html: string;
  text: string;
}

interface BaseIndex {
  id: number;
  /** Served path (`/pagefind.js`, `/fragment/…`) → bytes. */
  files: Map<string, Uint8Array>;
  /** Article URL → its result ids in this index, to hide them once the page changes. */
  idsByUrl: Map<string, string[]>;
  words: string[];
}

interface ChangesIndex {
  id: number;
  files: Map<string, Uint8Array>;
  manifest: DevSearchChanges;
  vocabulary: Uint8Array;
}

/** How long to wait for a saved page to render its new text before indexing what it renders. */
const RENDER_WAIT_MS = 3000;
const RENDER_POLL_MS = 50;
/** Later looks at a saved page: after 1 s, then 2, 4, 8 and 16 s. */
const VERIFY_AFTER_MS = 1000;
const VERIFY_UNTIL_MS = 16_000;

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** Builds an in-memory Pagefind index of `pages`; the backend stays up for the next one. */
async function indexPages(pages: Array<{ url: string; html: string }>): Promise<Map<string, Uint8Array>> {
  // The build's options, so dev results match the published site's.
  const { index, errors } = await pagefind.createIndex(PAGEFIND_CONFIG);
  if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // All at once: Pagefind's service takes them in parallel (a third faster than one by one).
    const added = await Promise.all(pages.map((p) => index.addHTMLFile({ url: p.url, content: p.html })));
    fail(
      'index the dev pages',
      added.flatMap((a) => a.errors),
    );
    const { files, errors: fileErrors } = await index.getFiles();
    fail('build the dev index', fileErrors);
    return new Map(files.map((f) => [`/${f.path.replace(/^\/+/, '')}`, f.content]));
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Article URL → result ids, read from the index's fragment files: a result's id is its
 * fragment's hash, and the fragment holds the URL. A fragment file holds one page, or
 * (Pagefind's fragment groups) an object of pages by hash.
 */
export function fragmentIdsByUrl(files: ReadonlyMap<string, Uint8Array>): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  const add = (url: unknown, id: string) => {
    if (typeof url === 'string') ids.set(url, [...(ids.get(url) ?? []), id]);
  };
  for (const [path, bytes] of files) {
    const hash = /^\/fragment\/(.+)\.pf_fragment$/.exec(path)?.[1];
    if (!hash) continue;
    let data = Buffer.from(bytes);
    if (data[0] === 0x1f && data[1] === 0x8b) data = gunzipSync(data);
    const text = data.toString('utf8').replace(/^pagefind_dcd/, '');
    const fragment = JSON.parse(text) as Record<string, unknown>;
    if ('url' in fragment) add(fragment.url, hash);
    else for (const [id, page] of Object.entries(fragment)) add((page as { url?: unknown }).url, id);
  }
  return ids;
}

interface DevLog {
  info(m: string): void;
  error(m: string): void;
  debug(m: string): void;
}

export class DevSearchIndex {
  origin = '';
  /** Article URL → its page, as last fetched. */
  private readonly pages = new Map<string, DevPage>();
  private base: Promise<BaseIndex> | undefined;
  private changes: ChangesIndex | undefined;
  /** The build before the current one, still served to a client that is loading it. */
  private previousChanges: ChangesIndex | undefined;
  /** URLs changed or deleted since the base started. */
  private readonly changed = new Set<string>();
  /** URLs saved and not yet fetched again, with the time of their first unhandled save. */
  private readonly pending = new Map<string, number>();
  /** One Pagefind job at a time: the backend is one per process and answers in turn. */
  private work: Promise<unknown> = Promise.resolve();
  private buildQueued = false;
  /** The first save not yet in a changes index, for the debug line's save → searchable time. */
  private unbuiltSince: number | undefined;
  /** Bumped when a vocabulary file changes: a build of the generation before is thrown away. */
  private generation = 0;
  private builds = 0;

  private readonly contentDir: string;
  private readonly log: DevLog;

  // Fields assigned here, not parameter properties: Node's type stripping, which loads
  // astro.config.mjs, refuses those.
  constructor(contentDir: string, log: DevLog) {
    this.contentDir = contentDir;
    this.log = log;
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const next = this.work.then(job);
    this.work = next.catch(() => undefined);
    return next;
  }

  private async fetchPage(url: string): Promise<DevPage | undefined> {
    const response = await fetch(new URL(url, this.origin));
    // A page with an error shows its own overlay in dev.
    if (!response.ok) return undefined;
    const html = await response.text();
    return { html, text: scanHtml(html, url).searchText };
  }

  /** The built (or building) base index; the first call starts it. */
  ensureBase(): Promise<BaseIndex> {
    if (!this.base) {
      this.log.info('building the search index from the dev server’s pages…');
      const generation = this.generation;
      const base = this.enqueue(() => this.buildBase());
      this.base = base;
      base.catch((error: Error) => {
        if (this.base === base && this.generation === generation) this.base = undefined;
        this.log.error(`search index: ${error.message}`);
      });
    }
    return this.base;
  }

  private async buildBase(): Promise<BaseIndex> {
    const started = performance.now();
    // From here on, saves go into the changes index; those before are in this one.
    this.changed.clear();
    this.changes = this.previousChanges = undefined;
    const files = await readdir(join(this.contentDir, 'articles'), { recursive: true });
    const urls = files.filter((f) => /\.mdx?$/.test(f)).map((f) => articlePath(articleId(f)));
    const listed = new Set(urls);
    for (const url of this.pages.keys()) if (!listed.has(url)) this.pages.delete(url);
    // Pages not fetched yet (all at first), a few at a time.
    await mapLimited(
      urls.filter((url) => !this.pages.has(url)),
      4,
      async (url) => {
        const page = await this.fetchPage(url);
        if (page && !this.pages.has(url)) this.pages.set(url, page);
      },
    );
    const indexed = urls.flatMap((url) => {
      const page = this.pages.get(url);
      return page ? [{ url, ...page }] : [];
    });
    const served = await indexPages(indexed);
    const base: BaseIndex = {
      id: ++this.builds,
      files: served,
      idsByUrl: fragmentIdsByUrl(served),
      words: buildVocabulary(indexed.map((p) => p.text)),
    };
    this.log.debug(`search index: ${indexed.length} pages in ${(performance.now() - started).toFixed(0)} ms`);
    return base;
  }

  /** Dev: an article was saved, added or deleted. */
  articleChanged(file: string, event: 'add' | 'change' | 'unlink'): void {
    const url = articlePath(articleId(file));
    if (!this.base) {
      // No search yet: the first one fetches every page anyway.
      this.pages.delete(url);
      return;
    }
    if (event === 'unlink') {
      this.pending.delete(url);
      this.pages.delete(url);
      this.changed.add(url);
      this.scheduleBuild();
      return;
    }
    if (!this.pending.has(url)) this.pending.set(url, performance.now());
    void this.refetch(url);
  }

  /** Dev: a vocabulary file changed, which can change every page: the base is built again. */
  vocabularyChanged(): void {
    const wasBuilt = this.base !== undefined;
    this.generation += 1;
    this.pages.clear();
    this.pending.clear();
    this.base = undefined;
    // Built again without waiting for a search once one has been made, but only after the check
    // on save and the page's reload, which the writer waits for first.
    if (wasBuilt) {
      const generation = this.generation;
      setTimeout(() => {
        if (this.generation === generation) void this.ensureBase().catch(() => undefined);
      }, 1000);
    }
  }

  /**
   * Fetches a saved page until it renders new text (the content layer takes a moment to pick
   * up the file), or what it renders after RENDER_WAIT_MS (a save that changed no text).
   */
  private async refetch(url: string): Promise<void> {
    const savedAt = this.pending.get(url);
    const before = this.pages.get(url)?.text;
    let page: DevPage | undefined;
    const deadline = performance.now() + RENDER_WAIT_MS;
    let fetches = 0;
    do {
      fetches += 1;
      page = await this.fetchPage(url).catch(() => undefined);
      if (page && page.text !== before) break;
      await new Promise((r) => setTimeout(r, RENDER_POLL_MS));
    } while (performance.now() < deadline && this.pending.get(url) === savedAt);
    // Saved again meanwhile: that save's fetch takes over.
    if (this.pending.get(url) !== savedAt) return;
    this.pending.delete(url);
    const renderedAt = performance.now();
    this.log.debug(
      `search index: ${url} rendered ${page?.text === before ? 'unchanged' : 'anew'} ` +
        `${(renderedAt - (savedAt ?? renderedAt)).toFixed(0)} ms after the save (${fetches} fetches)`,
    );
    if (page) this.pages.set(url, page);
    else this.pages.delete(url);
    this.changed.add(url);
    this.scheduleBuild(savedAt);
    // The first new render can be one the content layer has not finished with (new frontmatter,
    // old body), and a busy server can render the old page for seconds: look again, less and
    // less often, until the page renders something else or the article is saved again.
    void this.verify(url, page?.text, VERIFY_AFTER_MS);
  }

  private async verify(url: string, indexed: string | undefined, afterMs: number): Promise<void> {
    if (afterMs > VERIFY_UNTIL_MS) return;
    await new Promise((r) => setTimeout(r, afterMs));
    if (this.pending.has(url) || this.pages.get(url)?.text !== indexed) return;
    const page = await this.fetchPage(url).catch(() => undefined);
    if (this.pending.has(url) || this.pages.get(url)?.text !== indexed) return;
    if (page?.text === indexed) return this.verify(url, indexed, afterMs * 2);
    if (page) this.pages.set(url, page);
    else this.pages.delete(url);
    this.log.debug(`search index: ${url} rendered anew on a later look`);
    this.changed.add(url);
    this.scheduleBuild();
  }

  /** Builds the changes index once more, after the builds already queued. */
  private scheduleBuild(savedAt = performance.now()): void {
    this.unbuiltSince = Math.min(this.unbuiltSince ?? savedAt, savedAt);
    if (this.buildQueued) return;
    this.buildQueued = true;
    const generation = this.generation;
    this.enqueue(async () => {
      this.buildQueued = false;
      const saved = this.unbuiltSince ?? performance.now();
      this.unbuiltSince = undefined;
      const base = await this.base;
      if (!base || this.generation !== generation) return;
      const started = performance.now();
      const changes = await this.buildChanges(base);
      if (this.generation !== generation) return;
      this.previousChanges = this.changes;
      this.changes = changes;
      const done = performance.now();
      this.log.debug(
        `search index: ${changes.files.size ? 'changes index' : 'no index'} for ${this.changed.size} changed pages in ` +
          `${(done - started).toFixed(0)} ms (save → searchable ${(done - saved).toFixed(0)} ms)`,
      );
    }).catch((error: Error) => this.log.error(`search index: ${error.message}`));
  }

  private async buildChanges(base: BaseIndex): Promise<ChangesIndex> {
    const id = ++this.builds;
    const pages = [...this.changed].flatMap((url) => {
      const page = this.pages.get(url);
      return page ? [{ url, ...page }] : [];
    });
    const files = pages.length ? await indexPages(pages) : new Map<string, Uint8Array>();
    const changesIds = new Set([...fragmentIdsByUrl(files).values()].flat());
    const bundle = pages.length ? `${DEV_CHANGES_DIR}/${id}/` : null;
    return {
      id,
      files,
      manifest: { version: `${base.id}.${id}`, bundle, hidden: staleIds(base.idsByUrl, this.changed, changesIds) },
      vocabulary: json(mergedVocabulary(base.words, buildVocabulary(pages.map((p) => p.text)))),
    };
  }

  /** The bytes to serve at `path` inside the bundle folder, or undefined for a 404. */
  async file(path: string): Promise<Uint8Array | undefined> {
    const base = await this.ensureBase();
    if (path === `/${DEV_CHANGES_FILE}`)
      return json(this.changes?.manifest ?? { version: `${base.id}`, bundle: null, hidden: [] });
    if (path === `/${SEARCH_VOCABULARY_FILE}`) return this.changes?.vocabulary ?? json(base.words);
    const inChanges = new RegExp(`^/${DEV_CHANGES_DIR}/(\\d+)(/.*)$`).exec(path);
    if (inChanges) {
      const changes = [this.changes, this.previousChanges].find((c) => c?.id === Number(inChanges[1]));
      return changes?.files.get(inChanges[2]!);
    }
    return base.files.get(path);
  }

  close(): Promise<unknown> {
    return pagefind.close();
  }
}
