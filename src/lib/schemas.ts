/**
 * Frontmatter schemas. Kept free of Astro virtual modules so that unit tests and the
 * command-line validator import the very same rules the build applies.
 *
 * Every message is written for the person editing the file: what was expected, what
 * was found, and what to type instead. Astro prefixes each message with the field
 * path, so messages do not repeat the field name at the start.
 */
import { z } from 'astro/zod';
import { closestMatches } from '../shared/edit-distance.ts';
import { SYNONYMS } from '../shared/synonyms.ts';
import { FIELD_PLACEHOLDER } from './placeholder.ts';

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];

export const TITLE_LENGTH = { min: 10, max: 90 } as const;
export const DESCRIPTION_LENGTH = { min: 50, max: 170 } as const;
export const MAX_TAGS = 6;

export interface VocabularyEntry {
  id: string;
  label: string;
  description: string;
}

const VOCABULARY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const vocabularySchema = z.array(
  z.object({
    id: z.string().regex(VOCABULARY_ID, { error: 'use lowercase words joined by hyphens, e.g. policy-as-code' }),
    label: z.string().min(1, { error: 'give the label readers see, e.g. "Policy as code"' }),
    description: z.string().min(10, { error: 'describe the entry in one sentence (at least 10 characters)' }),
  }),
);

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping of keys';
  return `${typeof value} ${String(value)}`;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Why a YYYY-MM-DD string is not a real day (2026-02-30, 2026-13-01), or undefined.
 * Date would roll it over silently (Astro's YAML turns 2026-02-30 into 2 March).
 */
export function calendarProblem(text: string): string | undefined {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  if (month < 1 || month > 12) return `there is no month ${String(month).padStart(2, '0')} (months run 01–12)`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${MONTH_NAMES[month - 1]} ${year} has ${days} days`;
  return undefined;
}

/** A calendar day written as YYYY-MM-DD (YAML may already have turned it into a Date). */
export function parseDay(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string' || !ISO_DAY.test(value.trim())) return undefined;
  const date = new Date(`${value.trim()}T00:00:00Z`);
  // Reject 2026-02-31 and friends, which Date silently rolls over (and 2026-13-01, which it cannot parse).
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().slice(0, 10) === value.trim() ? date : undefined;
}

function dayField(field: string, example: string) {
  return z.unknown().transform((value, ctx): Date => {
    const date = parseDay(value);
    if (!date) {
      const offCalendar =
        typeof value === 'string' && ISO_DAY.test(value.trim()) ? calendarProblem(value.trim()) : undefined;
      ctx.addIssue({
        code: 'custom',
        message:
          value === undefined || value === null || value === ''
            ? `is required: add ${field}: ${example} (a date written YYYY-MM-DD)`
            : offCalendar
              ? `${String(value).trim()} is not a day on the calendar: ${offCalendar}; write the real date, e.g. ${field}: ${example}`
              : `expected a date written YYYY-MM-DD, found ${describe(value)}; write e.g. ${field}: ${example}`,
      });
      return z.NEVER;
    }
    return date;
  });
}

function requiredText(field: string, bounds: { min: number; max: number }, hint: string) {
  return z.unknown().transform((value, ctx): string => {
    if (typeof value !== 'string' || value.trim() === '') {
      ctx.addIssue({
        code: 'custom',
        message:
          typeof value === 'string' || value === undefined || value === null
            ? `is required: add ${field}: "…" (${hint})`
            : `expected text in quotes, found ${describe(value)}; write ${field}: "…"`,
      });
      return z.NEVER;
    }
    const text = value.trim();
    if (text.length < bounds.min || text.length > bounds.max) {
      ctx.addIssue({
        code: 'custom',
        message: `is ${text.length} characters; keep it between ${bounds.min} and ${bounds.max} (${hint})`,
      });
      return z.NEVER;
    }
    return text;
  });
}

function vocabularyId(kind: 'tag' | 'topic', known: readonly string[], file: string) {
  return z.unknown().transform((value, ctx): string => {
    if (typeof value === 'string' && (known.includes(value) || value === FIELD_PLACEHOLDER)) return value;
    if (kind === 'topic' && (value === undefined || value === null || value === '')) {
      ctx.addIssue({
        code: 'custom',
        message: `is required: add topic: ${known[0] ?? 'id'} (one id from ${file}: ${known.join(', ')})`,
      });
      return z.NEVER;
    }
    // Abbreviations first (k8s → kubernetes), from the same map search uses; then spelling.
    const synonym = typeof value === 'string' ? SYNONYMS[value.toLowerCase()] : undefined;
    const guesses =
      synonym && known.includes(synonym) ? [synonym] : typeof value === 'string' ? closestMatches(value, known, 1) : [];
    const didYouMean = guesses.length ? `; did you mean '${guesses[0]}'?` : '';
    ctx.addIssue({
      code: 'custom',
      message: `unknown ${kind} ${describe(value)}${didYouMean} Valid ${kind}s: ${known.join(', ')}. New ${kind}s go in ${file}.`,
    });
    return z.NEVER;
  });
}

export const ARTICLE_FIELDS = [
  'title',
  'description',
  'pubDate',
  'updatedDate',
  'lastReviewed',
  'topic',
  'tags',
  'level',
  'appliesTo',
  'faq',
  'sources',
  'redirectFrom',
  'draft',
] as const;

/** Names each unknown frontmatter field with the nearest real one, then lists the fields. */
export function unknownFieldsMessage(keys: readonly string[]): string {
  const named = keys
    .map((key) => {
      const guess = closestMatches(key, ARTICLE_FIELDS, 1)[0];
      return `unknown field '${key}'${guess ? `; did you mean '${guess}'?` : ''}`;
    })
    .join('; ');
  return `${named}${named.endsWith('?') ? '' : '.'} Fields: ${ARTICLE_FIELDS.join(', ')}`;
}

function unknownFieldMessage(issue: { code?: string; keys?: readonly string[] }): string | undefined {
  if (issue.code !== 'unrecognized_keys' || !issue.keys) return undefined;
  return unknownFieldsMessage(issue.keys);
}

const OLD_PATH = /^\/[a-z0-9/_-]*$/;

/** A text field: `missing` when it is absent or not text, `tooShort` under `min` characters. */
function text(min: number, missing: string, tooShort = missing) {
  return z.string({ error: missing }).min(min, { error: tooShort });
}

/** An optional list of entries of one shape (appliesTo, faq, sources), empty when left out. */
function listOf<Shape extends z.ZodRawShape>(entry: string, shape: Shape) {
  return z.array(z.object(shape), { error: `expected a list of ${entry} entries` }).default([]);
}

export interface ArticleVocabulary {
  tags: readonly string[];
  topics: readonly string[];
}

export function createArticleSchema(vocabulary: ArticleVocabulary) {
  return z
    .object(
      {
        title: requiredText('title', TITLE_LENGTH, 'the page heading and the link text in lists'),
        description: requiredText(
          'description',
          DESCRIPTION_LENGTH,
          'one or two sentences shown in lists, search results and the meta description',
        ),
        pubDate: dayField('pubDate', '2026-11-26'),
        updatedDate: dayField('updatedDate', '2026-11-26').optional(),
        lastReviewed: dayField('lastReviewed', '2026-11-26'),
        topic: vocabularyId('topic', vocabulary.topics, 'content/topics.yaml'),
        tags: z
          .array(vocabularyId('tag', vocabulary.tags, 'content/tags.yaml'), {
            error: (issue) =>
              issue.input === undefined || issue.input === null
                ? `is required: add tags: [${vocabulary.tags.slice(0, 2).join(', ')}] (1–${MAX_TAGS} ids from content/tags.yaml)`
                : `expected a list such as tags: [terraform, aws]`,
          })
          .min(1, { error: `add at least one tag, e.g. tags: [${vocabulary.tags.slice(0, 2).join(', ')}]` })
          .max(MAX_TAGS, { error: `use at most ${MAX_TAGS} tags; keep the ones a reader would filter by` })
          .refine((tags) => new Set(tags).size === tags.length, { error: 'lists the same tag twice' }),
        level: z.enum([...LEVELS, FIELD_PLACEHOLDER], {
          error: (issue) =>
            issue.input === undefined || issue.input === null
              ? `is required: add level: ${LEVELS[0]} (one of ${LEVELS.join(', ')})`
              : `expected one of ${LEVELS.join(', ')}`,
        }),
        appliesTo: listOf('{ tool, version }', {
          tool: text(1, 'name the tool, e.g. tool: Terraform'),
          version: text(1, 'give the version range in quotes, e.g. version: ">= 1.10"'),
        }),
        faq: listOf('{ question, answer }', {
          question: text(5, 'each FAQ entry needs question: "…"', 'write the question out in full'),
          answer: text(10, 'each FAQ entry needs answer: "…"', 'write an answer of at least a sentence'),
        }),
        sources: listOf('{ title, url, backs }', {
          title: text(
            3,
            'each source needs title: "…" (the document, page or file it is)',
            'give the source a title readers recognise, e.g. "Terraform docs: import blocks"',
          ),
          url: z.url({ protocol: /^https?$/, error: 'each source needs url: "https://…" (an absolute web address)' }),
          backs: text(3, 'backs: "…" says in a few words what the source supports').optional(),
        }),
        redirectFrom: z
          .array(z.string().regex(OLD_PATH, { error: 'expected an old site path such as /articles/old-slug/' }), {
            error: 'expected a list of old paths such as [/articles/old-slug/]',
          })
          .default([]),
        draft: z.boolean({ error: 'expected true or false (without quotes)' }).default(false),
      },
      { error: unknownFieldMessage },
    )
    .strict()
    .superRefine((data, ctx) => {
      // Placeholders from `npm run new` may stay in a draft, never in a published article.
      if (!data.draft) {
        const placeholder = (path: Array<string | number>, known: readonly string[]) =>
          ctx.addIssue({
            code: 'custom',
            path,
            message:
              `is still the placeholder ${FIELD_PLACEHOLDER} from \`npm run new\`; ` +
              `choose from ${known.join(', ')} (or keep draft: true)`,
          });
        if (data.topic === FIELD_PLACEHOLDER) placeholder(['topic'], vocabulary.topics);
        const tag = data.tags.indexOf(FIELD_PLACEHOLDER);
        if (tag >= 0) placeholder(['tags', tag], vocabulary.tags);
        if (data.level === FIELD_PLACEHOLDER) placeholder(['level'], LEVELS);
      }
      if (data.updatedDate && data.updatedDate < data.pubDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['updatedDate'],
          message: `${data.updatedDate.toISOString().slice(0, 10)} is before pubDate ${data.pubDate
            .toISOString()
            .slice(0, 10)}; an update cannot predate publication`,
        });
      }
    });
}

export type ArticleData = z.output<ReturnType<typeof createArticleSchema>>;
