#!/usr/bin/env node
// `npm run new -- "Title"`: scaffold content/articles/<slug>.md as a draft with valid
// frontmatter and a section skeleton. Prompts for whatever the flags leave out; the
// rules and the text live in src/lib/scaffold.ts.
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { DESCRIPTION_LENGTH, LEVELS, MAX_TAGS, TITLE_LENGTH, type Level } from '../src/lib/schemas.ts';
import { loadVocabulary } from '../src/lib/vocabulary.ts';
import {
  descriptionProblem,
  levelProblem,
  parseNewArticleArgs,
  parseTagList,
  renderArticle,
  slugFromTitle,
  slugProblem,
  tagsProblem,
  titleProblem,
  vocabularyProblem,
  type NewArticleArgs,
} from '../src/lib/scaffold.ts';
import { contentDir } from '../src/site.config.ts';
import { articleId, articlePath } from '../src/lib/routes.ts';

const USAGE = `Usage: npm run new -- ["Title"] [--topic id] [--tags a,b] [--level beginner|intermediate|advanced]
                          [--description "…"] [--slug file-name]

Creates content/articles/<slug>.md as a draft. Anything not given is asked for.
What is neither given nor answered (Enter at the prompt, or no terminal to ask in,
e.g. \`npm run new -- "Title" < /dev/null\`) gets a placeholder, which a draft may
keep and the build refuses once draft is set to false.`;

function fail(message: string): never {
  console.error(`npm run new: ${message}`);
  process.exit(1);
}

let args: NewArticleArgs;
try {
  args = parseNewArticleArgs(process.argv.slice(2));
} catch (e) {
  fail(`${(e as Error).message}\n\n${USAGE}`);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

const tags = loadVocabulary(contentDir, 'tags');
const topics = loadVocabulary(contentDir, 'topics');
const tagIds = tags.map((t) => t.id);
const topicIds = topics.map((t) => t.id);

// Values given as flags are checked before any question, so a typo fails fast with its fix.
const flagProblems = [
  args.title !== undefined ? titleProblem(args.title) : undefined,
  args.slug !== undefined ? slugProblem(args.slug) : undefined,
  args.description !== undefined ? descriptionProblem(args.description) : undefined,
  args.topic !== undefined ? vocabularyProblem('topic', args.topic, topicIds) : undefined,
  args.tags !== undefined ? tagsProblem(args.tags, tagIds) : undefined,
  args.level !== undefined ? levelProblem(args.level) : undefined,
].filter((p) => p !== undefined);
if (flagProblems.length) fail(flagProblems.join('\n'));

// Lines are read through the async iterator rather than rl.question(): it buffers, so
// answers piped in (`printf '…\n…\n' | npm run new`) are not lost between questions.
let rl: ReturnType<typeof createInterface> | undefined;
let lines: AsyncIterator<string> | undefined;
/** True once stdin has ended (no terminal, answers used up): every later answer is empty. */
let inputEnded = false;
async function ask(question: string): Promise<string> {
  if (inputEnded) return '';
  if (!rl) {
    rl = createInterface({ input: process.stdin, output: process.stdout, terminal: !!process.stdin.isTTY });
    lines = rl[Symbol.asyncIterator]();
  }
  rl.setPrompt(question);
  rl.prompt();
  const next = await lines!.next();
  if (!process.stdin.isTTY) process.stdout.write('\n');
  if (next.done) inputEnded = true;
  return next.done ? '' : next.value.trim();
}

/**
 * Asks until `problem` accepts the answer. An empty answer (Enter, or the input ended)
 * means "fill it in later": undefined, for which the draft gets a placeholder.
 */
async function askOrLater<T>(
  question: string,
  convert: (answer: string) => T,
  problem: (value: T) => string | undefined,
): Promise<T | undefined> {
  for (;;) {
    const answer = await ask(question);
    if (answer === '') return undefined;
    const value = convert(answer);
    const why = problem(value);
    if (!why) return value;
    console.log(`  ${why.replace(/\n/g, '\n  ')}`);
  }
}

/** The title names the file, so it has no placeholder: asked until given. */
async function askTitle(): Promise<string> {
  for (;;) {
    const answer = await ask(`Title (${TITLE_LENGTH.min}–${TITLE_LENGTH.max} characters): `);
    if (answer === '' && inputEnded)
      fail(
        `the title names the file, so it cannot be left for later; nothing was written. ` +
          `Give it as the first argument: npm run new -- "Your title"`,
      );
    const why = titleProblem(answer);
    if (!why) return answer;
    console.log(`  ${why}`);
  }
}

const articlesDir = join(contentDir, 'articles');
const existing = (slug: string) =>
  ['.md', '.mdx'].map((ext) => join(articlesDir, `${slug}${ext}`)).find((f) => existsSync(f));
const refuse = (file: string) =>
  fail(
    `${relative(process.cwd(), file)} already exists; nothing was written. Choose another title, or pass --slug to pick the file name.`,
  );

try {
  const title = args.title ?? (await askTitle());
  const slug = args.slug ?? slugFromTitle(title);
  // Checked before the remaining questions so nobody answers them only to be refused.
  const clash = existing(slug);
  if (clash) refuse(clash);

  let description = args.description;
  // Asked whenever some other answer is asked for anyway; a run given every other flag
  // stays non-interactive and gets the placeholder.
  const interactive = [args.title, args.topic, args.tags, args.level].some((v) => v === undefined);
  if (description === undefined && interactive) {
    description = await askOrLater(
      `Description, one or two sentences for lists and search (${DESCRIPTION_LENGTH.min}–${DESCRIPTION_LENGTH.max} ` +
        `characters; Enter to fill in later): `,
      (a) => a,
      descriptionProblem,
    );
  }

  let topic = args.topic;
  if (topic === undefined) {
    if (!inputEnded) console.log(`Topics: ${topics.map((t) => `${t.id} (${t.label})`).join(', ')}`);
    topic = await askOrLater(
      'Topic (Enter to choose later): ',
      (a) => a.toLowerCase(),
      (a) => vocabularyProblem('topic', a, topicIds),
    );
  }

  let chosenTags = args.tags;
  if (chosenTags === undefined) {
    if (!inputEnded) console.log(`Tags: ${tagIds.join(', ')}`);
    chosenTags = await askOrLater(
      `Tags (1–${MAX_TAGS}, separated by commas; Enter to choose later): `,
      parseTagList,
      (t) => tagsProblem(t, tagIds),
    );
  }

  let level = args.level;
  if (level === undefined)
    level = await askOrLater(
      `Level (${LEVELS.join(', ')}; Enter to choose later): `,
      (a) => a.toLowerCase(),
      levelProblem,
    );

  // Today in the writer's time zone, as the UTC midnight the schema's dates use.
  const now = new Date();
  const today = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  const text = renderArticle({
    title,
    description,
    topic,
    tags: chosenTags,
    level: level as Level | undefined,
    today,
    vocabulary: { topics: topicIds, tags: tagIds },
  });

  await mkdir(articlesDir, { recursive: true });
  const file = join(articlesDir, `${slug}.md`);
  const other = existing(slug);
  if (other) refuse(other);
  try {
    // 'wx' fails if the file appeared meanwhile: never overwrite a writer's work.
    await writeFile(file, text, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') refuse(file);
    throw e;
  }
  const shown = relative(process.cwd(), file);
  const later = Object.entries({ description, topic, tags: chosenTags, level })
    .filter(([, value]) => value === undefined)
    .map(([field]) => field);
  console.log(`Created ${shown} (draft: true).${later.length ? `\nLeft as TODO placeholders to fill in: ${later.join(', ')}.` : ''}
Next: npm run dev and open ${articlePath(articleId(`${slug}.md`))}, replace every TODO, run npm run validate,
then set draft: false when it is ready to publish.`);
} finally {
  rl?.close();
}
