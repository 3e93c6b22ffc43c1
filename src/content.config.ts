import { defineCollection } from 'astro:content';
import { contentDir } from './site.config.ts';
import { loadArticleSchema } from './lib/vocabulary.ts';
import { articleLoader } from './data/article-loader.ts';

const articles = defineCollection({
  loader: articleLoader(contentDir),
  schema: loadArticleSchema(contentDir).schema,
});

export const collections = { articles };
