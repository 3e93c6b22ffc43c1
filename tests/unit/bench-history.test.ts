import { describe, expect, it } from 'vitest';
import { previousFigures, type HistoryEntry } from '../../scripts/lib/corpus.ts';

const run = (commit: string, figures: Record<string, number>): HistoryEntry => ({
  commit,
  date: `2026-12-02T0${commit.length}:00:00Z`,
  figures,
});

describe('previousFigures', () => {
  it('takes each figure from the latest run that measured it, with that run’s commit', () => {
    const history = [
      run('a', { '100 cold: wall': 10, '1000 cold: wall': 80 }),
      run('bb', { '10000 cold: wall': 300 }),
      run('ccc', { '100 cold: wall': 9 }),
    ];
    const { figures } = previousFigures(history);
    expect(figures['100 cold: wall']).toMatchObject({ value: 9, commit: 'ccc' });
    expect(figures['1000 cold: wall']).toMatchObject({ value: 80, commit: 'a' });
    expect(figures['10000 cold: wall']).toMatchObject({ value: 300, commit: 'bb' });
  });

  it('has nothing to compare with before the first run', () => {
    expect(previousFigures([]).figures).toEqual({});
  });
});
