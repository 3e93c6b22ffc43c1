import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { articleFrontmatter, isRedirectPath, recordArticleFrontmatter } from '../../src/data/article-frontmatter.ts';
import { checkContent } from '../../src/checks/content/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SITE = join(ROOT, 'tests/fixtures/site');

describe('the frontmatter the sitemap needs', () => {
  it('comes from what the content check recorded, without reading the files again', () => {
    const missing = join(ROOT, 'tests/fixtures/no-such-folder');
    recordArticleFrontmatter(
      missing,
      [
        {
          id: 'a',
          file: 'a.md',
          data: {
            redirectFrom: ['/articles/old/'],
            pubDate: new Date('2026-01-02'),
            title: 'A',
            topic: 'aws',
            level: 'beginner',
            draft: false,
          },
        },
      ],
      join(missing, 'articles'),
    );
    expect(articleFrontmatter(missing)).toEqual([
      {
        id: 'a',
        path: join(missing, 'articles', 'a.md'),
        redirectFrom: ['/articles/old/'],
        pubDate: new Date('2026-01-02'),
        updatedDate: undefined,
        card: { title: 'A', topic: 'aws', level: 'beginner' },
      },
    ]);
    const isRedirect = isRedirectPath(missing);
    expect([isRedirect('/articles/old/'), isRedirect('/articles/a/')]).toEqual([true, false]);
  });

  it('is the same whether the check recorded it or the files were read', async () => {
    const fromFiles = articleFrontmatter(SITE).map((a) => ({ ...a }));
    expect(fromFiles.some((a) => a.redirectFrom.length > 0)).toBe(true);
    const result = await checkContent({ contentDir: SITE, staleAfterMonths: 12, snippets: false, spelling: false });
    recordArticleFrontmatter(SITE, result.articles);
    const byId = (list: readonly { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(articleFrontmatter(SITE))).toEqual(byId(fromFiles));
  });
});
