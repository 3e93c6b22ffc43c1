// CONTRIBUTING.md documents the frontmatter by example; these tests keep that example,
// ARTICLE_FIELDS (used in "unknown field" messages) and the schema itself in step, so
// adding a field means documenting it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parseDocument } from 'yaml';
import { ARTICLE_FIELDS, createArticleSchema } from '../../src/lib/schemas.ts';

/** The top-level keys of the YAML example under "## Frontmatter reference". */
function documentedFields(markdown: string): string[] {
  const section = markdown.split(/^## Frontmatter reference\s*$/m)[1]?.split(/^## /m)[0];
  if (!section) throw new Error('CONTRIBUTING.md has no "## Frontmatter reference" section');
  const block = /^```ya?ml\n([\s\S]*?)^```/m.exec(section)?.[1];
  if (!block) throw new Error('the Frontmatter reference section has no ```yaml block');
  // The example shows the --- delimiters of a real file; the YAML is between them.
  const doc = parseDocument(block.replace(/^---\s*$/gm, ''));
  expect(doc.errors).toEqual([]);
  if (!isMap(doc.contents)) throw new Error('the Frontmatter reference example is not a YAML mapping');
  return doc.contents.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key)));
}

/**
 * The field names of the article schema. In zod 4, .refine()/.superRefine() add a check
 * to the same ZodObject instead of wrapping it (zod 3's ZodEffects is gone), so `.shape`
 * is on the schema itself; unwrap pipes and transforms in case a future change adds one.
 */
function schemaFields(schema: unknown): string[] {
  let node = schema as { shape?: Record<string, unknown>; _zod?: { def?: { in?: unknown; innerType?: unknown } } };
  for (let depth = 0; depth < 5 && !node.shape; depth++) {
    const def = node._zod?.def;
    const inner = def?.in ?? def?.innerType;
    if (!inner) break;
    node = inner as typeof node;
  }
  if (!node.shape) throw new Error('could not find the object shape of the article schema');
  return Object.keys(node.shape);
}

describe('frontmatter documentation', () => {
  const schema = createArticleSchema({ tags: ['aws'], topics: ['aws'] });

  it('documents every field of ARTICLE_FIELDS in CONTRIBUTING.md, and no other', () => {
    const documented = documentedFields(readFileSync(new URL('../../CONTRIBUTING.md', import.meta.url), 'utf8'));
    expect([...documented].sort()).toEqual([...ARTICLE_FIELDS].sort());
    expect(new Set(documented).size).toBe(documented.length);
  });

  it('lists in ARTICLE_FIELDS exactly the fields the schema accepts', () => {
    expect(schemaFields(schema).sort()).toEqual([...ARTICLE_FIELDS].sort());
  });

  it('keeps the refinement on the object schema (the updatedDate rule still runs)', () => {
    expect(schema.shape).toBeDefined();
    const result = schema.safeParse({
      title: 'A title long enough',
      description: 'A description that is long enough to pass the lower bound of the schema.',
      pubDate: '2026-02-01',
      updatedDate: '2026-01-01',
      lastReviewed: '2026-02-01',
      topic: 'aws',
      tags: ['aws'],
      level: 'beginner',
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['updatedDate']);
  });
});
