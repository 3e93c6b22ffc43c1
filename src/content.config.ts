import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from './site.config.ts';
import { createArticleSchema } from './lib/schemas.ts';
import { loadVocabulary } from './lib/vocabulary.ts';

const tags = loadVocabulary(contentDir, 'tags');
const topics = loadVocabulary(contentDir, 'topics');

const articles = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: resolve(contentDir, 'articles') }),
  schema: createArticleSchema({ tags: tags.map((t) => t.id), topics: topics.map((t) => t.id) }),
});

export const collections = { articles };
