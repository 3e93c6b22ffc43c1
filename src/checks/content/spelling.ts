/**
 * Spell-checks what readers read: the body's prose (paragraphs, headings, lists, tables,
 * callouts, link text) and the frontmatter's title, description and FAQ. Code, inline code,
 * URLs, HTML and math are not prose and are never checked.
 *
 * The words come from cspell's dictionaries, loaded once through its library: British English
 * (the articles write organisation, behaviour, favour, enrolled) and the software-terms, AWS,
 * Kubernetes, company and tool dictionaries, plus the content folder's `words.txt`.
 *
 * Why we split the words ourselves instead of calling cspell's spellCheckDocument: that pipeline
 * is built for source code (it runs its regex patterns and in-document settings over every
 * text) and costs ~40 ms per article here; prose needs only word splitting and a dictionary
 * lookup, ~2 ms, which matters at 10,000 articles. cspell still decides every word and
 * suggests the corrections.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { SpellingDictionary } from 'cspell-lib';
import type { Problem } from './problems.ts';

/** A span of prose in the file: [start, end) offsets. */
export interface ProseRange {
  start: number;
  end: number;
}

/** The project's word list inside a content folder: one word a line, `#` starts a comment. */
export const WORD_LIST = 'words.txt';

export interface WordList {
  /** The words, lowercased. */
  words: Set<string>;
  /** How the file is named in messages. */
  shownAs: string;
}

/** British English, and the dictionaries of the tools the articles are about (all bundled with cspell). */
export const DICTIONARIES = [
  'en-gb',
  'softwareTerms',
  'aws',
  'k8s',
  'companies',
  'terraform',
  'python',
  'rust',
  'bash',
  'docker',
  'golang',
  'node',
  'npm',
  'git',
  'filetypes',
  'public-licenses',
];

/** cspell's default: shorter words are not checked. */
const MIN_WORD_LENGTH = 4;

let dictionary: Promise<SpellingDictionary> | undefined;

/** cspell's dictionaries, loaded on first use (~1 s) and kept for the process. */
export function loadSpellingDictionary(): Promise<SpellingDictionary> {
  return (dictionary ??= (async () => {
    const { finalizeSettings, getDefaultSettings, getDictionary, mergeSettings } = await import('cspell-lib');
    const ours = {
      language: 'en-GB',
      // Only our list: cspell's defaults also turn on en_US, which would accept "enrollment".
      languageSettings: [],
      dictionaries: DICTIONARIES,
    };
    return getDictionary(finalizeSettings(mergeSettings(await getDefaultSettings(), ours)));
  })());
}

/**
 * Lets go of the dictionaries and every memo above, for a process that has checked once and has
 * other work to do (a build: the check runs inside Astro's process, before the pages, and cspell's
 * tries and the memos would otherwise stay in its heap until the build ends). The next check
 * loads the dictionaries again.
 */
export function releaseSpellingDictionary(): void {
  dictionary = undefined;
  wordsOfToken.clear();
  inDictionary.clear();
  suggestionsFor.clear();
}

/** The content folder's word list (empty if it has none). Read on every run: writers edit it. */
export function loadWordList(contentDir: string, shownAs: string): WordList {
  let text = '';
  try {
    text = readFileSync(join(contentDir, WORD_LIST), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const words = new Set<string>();
  for (const line of text.split('\n')) {
    const word = line.replace(/#.*/, '').trim();
    if (word) words.add(word.toLowerCase());
  }
  return { words, shownAs };
}

/**
 * Offsets of the frontmatter values readers see: title, description, FAQ questions and answers.
 * `document` is `yaml` already parsed (the schema check's): parsing every file's frontmatter a
 * second time here was 1.4 s of a 1,000-article check (lead's --cpu-prof).
 */
export function frontmatterProse(source: string, yaml: string, document?: Document): ProseRange[] {
  const offset = source.indexOf(yaml);
  if (offset < 0 || !yaml) return [];
  const doc = document ?? parseDocument(yaml);
  const ranges: ProseRange[] = [];
  const add = (node: unknown) => {
    if (isScalar(node) && typeof node.value === 'string' && node.range)
      ranges.push({ start: offset + node.range[0], end: offset + node.range[1] });
  };
  add(doc.get('title', true));
  add(doc.get('description', true));
  const faq = doc.get('faq', true) as YamlNode | undefined;
  if (isSeq(faq))
    for (const item of faq.items) {
      if (!isMap(item)) continue;
      add(item.get('question', true));
      add(item.get('answer', true));
    }
  return ranges;
}

export interface ProseWord {
  word: string;
  offset: number;
}

/**
 * The words of a prose span that a dictionary can judge. A token with a digit, `_`, `/`, `@`,
 * or a `.` or `:` inside (`max_vcpus`, `graph.astream`, `ollama:llama3.1`, `v1beta1`, a domain)
 * is an identifier, version or address, not a word, and is skipped; a possessive `'s` is
 * dropped, and words shorter than four letters are skipped, as cspell does.
 */
export function proseWords(text: string, offset = 0): ProseWord[] {
  const out: ProseWord[] = [];
  for (const token of text.matchAll(TOKEN)) {
    for (const { word, at } of tokenWords(token[0])) out.push({ word, offset: offset + token.index + at });
  }
  return out;
}

/** A run of letters, digits and the characters identifiers and addresses contain; split by tokenWords. */
const TOKEN = /[\p{L}\p{N}_.:'’/@-]+/gu;

/**
 * The words of one token and where in it they start, remembered per token: prose repeats its
 * tokens, and splitting each afresh was 2.0 s of a 1,000-article check (lead's --cpu-prof).
 * Bounded: cleared when it holds TOKEN_MEMO_LIMIT tokens.
 */
const TOKEN_MEMO_LIMIT = 100_000;
const wordsOfToken = new Map<string, ReadonlyArray<{ word: string; at: number }>>();

function tokenWords(token: string): ReadonlyArray<{ word: string; at: number }> {
  let words = wordsOfToken.get(token);
  if (words) return words;
  const found: Array<{ word: string; at: number }> = [];
  const trimmed = token.replace(/^[.:'’-]+/, '');
  const lead = token.length - trimmed.length;
  const core = trimmed.replace(/[.:'’-]+$/, '');
  if (!/[\d_/@]|[.:]./u.test(core)) {
    for (const part of core.matchAll(/\p{L}+(?:['’]\p{L}+)*/gu)) {
      const word = part[0].replace(/['’]s$/i, '').replace(/’/g, "'");
      if (word.length >= MIN_WORD_LENGTH) found.push({ word, at: lead + part.index });
    }
  }
  if (wordsOfToken.size >= TOKEN_MEMO_LIMIT) wordsOfToken.clear();
  wordsOfToken.set(token, (words = found));
  return words;
}

/** The parts of a camelCase word: DynamoDB → Dynamo, DB; kubeconfig stays whole. */
function camelCaseParts(word: string): string[] {
  return word.match(/\p{Lu}?\p{Ll}+(?:'\p{Ll}+)*|\p{Lu}+(?!\p{Ll})/gu) ?? [word];
}

/**
 * The dictionaries' answer for each word seen in this process. Prose repeats its words (the,
 * cluster, policy…), so most lookups across the sixteen dictionaries are answered from here.
 */
const inDictionary = new Map<string, boolean>();

function dictionaryHas(dict: SpellingDictionary, word: string): boolean {
  let known = inDictionary.get(word);
  if (known === undefined) inDictionary.set(word, (known = dict.has(word, { ignoreCase: true })));
  return known;
}

/** A word is known as a whole (HashiCorp, CloudTrail) or, failing that, by its camelCase parts. */
function isKnown(dict: SpellingDictionary, list: WordList, word: string): boolean {
  if (dictionaryHas(dict, word)) return true;
  const parts = camelCaseParts(word);
  return (
    parts.length > 1 &&
    parts.every((p) => p.length < MIN_WORD_LENGTH || list.words.has(p.toLowerCase()) || dictionaryHas(dict, p))
  );
}

type TokenWords = ReadonlyArray<{ word: string; at: number }>;
const NONE: TokenWords = Object.freeze([]);

/**
 * The words of a token that neither the dictionaries nor the word list know, remembered per token
 * and word list, so a token repeated across files is judged once. Bounded like wordsOfToken.
 */
const unknownInToken = new WeakMap<WordList, Map<string, TokenWords>>();

function unknownWords(dict: SpellingDictionary, list: WordList, token: string): TokenWords {
  let known = unknownInToken.get(list);
  if (!known) unknownInToken.set(list, (known = new Map()));
  let words = known.get(token);
  if (words) return words;
  words = tokenWords(token).filter(({ word }) => !list.words.has(word.toLowerCase()) && !isKnown(dict, list, word));
  if (!words.length) words = NONE;
  if (known.size >= TOKEN_MEMO_LIMIT) known.clear();
  known.set(token, words);
  return words;
}

/**
 * cspell's corrections for each unknown word seen in this process: a search of the whole trie
 * per word, which a typo copied into many files would otherwise repeat in each (the cspell-trie
 * time of a 1,000-article check). Bounded: cleared when it holds SUGGESTION_MEMO_LIMIT words.
 */
const SUGGESTION_MEMO_LIMIT = 10_000;
const suggestionsFor = new Map<string, string[]>();

function suggestions(dict: SpellingDictionary, word: string): string[] {
  let found = suggestionsFor.get(word);
  if (found) return found;
  // cspell also proposes splits ("kibe spray" for Kubespray); a writer wants a word. Its default
  // time limit and the order of equally close words vary from run to run, so search fully, keep
  // ties and order them by closeness, then alphabetically: the same typo, the same message.
  found = dict
    .suggest(word, { numSuggestions: 3, includeTies: true, ignoreCase: true, timeout: 60_000 })
    .filter((s) => !s.word.includes(' '))
    .sort((a, b) => a.cost - b.cost || a.word.localeCompare(b.word))
    .slice(0, 3)
    .map((s) => `'${s.word}'`);
  if (suggestionsFor.size >= SUGGESTION_MEMO_LIMIT) suggestionsFor.clear();
  suggestionsFor.set(word, found);
  return found;
}

/**
 * The spelling problems of one file: the first occurrence of each unknown word, with
 * cspell's suggestions and how many more times it occurs.
 */
export async function checkSpelling(
  file: string,
  source: string,
  prose: readonly ProseRange[],
  list: WordList,
): Promise<Problem[]> {
  if (!prose.length) return [];
  const dict = await loadSpellingDictionary();
  const unknown = new Map<string, { word: string; offset: number; count: number }>();
  for (const { start, end } of prose) {
    const text = source.slice(start, end);
    TOKEN.lastIndex = 0;
    // An exec loop, and only the unknown words of each token kept: most tokens are known words,
    // and building an object per word was most of the tokenizer's 2.0 s at 1,000 articles.
    for (let token = TOKEN.exec(text); token; token = TOKEN.exec(text)) {
      // Nothing shorter than a checked word can hold one ("the", "a", "of": a third of all tokens).
      if (token[0].length < MIN_WORD_LENGTH) continue;
      for (const { word, at } of unknownWords(dict, list, token[0])) {
        const key = word.toLowerCase();
        const seen = unknown.get(key);
        if (seen) seen.count++;
        else unknown.set(key, { word, offset: start + token.index + at, count: 1 });
      }
    }
  }
  return [...unknown.values()].map(({ word, offset, count }) => {
    const before = source.slice(0, offset);
    const suggested = suggestions(dict, word);
    const more = count > 1 ? ` (${count - 1} more in this file)` : '';
    const hint = suggested.length ? `; did you mean ${suggested.join(', ')}?` : '.';
    return {
      file,
      line: before.split('\n').length,
      column: offset - before.lastIndexOf('\n'),
      subject: 'spelling',
      message: `'${word}' is not in the dictionary${more}${hint} Fix the typo, or if it is a real term add it to ${list.shownAs}.`,
      severity: 'error' as const,
    };
  });
}
