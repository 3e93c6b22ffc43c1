import { describe, expect, it } from 'vitest';
import { createArticleSchema } from '../../src/lib/schemas.ts';

const schema = createArticleSchema({ tags: ['aws', 'terraform', 'kubernetes'], topics: ['aws', 'kubernetes'] });

const good = {
  title: 'Writing Terraform for AWS',
  description: 'A description that is long enough to be shown in lists and search results for readers.',
  pubDate: new Date('2026-01-10'),
  lastReviewed: '2026-11-01',
  topic: 'aws',
  tags: ['aws', 'terraform'],
  level: 'beginner',
};

function messages(input: Record<string, unknown>): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('article frontmatter schema', () => {
  it('accepts complete frontmatter and fills defaults', () => {
    const result = schema.parse(good);
    expect(result.draft).toBe(false);
    expect(result.faq).toEqual([]);
    expect(result.appliesTo).toEqual([]);
    expect(result.lastReviewed).toEqual(new Date('2026-11-01T00:00:00Z'));
  });

  it('reports a missing title with how to add it', () => {
    const { title: _, ...rest } = good;
    expect(messages(rest)).toEqual([
      'title: is required: add title: "…" (the page heading and the link text in lists)',
    ]);
  });

  it('reports an empty title the same way', () => {
    expect(messages({ ...good, title: '  ' })[0]).toMatch(/^title: is required/);
  });

  it('reports a date that is not a date in words, not "received object"', () => {
    const out = messages({ ...good, pubDate: 'not-a-date' });
    expect(out).toEqual([
      "pubDate: expected a date written YYYY-MM-DD, found 'not-a-date'; write e.g. pubDate: 2026-11-26",
    ]);
    expect(out.join()).not.toMatch(/received|\*\*|object/);
  });

  it('rejects impossible calendar days', () => {
    // Date would roll these over to March and fail to parse; both are named for what they are.
    expect(messages({ ...good, pubDate: '2026-02-31' })).toEqual([
      'pubDate: 2026-02-31 is not a day on the calendar: February 2026 has 28 days; write the real date, e.g. pubDate: 2026-11-26',
    ]);
    expect(messages({ ...good, pubDate: '2028-02-30' })[0]).toContain('February 2028 has 29 days');
    expect(messages({ ...good, pubDate: '2026-00-10' })[0]).toContain('there is no month 00 (months run 01–12)');
  });

  it('rejects an update before publication, on the updatedDate field', () => {
    expect(messages({ ...good, updatedDate: '2025-12-31' })).toEqual([
      'updatedDate: 2025-12-31 is before pubDate 2026-01-10; an update cannot predate publication',
    ]);
  });

  it('names an unknown tag, suggests the closest and lists the valid ones', () => {
    expect(messages({ ...good, tags: ['terrafrom'] })).toEqual([
      "tags.0: unknown tag 'terrafrom'; did you mean 'terraform'? Valid tags: aws, terraform, kubernetes. New tags go " +
        'in content/tags.yaml.',
    ]);
  });

  it('suggests the tag for a common abbreviation', () => {
    expect(messages({ ...good, tags: ['k8s'] })[0]).toMatch(/^tags.0: unknown tag 'k8s'; did you mean 'kubernetes'\?/);
  });

  it('requires 1 to 6 tags without repeats', () => {
    expect(messages({ ...good, tags: [] })[0]).toMatch(/^tags: add at least one tag/);
    expect(messages({ ...good, tags: ['aws', 'aws'] })[0]).toBe('tags: lists the same tag twice');
    const many = createArticleSchema({ tags: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], topics: ['aws'] });
    const r = many.safeParse({ ...good, tags: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/at most 6 tags/);
  });

  it('bounds the description length and says by how much', () => {
    expect(messages({ ...good, description: 'Too short.' })[0]).toMatch(
      /^description: is 10 characters; keep it between 50 and 170/,
    );
    expect(messages({ ...good, description: 'x'.repeat(171) })[0]).toMatch(/^description: is 171 characters/);
  });

  it('bounds the title length', () => {
    expect(messages({ ...good, title: 'Short' })[0]).toMatch(/^title: is 5 characters; keep it between 10 and 90/);
  });

  it('accepts only known levels and says which', () => {
    expect(messages({ ...good, level: 'expert' })[0]).toBe('level: expected one of beginner, intermediate, advanced');
  });

  it('rejects a quoted boolean for draft', () => {
    expect(messages({ ...good, draft: 'yes' })[0]).toBe('draft: expected true or false (without quotes)');
  });

  it('validates appliesTo and faq entries', () => {
    expect(messages({ ...good, appliesTo: [{ tool: 'Terraform' }] })[0]).toMatch(
      /^appliesTo.0.version: give the version range/,
    );
    expect(messages({ ...good, faq: [{ question: 'Why?' }] })[0]).toMatch(
      /^faq.0.question: write the question out in full/,
    );
  });

  it('rejects fields it does not know, so typos in field names are caught', () => {
    expect(messages({ ...good, tilte: 'x' })[0]).toMatch(/^: unknown field 'tilte'; did you mean 'title'?/);
  });
});
