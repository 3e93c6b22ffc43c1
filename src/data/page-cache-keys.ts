/**
 * The inputs of src/lib/page-cache-keys.ts, gathered once per build: the `cacheKey` each
 * getStaticPaths route returns so that Astro's incremental build re-renders only the pages
 * whose data changed (a body edit re-renders that article's page and twin, nothing else).
 */
import { contentDir, site } from '../site.config.ts';
import { articlePage } from '../lib/article-page.ts';
import { listingRoutes } from '../lib/listings.ts';
import { articleKey, listingKey, siteKey } from '../lib/page-cache-keys.ts';
import { buildDate } from './build-date.ts';
import { catalog, type Article } from './catalog.ts';
import { gitHistory } from './git-history.ts';

let cachedSiteKey: Promise<string> | undefined;
/** The key of what every page shares (site settings, commit, build date, vocabularies). */
export function siteCacheKey(): Promise<string> {
  cachedSiteKey ??= (async () => {
    const { tags, topics } = await catalog();
    return siteKey({
      site,
      commit: gitHistory(contentDir).commit,
      buildDate: (await buildDate()).toISOString(),
      tags,
      topics,
    });
  })();
  return cachedSiteKey;
}

/** An article's page: its file, and what the layout takes from the catalog (pager, related, dates). */
export async function articlePageCacheKey(article: Article): Promise<string> {
  const { tagLabel: _tagLabel, topicLabel: _topicLabel, ...lists } = await catalog();
  const facts = articlePage({ article, headings: [], ...lists, site, today: await buildDate() });
  // Of a related article the page shows its link and title only; hashing its whole entry
  // (FAQ, sources) for every page cost a third of a second at 1,000 articles.
  const related = facts.related.map((r) => ({ id: r.id, title: r.data.title }));
  const neighbours = { ...facts, related };
  return articleKey('page', { site: await siteCacheKey(), digest: article.digest, article, neighbours });
}

/** An article's Markdown twin: its file, the site and the labels (in the site key). */
export async function articleTwinCacheKey(article: Article): Promise<string> {
  return articleKey('twin', { site: await siteCacheKey(), digest: article.digest, article });
}

/** The listing routes of src/lib/listings.ts, each page keyed by the cards it shows. */
export async function keyedListingRoutes(kind: 'tag' | 'topic') {
  const [routes, key] = await Promise.all([
    catalog().then((source) => listingRoutes(kind, source, site.pageSize)),
    siteCacheKey(),
  ]);
  return routes.map((route) => ({ ...route, cacheKey: listingKey(key, route.props) }));
}
