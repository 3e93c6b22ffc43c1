import { describe, expect, it } from 'vitest';
import { filesToRecheck, linkTarget, type LinkFacts } from '../../src/lib/recheck.ts';

const page = (over: Partial<NonNullable<LinkFacts['page']>> = {}): NonNullable<LinkFacts['page']> => ({
  draft: false,
  headingIds: ['setup', 'usage'],
  tags: ['aws'],
  topic: 'cloud',
  redirectFrom: [],
  faq: false,
  sources: false,
  ...over,
});
const article = (id: string, linksTo: string[] = [], over: Partial<LinkFacts> = {}): LinkFacts => ({
  file: `content/articles/${id}.md`,
  id,
  page: page(),
  linksTo,
  ...over,
});

const target = article('target');
const linker = article('linker', ['/articles/target/']);
const bystander = article('bystander', ['/articles/other/', '/tags/terraform/'], { page: page({ tags: ['k8s'] }) });
const sorted = (s: Set<string>) => [...s].sort();

describe('filesToRecheck', () => {
  it('re-checks only the saved file when nothing others link to changed (prose edit)', () => {
    const after = { ...target };
    expect(sorted(filesToRecheck({ kind: 'article', before: target, after }, [after, linker, bystander]))).toEqual([
      target.file,
    ]);
  });

  it('re-checks the saved file only when just its own links changed', () => {
    const after = { ...target, linksTo: ['/articles/nowhere/'] };
    expect(sorted(filesToRecheck({ kind: 'article', before: target, after }, [after, linker]))).toEqual([target.file]);
  });

  it('re-checks the files linking in when the headings change', () => {
    const after = { ...target, page: page({ headingIds: ['setup', 'usage-notes'] }) };
    expect(sorted(filesToRecheck({ kind: 'article', before: target, after }, [after, linker, bystander]))).toEqual(
      sorted(new Set([target.file, linker.file])),
    );
  });

  it('re-checks links to the old and the new path when the slug changes (a rename)', () => {
    const after = article('renamed', [], { file: 'content/articles/renamed.md' });
    const toNew = article('to-new', ['/articles/renamed/']);
    const all = [after, linker, toNew, bystander];
    expect(sorted(filesToRecheck({ kind: 'article', before: target, after }, all))).toEqual(
      sorted(new Set([target.file, after.file, linker.file, toNew.file])),
    );
  });

  it('re-checks the files linking in when the draft state changes', () => {
    const after = { ...target, page: page({ draft: true }) };
    expect(filesToRecheck({ kind: 'article', before: target, after }, [after, linker])).toContain(linker.file);
  });

  it('re-checks the files linking in when the article appears, disappears or its frontmatter breaks', () => {
    expect(filesToRecheck({ kind: 'article', after: target }, [target, linker])).toContain(linker.file);
    expect(filesToRecheck({ kind: 'article', before: target }, [linker])).toContain(linker.file);
    const broken = { ...target, page: undefined };
    expect(filesToRecheck({ kind: 'article', before: target, after: broken }, [broken, linker])).toContain(linker.file);
  });

  it('re-checks links to the FAQ or sources sections when they appear', () => {
    const after = { ...target, page: page({ faq: true }) };
    expect(filesToRecheck({ kind: 'article', before: target, after }, [after, linker])).toContain(linker.file);
  });

  it('re-checks links to tag pages and to articles sharing a tag when the tags change', () => {
    const after = { ...target, page: page({ tags: ['aws', 'terraform'] }) };
    const sharing = article('sharing', [], { page: page({ tags: ['terraform'] }) });
    const toSharing = article('to-sharing', ['/articles/sharing/']);
    const unrelated = article('unrelated', ['/articles/other/'], { page: page({ tags: ['k8s'] }) });
    const all = [after, linker, bystander, sharing, toSharing, unrelated];
    const files = filesToRecheck({ kind: 'article', before: target, after }, all);
    expect(files).toContain(bystander.file); // links to /tags/terraform/
    expect(files).toContain(toSharing.file); // sharing may gain a "related" section
    expect(files).toContain(linker.file); // and so may the target
    expect(files).not.toContain(unrelated.file);
  });

  it('re-checks links to a redirect that was added or removed', () => {
    const toOld = article('to-old', ['/articles/old-name/']);
    const after = { ...target, page: page({ redirectFrom: ['/articles/old-name/'] }) };
    expect(filesToRecheck({ kind: 'article', before: target, after }, [after, toOld])).toContain(toOld.file);
  });

  it('re-checks every article when a vocabulary file changes', () => {
    expect(sorted(filesToRecheck({ kind: 'vocabulary' }, [target, linker, bystander]))).toEqual(
      sorted(new Set([target.file, linker.file, bystander.file])),
    );
  });
});

describe('linkTarget', () => {
  it('drops the fragment and query, and resolves a same-page link to the page', () => {
    expect(linkTarget('/articles/a/', '/articles/b/#setup')).toBe('/articles/b/');
    expect(linkTarget('/articles/a/', '/search/?q=x')).toBe('/search/');
    expect(linkTarget('/articles/a/', '#usage')).toBe('/articles/a/');
  });
});
