// The dev server's check on save (src/checks/content/dev-session.ts) on a copy of the
// fixture site: a save re-checks the saved file, a heading change re-checks the files
// linking to it, and the terminal report names problems and "fixed".
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevCheckSession, recheckReport } from '../../src/checks/content/dev-session.ts';

let dir = '';
let session: DevCheckSession;
const article = (name: string) => join(dir, 'articles', name);
const named = (name: string) => relative(process.cwd(), article(name));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kb-dev-session-'));
  await cp('tests/fixtures/site', dir, { recursive: true });
  process.env.KB_CACHE_DIR = join(dir, '.cache');
  session = new DevCheckSession({ contentDir: dir, includeDrafts: true, snippets: false, staleAfterMonths: 12 });
  await session.start();
});
afterAll(async () => {
  delete process.env.KB_CACHE_DIR;
  await rm(dir, { recursive: true, force: true });
});

describe('DevCheckSession', () => {
  it('re-checks only the saved file after a prose edit, and reports a new broken link with its line', async () => {
    const file = article('script-title.mdx');
    const original = await readFile(file, 'utf8');
    await writeFile(file, `${original}\nSee [nowhere](/articles/no-such-article/).\n`);
    const recheck = (await session.changed(file, 'change'))!;
    expect([...recheck.files.keys()]).toEqual([named('script-title.mdx')]);
    const report = recheckReport(recheck, named('script-title.mdx'));
    const line = `${original}\nSee`.split('\n').length;
    expect(report.problems).toEqual([
      expect.stringMatching(new RegExp(`script-title\\.mdx:${line}:\\d+ link /articles/no-such-article/: no page at`)),
    ]);
    expect(report.fixed).toEqual([]);

    await writeFile(file, original);
    const fixed = recheckReport((await session.changed(file, 'change'))!, named('script-title.mdx'));
    expect(fixed).toEqual({ problems: [], fixed: [`${named('script-title.mdx')}: fixed, no problems left`] });
  });

  it('re-checks the articles linking to a heading when it is renamed, and finds their link broken', async () => {
    const linker = article('script-title.mdx');
    const linkerText = await readFile(linker, 'utf8');
    await writeFile(linker, `${linkerText}\nSee [the code](/articles/sample-published/#code-blocks).\n`);
    expect((await session.changed(linker, 'change'))!.files.get(named('script-title.mdx'))).toEqual([]);

    const target = article('sample-published.mdx');
    const original = await readFile(target, 'utf8');
    await writeFile(target, original.replace('## Code blocks', '## Code samples'));
    const recheck = (await session.changed(target, 'change'))!;
    expect([...recheck.files.keys()]).toContain(named('script-title.mdx'));
    expect(recheck.files.get(named('script-title.mdx'))!.map((p) => p.message)).toEqual([
      expect.stringContaining("no heading with id 'code-blocks' on /articles/sample-published/"),
    ]);
    expect(recheck.files.has(named('stale-review.mdx'))).toBe(false);

    await writeFile(target, original);
    await session.changed(target, 'change');
    await writeFile(linker, linkerText);
    await session.changed(linker, 'change');
  });

  it('tells article and vocabulary files from the rest', () => {
    expect(session.kindOf(article('x.md'))).toBe('article');
    expect(session.kindOf(join(dir, 'tags.yaml'))).toBe('vocabulary');
    expect(session.kindOf(join(dir, 'words.txt'))).toBe('vocabulary');
    expect(session.kindOf(join(dir, 'articles', 'image.png'))).toBeUndefined();
  });
});
