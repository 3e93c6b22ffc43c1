import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from './site.config.ts';
import { loadArticleSchema } from './lib/vocabulary.ts';

const articles = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: resolve(contentDir, 'articles') }),
  schema: loadArticleSchema(contentDir).schema,
});

export const collections = { articles };
