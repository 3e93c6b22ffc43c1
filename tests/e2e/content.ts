// What the content folder says should be on the site, read straight from the files so
// the browser tests compare the build against its source rather than hard-coded lists.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { articleId } from '../../src/lib/routes.ts';

export interface SourceArticle {
  id: string;
  title: string;
  tags: string[];
  draft: boolean;
  pubDate: Date;
}

export function sourceArticles(contentDir = 'content'): SourceArticle[] {
  const dir = join(contentDir, 'articles');
  return readdirSync(dir)
    .filter((f) => /\.mdx?$/.test(f))
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const data = parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!);
      return {
        id: articleId(file),
        title: data.title,
        tags: data.tags,
        draft: data.draft === true,
        pubDate: new Date(data.pubDate),
      };
    });
}

export const publishedArticles = () => sourceArticles().filter((a) => !a.draft);
