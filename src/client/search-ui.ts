// The search interface, loaded only when a reader opens search: Pagefind's component
// UI (its recommended UI) plus the query planner from src/shared/search-query.ts, which
// adds synonyms and typo correction that Pagefind lacks. The component UI has no hook
// for rewriting queries, so we wrap the search function of its Pagefind instance; the
// instance API used here (getInstanceManager, applyOptions, __load__, __pagefind__) is that of
// @pagefind component UI 1.6, pinned through package-lock.json.
// ?url: the CSS stays out of every page's stylesheet and is linked only when search opens
// (a link, not an injected <style>, which the Content Security Policy forbids).
import searchStylesUrl from '../styles/search.css?url';
import { HIGHLIGHT_PARAM } from '../shared/search-params.ts';
import { SEARCH_BUNDLE_PATH as BUNDLE, SEARCH_VOCABULARY_FILE, readSearchManifest } from '../shared/search-bundle.ts';
import {
  createVocabulary,
  fallbackQueries,
  planQuery,
  type QueryPlan,
  type Vocabulary,
} from '../shared/search-query.ts';

interface SearchResponse {
  results: unknown[];
}
interface PagefindApi {
  search(term: string | null, options?: unknown): Promise<SearchResponse>;
}
interface ComponentInstance {
  applyOptions(options: { mergeIndex?: Array<{ bundlePath: string }> }): void;
  __load__(): Promise<void>;
  __pagefind__?: PagefindApi;
  triggerSearch(term: string): void;
  on(event: 'search', callback: (term: string) => void): void;
}
declare global {
  interface Window {
    PagefindComponents?: { getInstanceManager(): { getInstance(name?: string): ComponentInstance } };
  }
}

/** What <pagefind-config> tells the component UI's Pagefind instance. */
const PAGEFIND_OPTIONS = {
  // Search runs on the page's own thread: Pagefind's WebAssembly answers in milliseconds,
  // and its worker script (43 KB) would be the largest file of a first query.
  noWorker: true,
  highlightParam: HIGHLIGHT_PARAM,
};

let assets: Promise<void> | undefined;
function loadAssets(): Promise<void> {
  assets ??= new Promise<void>((resolve, reject) => {
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = searchStylesUrl;
    document.head.append(style);
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = `${BUNDLE}pagefind-component-ui.css`;
    document.head.append(css);
    const script = document.createElement('script');
    script.src = `${BUNDLE}pagefind-component-ui.js`;
    script.onload = () => resolve();
    script.onerror = () =>
      reject(new Error('The search index is not available. Build the site (npm run build) and try again.'));
    document.head.append(script);
    const config = document.createElement('pagefind-config');
    config.setAttribute('bundle-path', BUNDLE);
    if (PAGEFIND_OPTIONS.noWorker) config.setAttribute('no-worker', '');
    config.setAttribute('highlight-param', PAGEFIND_OPTIONS.highlightParam);
    document.body.append(config);
  });
  return assets;
}

const notes = new Set<HTMLElement>();
let lastTyped = '';

function describe(typed: string, used: string, plan: QueryPlan): string {
  if (used === plan.query && !plan.corrected) return '';
  if (used !== plan.query) return `No page matches every word; showing results for “${used}”.`;
  return `Showing results for “${used}” (searched for “${typed}”).`;
}

let planner: Promise<ComponentInstance> | undefined;
/** Loads the UI and wraps its search with the planner; resolves to the component instance. */
export function searchInstance(): Promise<ComponentInstance> {
  planner ??= (async () => {
    // Fetched while the UI's script loads: it also lists the index's other shards, if any.
    const manifest = fetch(`${BUNDLE}${SEARCH_VOCABULARY_FILE}`)
      .then((r) => (r.ok ? (r.json() as Promise<unknown>) : []))
      .then(readSearchManifest);
    await loadAssets();
    const instance = window.PagefindComponents!.getInstanceManager().getInstance('default');
    const { words, indexes } = await manifest;
    // A large site's index is in shards (src/integrations/search-shards.ts), merged before Pagefind
    // loads so that results are ranked together and the filters count every page.
    if (indexes.length)
      instance.applyOptions({ mergeIndex: indexes.map((path) => ({ bundlePath: `${BUNDLE}${path}` })) });
    await instance.__load__();
    const pagefind = instance.__pagefind__;
    if (!pagefind) throw new Error('Pagefind did not load');
    let current = { search: pagefind.search.bind(pagefind), vocabulary: createVocabulary(words) };
    // Under astro dev the index follows saves; a build has no such code.
    const latest = import.meta.env.DEV
      ? (await import('./dev-search.ts')).devSearch<SearchResponse & { results: Array<{ id: string }> }, Vocabulary>({
          bundle: BUNDLE,
          vocabularyFile: SEARCH_VOCABULARY_FILE,
          pagefindOptions: { ...PAGEFIND_OPTIONS },
          createVocabulary,
        })
      : undefined;
    pagefind.search = async (term, options) => {
      if (import.meta.env.DEV && latest) current = await latest();
      const { search, vocabulary } = current;
      if (!term?.trim()) return search(term, options);
      lastTyped = term;
      const plan = planQuery(term, vocabulary);
      let used = plan.query || term;
      let response = await search(used, options);
      if (response.results.length === 0) {
        for (const fallback of fallbackQueries(plan, vocabulary)) {
          const retry = await search(fallback, options);
          if (retry.results.length) {
            used = fallback;
            response = retry;
            break;
          }
        }
      }
      const message = describe(term, used, plan);
      if (term === lastTyped) for (const note of notes) note.textContent = message;
      return response;
    };
    return instance;
  })();
  return planner;
}

function element(tag: string, attributes: Record<string, string> = {}, children: Node[] = []): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

function noteElement(): HTMLElement {
  const note = element('p', { class: 'search-note', 'aria-live': 'polite' });
  notes.add(note);
  return note;
}

interface ModalElement extends HTMLElement {
  open(): void;
  dialogEl: HTMLDialogElement | null;
}

/**
 * A modal <dialog> makes the page inert, but Tab past the last control still leaves the
 * document for the browser's own UI; wrap it so keyboard focus cycles inside the dialog.
 */
function keepFocusInside(container: HTMLElement): void {
  container.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const focusable = [
      ...container.querySelectorAll<HTMLElement>('a[href], button, input, [tabindex]:not([tabindex="-1"])'),
    ].filter((el) => !el.hasAttribute('disabled') && el.offsetParent !== null);
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });
}

let modal: ModalElement | undefined;
export async function openSearchModal(returnFocusTo?: HTMLElement | null): Promise<void> {
  await searchInstance();
  if (!modal) {
    modal = element('pagefind-modal', { 'reset-on-close': 'false' }, [
      element('pagefind-modal-header', {}, [element('pagefind-input', { placeholder: 'Search articles' })]),
      element('pagefind-modal-body', {}, [
        noteElement(),
        element('pagefind-summary'),
        element('pagefind-results', { 'max-results': '10' }),
      ]),
      element('pagefind-modal-footer', {}, [element('pagefind-keyboard-hints')]),
    ]) as ModalElement;
    document.body.append(modal);
    await customElements.whenDefined('pagefind-modal');
    keepFocusInside(modal);
  }
  const dialog = modal.dialogEl;
  modal.open();
  dialog?.addEventListener('close', () => returnFocusTo?.focus(), { once: true });
}

/** The /search/ page: the same UI inline, with filters, reading and writing ?q=. */
export async function mountSearchPage(root: HTMLElement): Promise<void> {
  const instance = await searchInstance();
  const input = element('pagefind-input', { placeholder: 'Search articles', autofocus: '' });
  root.replaceChildren(
    input,
    element('div', { class: 'search-layout' }, [
      element('pagefind-filter-pane'),
      element('div', {}, [noteElement(), element('pagefind-summary'), element('pagefind-results')]),
    ]),
  );
  instance.on('search', (term) => {
    const url = new URL(location.href);
    if (term) url.searchParams.set('q', term);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
  });
  const initial = new URL(location.href).searchParams.get('q');
  if (initial) {
    await customElements.whenDefined('pagefind-input');
    const field = input.querySelector('input');
    if (field) field.value = initial;
    instance.triggerSearch(initial);
  }
}

/** On an article reached from a search result, highlight the matched words. */
export async function highlightSearchTerms(): Promise<void> {
  const module = (await import(/* @vite-ignore */ `${BUNDLE}pagefind-highlight.js`)) as {
    default: new (options: { highlightParam: string; markContext?: string }) => unknown;
  };
  new module.default({ highlightParam: HIGHLIGHT_PARAM, markContext: '[data-pagefind-body]' });
}
