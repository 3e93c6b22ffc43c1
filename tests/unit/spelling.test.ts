import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBody } from '../../src/checks/content/body.ts';
import {
  checkSpelling,
  frontmatterProse,
  loadSpellingDictionary,
  loadWordList,
  proseWords,
  type WordList,
} from '../../src/checks/content/spelling.ts';

const noWords: WordList = { words: new Set(), shownAs: 'content/words.txt' };
const whole = (text: string) => [{ start: 0, end: text.length }];
const unknownWords = async (text: string, list = noWords) =>
  (await checkSpelling('a.md', text, whole(text), list)).map((p) => p.message.split("'")[1]);

beforeAll(() => loadSpellingDictionary(), 60_000);

describe('the words of prose', () => {
  it('skips identifiers, versions, paths and short words, and drops a possessive', () => {
    const text =
      "Set max_vcpus, call graph.astream, pull ollama:llama3.1 or v1beta1 from docs.aws.amazon.com/x; Rego's rule and a cat.";
    expect(proseWords(text).map((w) => w.word)).toEqual(['call', 'pull', 'from', 'Rego', 'rule']);
  });

  it('gives each word its offset in the file', () => {
    expect(proseWords('(Kyverno) checks.', 10)).toEqual([
      { word: 'Kyverno', offset: 11 },
      { word: 'checks', offset: 20 },
    ]);
  });
});

describe('the prose of an article', () => {
  it('is the frontmatter title, description and FAQ, and the body text without code or URLs', () => {
    const source =
      '---\ntitle: "Tiitle"\ndescription: "Descripshun"\ntopic: topik\nfaq:\n  - question: "Queston?"\n    answer: "Answr"\n---\n';
    const texts = frontmatterProse(source, source.split('---\n')[1]!.replace(/\n$/, '')).map((r) =>
      source.slice(r.start, r.end),
    );
    expect(texts).toEqual(['"Tiitle"', '"Descripshun"', '"Queston?"', '"Answr"']);

    const body =
      '## Headng\n\nSome *emphasys* and `codde`, [link txt](https://exampel.com/pathh) ' +
      '<https://autolinc.dev>.\n\n```bash\necho fencce\n```\n\n| Cel |\n| --- |\n| Vallue |\n';
    const facts = checkBody('a.md', body, 1, 'md');
    const prose = facts.prose.map((r) => body.slice(r.start, r.end)).join('|');
    expect(prose).toBe('Headng|Some |emphasys| and |, |link txt| |.|Cel|Vallue');
  });
});

describe('the spell check', () => {
  it('uses British English: favour and organisation pass, favor and enrollment do not', async () => {
    expect(await unknownWords('Favour the organisation; favor the enrollment.')).toEqual(['favor', 'enrollment']);
  });

  it('knows software, AWS and Kubernetes terms and accepts a camelCase word whose parts it knows', async () => {
    expect(
      await unknownWords('Terraform, kubectl, DaemonSet, CloudFormation, Kyverno, HashiCorp and DynamoDB.'),
    ).toEqual([]);
  });

  it("accepts the content folder's words, ignoring case, and skips its comments", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'words-'));
    writeFileSync(join(dir, 'words.txt'), '# products\nKubespray  # a comment\n\nconftest\n');
    const list = loadWordList(dir, 'x/words.txt');
    expect([...list.words]).toEqual(['kubespray', 'conftest']);
    expect(await unknownWords('Kubespray and Conftest and Frobnicatr.', list)).toEqual(['Frobnicatr']);
    expect(loadWordList(join(dir, 'missing'), 'y').words.size).toBe(0);
  });

  it('reports the first occurrence of each word at its line and column, with the count of the rest', async () => {
    const text = 'One line.\nThe pod recieves it; the node recieves it.\n';
    expect(await checkSpelling('a.md', text, whole(text), noWords)).toEqual([
      {
        file: 'a.md',
        line: 2,
        column: 9,
        subject: 'spelling',
        message:
          "'recieves' is not in the dictionary (1 more in this file); did you mean 'receives', 'relieves', 'receive'? " +
          'Fix the typo, or if it is a real term add it to content/words.txt.',
        severity: 'error',
      },
    ]);
  });
});
