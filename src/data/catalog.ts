/**
 * The site's view of its content: published articles and the indexes pages need,
 * built once per production build. Pages call these instead of getCollection so
 * no page does work proportional to the whole site (which would make the build
 * quadratic as articles are added).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { contentDir } from '../site.config.ts';
import { byNewest, groupByTag, groupByTopic, positions } from '../lib/articles.ts';
import { loadVocabulary } from '../lib/vocabulary.ts';
import type { VocabularyEntry } from '../lib/schemas.ts';
import { updatedDate } from '../lib/last-modified.ts';
import { gitHistory } from './git-history.ts';

export type Article = CollectionEntry<'articles'>;

export interface Catalog {
  articles: Article[];
  byTag: Map<string, Article[]>;
  byTopic: Map<string, Article[]>;
  /** tag or topic → (article id → index in its newest-first list) */
  tagPositions: Map<string, Map<string, number>>;
  topicPositions: Map<string, Map<string, number>>;
  tags: VocabularyEntry[];
  /** The tags some article uses, in vocabulary order: the ones with a page. */
  usedTags: VocabularyEntry[];
  topics: VocabularyEntry[];
  tagLabel: (id: string) => string;
  topicLabel: (id: string) => string;
}

let cached: Promise<Catalog> | undefined;

async function build(): Promise<Catalog> {
  // Drafts render under `npm run dev` so writers can preview them; never in a build.
  const entries = await getCollection('articles', ({ data }) => import.meta.env.DEV || !data.draft);
  // "Updated" falls back to the file's last commit (one git log for all files); copies,
  // so the content store's entries keep exactly what the frontmatter says.
  const { lastCommit } = gitHistory(contentDir);
  const articles = byNewest(
    entries.map((entry) => {
      const updated = updatedDate(entry.data, lastCommit.get(entry.filePath ?? ''));
      return updated === entry.data.updatedDate ? entry : { ...entry, data: { ...entry.data, updatedDate: updated } };
    }),
  );
  const tags = loadVocabulary(contentDir, 'tags');
  const topics = loadVocabulary(contentDir, 'topics');
  const tagLabels = new Map(tags.map((t) => [t.id, t.label]));
  const topicLabels = new Map(topics.map((t) => [t.id, t.label]));
  const byTag = groupByTag(articles);
  const byTopic = groupByTopic(
    articles,
    topics.map((t) => t.id),
  );
  return {
    articles,
    byTag,
    byTopic,
    tagPositions: positions(byTag),
    topicPositions: positions(byTopic),
    tags,
    usedTags: tags.filter((t) => byTag.has(t.id)),
    topics,
    tagLabel: (id) => tagLabels.get(id) ?? id,
    topicLabel: (id) => topicLabels.get(id) ?? id,
  };
}

export function catalog(): Promise<Catalog> {
  // In dev, content changes between requests, so rebuild each time (cheap at dev scale).
  if (import.meta.env.DEV) return build();
  cached ??= build();
  return cached;
}
