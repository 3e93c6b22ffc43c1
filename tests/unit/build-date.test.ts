import { describe, expect, it } from 'vitest';
import { resolveBuildDate } from '../../src/lib/build-date.ts';

const contentDates = [new Date('2026-03-01'), new Date('2026-05-02')];

describe('build date', () => {
  it('takes SOURCE_DATE_EPOCH first', () => {
    expect(resolveBuildDate({ sourceDateEpoch: '1767225600', commitSeconds: '1', contentDates }).toISOString()).toBe(
      '2026-01-01T00:00:00.000Z',
    );
  });
  it('rejects a SOURCE_DATE_EPOCH that is not whole seconds, saying what to set', () => {
    expect(() => resolveBuildDate({ sourceDateEpoch: '2026-01-01', contentDates })).toThrow(
      /SOURCE_DATE_EPOCH is "2026-01-01": set it to whole seconds since 1970/,
    );
  });
  it('then the commit time, then the newest content date, never the clock', () => {
    expect(resolveBuildDate({ commitSeconds: '1767225600\n', contentDates }).toISOString()).toBe(
      '2026-01-01T00:00:00.000Z',
    );
    expect(resolveBuildDate({ contentDates }).toISOString()).toBe('2026-05-02T00:00:00.000Z');
  });
});
