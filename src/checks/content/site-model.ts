/**
 * The site the build will produce, as far as links need it: every page path with the ids
 * on it, the redirects and the drafts. Built from the content alone with the URL and id
 * rules of src/lib/routes.ts, so links are resolved before the build; the e2e spec
 * tests/e2e/site/site-model.spec.ts compares it with a real build.
 */
import type { VocabularyEntry } from '../../lib/schemas.ts';
import type { ArticleData } from '../../lib/schemas.ts';
import { articlePageIds, articlePath, pageCount, STATIC_PAGES, tagPath, topicPath } from '../../lib/routes.ts';
import type { SiteMap } from './links.ts';
import type { Problem } from './problems.ts';

export interface ModelledArticle {
  id: string;
  file: string;
  data: Pick<ArticleData, 'tags' | 'topic' | 'faq' | 'sources' | 'redirectFrom'>;
  headingIds: readonly string[];
}

export interface SiteModelInput {
  published: readonly ModelledArticle[];
  drafts: readonly ModelledArticle[];
  topics: readonly VocabularyEntry[];
  /** Site paths of the files in the public folder. */
  publicPaths: readonly string[];
  pageSize: number;
}

/** Counts per key, e.g. how many published articles carry each tag. */
function countBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) for (const key of keys(item)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

export function siteModel(input: SiteModelInput): { site: SiteMap; problems: Problem[] } {
  const site: SiteMap = { pages: new Map(), redirects: new Map(), drafts: new Set() };
  const problems: Problem[] = [];
  for (const path of [...STATIC_PAGES, ...input.publicPaths]) site.pages.set(path, undefined);
  const perTag = countBy(input.published, (a) => a.data.tags);
  const perTopic = countBy(input.published, (a) => [a.data.topic]);
  // Listing pages: every topic (even while empty), every tag some article uses, each paginated.
  for (const topic of input.topics) {
    for (let page = 1; page <= pageCount(perTopic.get(topic.id) ?? 0, input.pageSize); page++)
      site.pages.set(topicPath(topic.id, page), undefined);
  }
  for (const [tag, count] of perTag) {
    for (let page = 1; page <= pageCount(count, input.pageSize); page++) site.pages.set(tagPath(tag, page), undefined);
  }
  for (const article of input.published) {
    const ids = articlePageIds({
      headingIds: article.headingIds,
      faq: article.data.faq.length > 0,
      sources: article.data.sources.length > 0,
      // Related articles share a tag (src/lib/articles.ts, relatedArticles).
      related: article.data.tags.some((tag) => (perTag.get(tag) ?? 0) > 1),
    });
    site.pages.set(articlePath(article.id), ids);
  }
  for (const article of input.drafts) site.drafts.add(articlePath(article.id));
  for (const article of input.published) {
    for (const from of article.data.redirectFrom) {
      const clash = site.pages.has(from) ? 'an existing page' : site.redirects.get(from);
      if (clash) {
        problems.push({
          file: article.file,
          line: 1,
          subject: 'redirectFrom',
          message: `${from} is already ${clash === 'an existing page' ? clash : `redirected to ${clash}`}; remove it here`,
          severity: 'error',
        });
        continue;
      }
      site.redirects.set(from, articlePath(article.id));
    }
  }
  return { site, problems };
}
