import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createArticleSchema, vocabularySchema, type VocabularyEntry } from './schemas.ts';

/**
 * Reads a vocabulary file (tags.yaml, topics.yaml). A malformed file stops the build
 * with the file name and what to fix, since every article depends on it.
 */
export function loadVocabulary(contentDir: string, name: 'tags' | 'topics'): VocabularyEntry[] {
  const file = join(contentDir, `${name}.yaml`);
  const parsed = vocabularySchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${file} [${issue.path.join('.')}]: ${issue.message}`);
    throw new Error(`The ${name} vocabulary is invalid:\n${lines.join('\n')}`);
  }
  const seen = new Set<string>();
  for (const entry of parsed.data) {
    if (seen.has(entry.id)) throw new Error(`${file}: '${entry.id}' is listed twice; keep one entry per id.`);
    seen.add(entry.id);
  }
  return parsed.data;
}

/**
 * The article schema of a content folder, with its vocabularies: the one assembly the build
 * (src/content.config.ts) and the content check (src/checks/content) both use.
 */
export function loadArticleSchema(contentDir: string) {
  const tags = loadVocabulary(contentDir, 'tags');
  const topics = loadVocabulary(contentDir, 'topics');
  const schema = createArticleSchema({ tags: tags.map((t) => t.id), topics: topics.map((t) => t.id) });
  return { tags, topics, schema };
}
