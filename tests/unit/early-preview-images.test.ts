import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/checks/content/index.ts';
import { cardFor, siteCard } from '../../src/data/preview-card-list.ts';
import { earlyPreviewCards } from '../../src/integrations/preview-images/early.ts';
import { loadVocabulary } from '../../src/lib/vocabulary.ts';

describe('preview images drawn before the pages', () => {
  // The pages draw what the early batch missed: a card that differs is drawn twice, so the early
  // cards must be exactly the pages' (src/data/preview-cards.ts: the published articles' cards).
  for (const dir of ['content', 'tests/fixtures/site']) {
    it(`are the cards the pages of ${dir} ask for, drafts left out`, async () => {
      const { articles } = await checkContent({ contentDir: dir, staleAfterMonths: 12 });
      const labels = new Map(loadVocabulary(dir, 'topics').map((t) => [t.id, t.label]));
      const expected = [
        siteCard,
        ...articles.filter((a) => !a.data.draft).map((a) => cardFor(a, (id) => labels.get(id) ?? id)),
      ];
      const early = earlyPreviewCards(dir);
      expect(early.length).toBeGreaterThan(1);
      expect(new Set(early.map((c) => JSON.stringify(c)))).toEqual(new Set(expected.map((c) => JSON.stringify(c))));
    });
  }
});
