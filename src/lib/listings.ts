/**
 * The paginated listing pages, tag pages and topic pages, as getStaticPaths entries whose
 * props are exactly what src/components/Listing.astro renders: the two routes stay one line
 * each and say only which list they show.
 */
import { listingPages, type Page } from './articles.ts';
import { pageParam, TAGS_INDEX_PATH, tagPath, topicPath } from './routes.ts';
import type { VocabularyEntry } from './schemas.ts';

// A type, not an interface: getStaticPaths props must be assignable to a string-keyed record.
export type ListingProps<T> = {
  /** Heading and page title, without the page number. */
  heading: string;
  description: string;
  /** Breadcrumb trail after Home; the last entry is this page. */
  crumbs: Array<{ href: string; label: string }>;
  page: Page<T>;
  pageHref: (page: number) => string;
};

interface ListingRoute<T> {
  params: Record<string, string | undefined>;
  props: ListingProps<T>;
}

interface ListingKind {
  /** Entries without articles get no page (tags), or one empty page (topics). */
  skipEmpty: boolean;
  path: (id: string, page?: number) => string;
  heading: (entry: VocabularyEntry) => string;
  /** Crumbs before the entry's own. */
  parents: Array<{ href: string; label: string }>;
}

const KINDS: Record<'tag' | 'topic', ListingKind> = {
  // Only tags that some article uses get a page; the tags index links to exactly these.
  tag: {
    skipEmpty: true,
    path: tagPath,
    heading: (e) => `Tag: ${e.label}`,
    parents: [{ href: TAGS_INDEX_PATH, label: 'Tags' }],
  },
  // Every topic has a page (the content check accepts links to any of them), even while empty.
  topic: { skipEmpty: false, path: topicPath, heading: (e) => e.label, parents: [] },
};

/** The vocabularies and their newest-first lists (src/data/catalog.ts provides them). */
export interface ListingSource<T> {
  tags: readonly VocabularyEntry[];
  byTag: ReadonlyMap<string, readonly T[]>;
  topics: readonly VocabularyEntry[];
  byTopic: ReadonlyMap<string, readonly T[]>;
}

/** getStaticPaths for `tags/[tag]/[...page]` or `topics/[topic]/[...page]`. */
export function listingRoutes<T>(
  kind: keyof typeof KINDS,
  source: ListingSource<T>,
  pageSize: number,
): ListingRoute<T>[] {
  const { skipEmpty, path, heading, parents } = KINDS[kind];
  const [entries, lists] = kind === 'tag' ? [source.tags, source.byTag] : [source.topics, source.byTopic];
  return listingPages(entries, lists, pageSize, skipEmpty).map(({ entry, page }) => ({
    params: { [kind]: entry.id, page: pageParam(page.current) },
    props: {
      heading: heading(entry),
      description: entry.description,
      crumbs: [...parents, { href: path(entry.id), label: entry.label }],
      page,
      pageHref: (n) => path(entry.id, n),
    },
  }));
}
