/**
 * Frontmatter: split it from the body, parse it with positions, validate it with the
 * same schema as the build, and put every problem on the line that caused it (Astro
 * reports content errors at line 0).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { unknownFieldsMessage, type ArticleData, type createArticleSchema } from '../../lib/schemas.ts';
import { PLACEHOLDER_MARKER } from '../../lib/placeholder.ts';
import type { Problem } from './problems.ts';
import { splitFrontmatter, type SplitSource } from '../../lib/frontmatter-source.ts';

export { splitFrontmatter, type SplitSource } from '../../lib/frontmatter-source.ts';

function lineOfPath(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  // Walk down as far as the path exists; a missing leaf is reported at its parent.
  let node: unknown = doc.contents;
  let line: number | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (!pair) break;
      const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
      if (keyRange) line = counter.linePos(keyRange[0]).line;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (!item) break;
      const range = (item as { range?: [number, number, number] }).range;
      if (range) line = counter.linePos(range[0]).line;
      node = item;
    } else break;
  }
  return line;
}

/**
 * What a draft may lack but a published article may not: a real description (`npm run new`
 * leaves a placeholder) and at least one source for its facts. Both are reported together.
 */
function publishingProblems(file: string, data: ArticleData, doc: Document, counter: LineCounter): Problem[] {
  if (data.draft) return [];
  const problems: Problem[] = [];
  // On the field's own line; a missing field where missing fields go, line 1.
  const report = (field: string, message: string) => {
    const line = lineOfPath(doc, counter, [field]);
    problems.push({ file, line: line ? line + 1 : 1, severity: 'error', subject: field, message });
  };
  if (data.description.startsWith(PLACEHOLDER_MARKER))
    report(
      'description',
      'is still the placeholder from `npm run new`; write the one or two sentences shown in lists, search ' +
        'results and the meta description (or keep draft: true)',
    );
  if (data.sources.length === 0) report('sources', SOURCES_REQUIRED);
  return problems;
}

/** The rule as writers read it when the check stops the build. */
const SOURCES_REQUIRED =
  'a published article needs at least one source: add sources: with a - title: "…" and url: "https://…" entry for ' +
  'each document, release note or source file its dates, versions, limits and model names rest on (see ' +
  'CONTRIBUTING.md, "Sources"), or keep draft: true';

export function checkFrontmatter(
  file: string,
  source: string,
  schema: ReturnType<typeof createArticleSchema>,
): {
  data?: ArticleData;
  split?: SplitSource;
  problems: Problem[];
  fieldLine?: (field: string) => number;
  /** The parsed YAML, for the spell check's frontmatter prose (parsed once per file, not twice). */
  document?: Document;
} {
  if (source.trim() === '') {
    return {
      problems: [
        {
          file,
          line: 1,
          severity: 'error',
          message:
            'the file is empty; an article starts with frontmatter between --- lines (run `npm run new -- "Title"` to scaffold one)',
        },
      ],
    };
  }
  const split = splitFrontmatter(source);
  if (!split) {
    return {
      problems: [
        {
          file,
          line: 1,
          severity: 'error',
          subject: 'frontmatter',
          message: 'missing: the file must start with a line `---`, the YAML fields, and another `---` line',
        },
      ],
    };
  }
  const counter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length) {
    return {
      split,
      document: doc,
      problems: doc.errors.map((error) => {
        // With prettyErrors off the error has no linePos; its offset goes through the counter.
        const pos = counter.linePos(error.pos[0]);
        return {
          file,
          // +1: the opening --- line comes before the YAML.
          line: pos.line + 1,
          column: pos.col,
          severity: 'error' as const,
          subject: 'frontmatter',
          message: `is not valid YAML: ${error.message.split('\n')[0]}. Check quotes and indentation; text containing ": " needs quotes.`,
        };
      }),
    };
  }
  const raw: unknown = doc.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      split,
      document: doc,
      problems: [
        {
          file,
          line: 2,
          severity: 'error',
          subject: 'frontmatter',
          message: 'must be YAML fields (key: value), one per line',
        },
      ],
    };
  }
  const result = schema.safeParse(raw);
  if (result.success) {
    const data = result.data;
    // For problems found later (freshness), on the line of the field concerned.
    const fieldLine = (field: string) => (lineOfPath(doc, counter, [field]) ?? 0) + 1;
    return { data, split, document: doc, problems: publishingProblems(file, data, doc, counter), fieldLine };
  }
  return {
    split,
    document: doc,
    problems: result.error.issues.flatMap((issue): Problem[] => {
      // Unknown fields: one problem per field, on its own line (zod reports them together, at the root).
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({
          file,
          line: (lineOfPath(doc, counter, [...issue.path, key]) ?? 0) + 1,
          severity: 'error' as const,
          subject: 'frontmatter',
          message: unknownFieldsMessage([key]),
        }));
      }
      const line = lineOfPath(doc, counter, issue.path);
      const subject = issue.path
        .map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${String(k)}` : String(k)))
        .join('');
      return [
        {
          file,
          line: line ? line + 1 : 1,
          severity: 'error' as const,
          subject: subject || 'frontmatter',
          message: issue.message,
        },
      ];
    }),
  };
}
