/**
 * The pure half of `npm run new`: a slug from a title, vocabulary answers checked with
 * a did-you-mean, the command-line flags, and the text of a new article. The script
 * (scripts/new-article.ts) adds only the prompts and the file write, so everything a
 * writer can get wrong here is unit-tested.
 */
import { slug } from 'github-slugger';
import { closestMatches } from '../shared/edit-distance.ts';
import { DESCRIPTION_LENGTH, LEVELS, MAX_TAGS, TITLE_LENGTH, type Level } from './schemas.ts';
import { FIELD_PLACEHOLDER, PLACEHOLDER_MARKER } from './placeholder.ts';

/** Long enough to pass the schema's length bounds, and unmistakably not a real description. */
export const PLACEHOLDER_DESCRIPTION =
  `${PLACEHOLDER_MARKER} one or two sentences on what the reader will be able to do after ` + 'reading this.';

/**
 * The URL slug for a title: GitHub's heading slug (the same rules as heading ids), then
 * reduced to ASCII letters, digits and single hyphens. File names and URLs stay typeable
 * and match the path rule `redirectFrom` accepts, should the article ever move.
 */
export function slugFromTitle(title: string): string {
  return slug(title)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugProblem(value: string): string | undefined {
  return SLUG.test(value)
    ? undefined
    : `'${value}' is not a usable slug; use lowercase words and digits joined by hyphens, e.g. kubectl-cp`;
}

export function titleProblem(value: string): string | undefined {
  const text = value.trim();
  if (text.length < TITLE_LENGTH.min || text.length > TITLE_LENGTH.max)
    return `the title is ${text.length} characters; keep it between ${TITLE_LENGTH.min} and ${TITLE_LENGTH.max}`;
  if (!slugFromTitle(text)) return 'the title needs some letters or digits to make a URL from';
  return undefined;
}

export function descriptionProblem(value: string): string | undefined {
  const text = value.trim();
  if (text.length < DESCRIPTION_LENGTH.min || text.length > DESCRIPTION_LENGTH.max)
    return (
      `the description is ${text.length} characters; keep it between ${DESCRIPTION_LENGTH.min} and ` +
      `${DESCRIPTION_LENGTH.max} (one or two sentences)`
    );
  return undefined;
}

/** Why `value` is not one of `known` (a tag, topic or level), with the nearest one; undefined when it is. */
export function vocabularyProblem(kind: string, value: string, known: readonly string[]): string | undefined {
  if (known.includes(value)) return undefined;
  const guess = closestMatches(value, known, 1)[0];
  return `unknown ${kind} '${value}'${guess ? `; did you mean '${guess}'?` : '.'} Valid: ${known.join(', ')}`;
}

/** Tags as typed: separated by commas and/or spaces, duplicates dropped. */
export function parseTagList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

export function tagsProblem(tags: readonly string[], known: readonly string[]): string | undefined {
  if (tags.length === 0) return 'give at least one tag';
  if (tags.length > MAX_TAGS) return `use at most ${MAX_TAGS} tags; keep the ones a reader would filter by`;
  const problems = tags.map((t) => vocabularyProblem('tag', t, known)).filter((p) => p !== undefined);
  return problems.length ? problems.join('\n') : undefined;
}

export function levelProblem(value: string): string | undefined {
  return vocabularyProblem('level', value, LEVELS);
}

export interface NewArticleArgs {
  title?: string;
  description?: string;
  topic?: string;
  tags?: string[];
  level?: string;
  slug?: string;
  help?: boolean;
}

const VALUE_FLAGS = ['description', 'topic', 'tags', 'level', 'slug'] as const;

/**
 * `npm run new -- "Title" --topic aws --tags aws,iam --level beginner --description "…"`.
 * Accepts `--flag value` and `--flag=value`. Throws with a readable message on anything else.
 */
export function parseNewArticleArgs(argv: readonly string[]): NewArticleArgs {
  const args: NewArticleArgs = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      args.help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (!(VALUE_FLAGS as readonly string[]).includes(name)) {
      const guess = closestMatches(name, VALUE_FLAGS, 1)[0];
      throw new Error(`unknown option --${name}${guess ? `; did you mean --${guess}?` : ''}`);
    }
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new Error(`--${name} needs a value`);
    const flag = name as (typeof VALUE_FLAGS)[number];
    if (flag === 'tags') args.tags = parseTagList(value);
    else args[flag] = value;
  }
  // Unquoted titles arrive as several words; join them rather than refuse.
  if (positional.length) args.title = positional.join(' ');
  return args;
}

export interface ScaffoldInput {
  title: string;
  /**
   * Any of these omitted (Enter at the prompt, or no terminal to ask in): a placeholder,
   * which a draft may keep and the content check refuses once the article is published.
   */
  description?: string;
  topic?: string;
  tags?: readonly string[];
  level?: Level;
  today: Date;
  /** The valid ids, listed in a comment beside a placeholder so the writer can pick one there. */
  vocabulary?: { topics: readonly string[]; tags: readonly string[] };
}

/** A double-quoted YAML string: JSON strings are valid YAML, and quoting keeps `: ` and `#` literal. */
const quoted = (text: string): string => JSON.stringify(text);

// Placeholder paragraphs too long for one source line; each is still one line in the article.
const INTRODUCTION =
  `${PLACEHOLDER_MARKER} the introduction. Who is this for, what problem does it solve, and what will the reader ` +
  'have at the end? Two or three sentences; the title is already shown above it.';
const FIRST_STEP =
  `${PLACEHOLDER_MARKER} one task per section, each heading a phrase the reader would search for. Code goes in ` +
  'fences that name their language (CONTRIBUTING.md, "Code fences").';

/** The new article: frontmatter in the order CONTRIBUTING.md documents, then a section skeleton. */
export function renderArticle(input: ScaffoldInput): string {
  const day = input.today.toISOString().slice(0, 10);
  const description = input.description?.trim() || PLACEHOLDER_DESCRIPTION;
  const choices = (how: string, ids: readonly string[] | undefined) =>
    `  # ${PLACEHOLDER_MARKER} choose ${how}${ids?.length ? ` of: ${ids.join(', ')}` : ''}`;
  const topic = input.topic ?? `${FIELD_PLACEHOLDER}${choices('one', input.vocabulary?.topics)}`;
  const tags = input.tags?.length
    ? `[${input.tags.join(', ')}]`
    : `[${FIELD_PLACEHOLDER}]${choices(`1–${MAX_TAGS}`, input.vocabulary?.tags)}`;
  const level = input.level ?? `${FIELD_PLACEHOLDER}${choices('one', LEVELS)}`;
  return `---
title: ${quoted(input.title.trim())}
description: ${quoted(description)}
pubDate: ${day}
lastReviewed: ${day}
topic: ${topic}
tags: ${tags}
level: ${level}
# appliesTo: the versions you checked the article against, e.g.
#   - tool: Terraform
#     version: ">= 1.10"
# faq: 3–5 questions readers search for, each with question: "…" and answer: "…"
# sources: the docs, release notes and code that back every date, version, limit and model name
# stated as fact. Required to publish: the content check refuses a published article without one.
sources: []
#   - title: "Terraform docs: import blocks"
#     url: "https://developer.hashicorp.com/terraform/language/v1.8.x/import"
#     backs: "import blocks need Terraform 1.5 or later"
draft: true  # the build leaves drafts out; set false when the article is ready to publish
---

${INTRODUCTION}

## Prerequisites

${PLACEHOLDER_MARKER} the tools (with versions), access and knowledge the reader needs before starting.

## ${PLACEHOLDER_MARKER} first step

${FIRST_STEP}

## ${PLACEHOLDER_MARKER} second step

${PLACEHOLDER_MARKER} use ### for sub-sections; do not skip levels.

## Conclusion

${PLACEHOLDER_MARKER} what the reader now has, and where to go next: link related articles as /articles/their-slug/ with the trailing slash.
`;
}
