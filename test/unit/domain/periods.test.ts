import { describe, expect, it } from 'vitest';
import { periodEndingAt } from '../../../src/domain/fire-times.js';
import { periodLabel, periodWeek } from '../../../src/domain/periods.js';

const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

describe('periodWeek', () => {
  it('names the ISO week of the period’s middle, across the year’s end', () => {
    expect(periodWeek({ start: at('2026-12-28T08:00:00Z'), end: at('2027-01-04T08:00:00Z') }, 'Europe/Paris')).toEqual({
      week: 53,
      year: 2026,
    });
  });
});

describe('periodLabel', () => {
  it('calls a Monday 09:00 to Monday 09:00 period its ISO week', () => {
    const p = periodEndingAt({ cron: '0 9 * * 1', timezone: 'Europe/Paris' }, at('2026-11-23T08:00:00Z'));
    expect(periodLabel(p, 'Europe/Paris')).toEqual({ kind: 'week', week: 47, year: 2026 });
  });

  it('calls a Sunday-evening week its ISO week too (six hours of it fall in the week before)', () => {
    const p = periodEndingAt({ cron: '0 18 * * 0', timezone: 'UTC' }, at('2026-11-22T18:00:00Z'));
    expect(periodLabel(p, 'UTC')).toEqual({ kind: 'week', week: 47, year: 2026 });
  });

  it('calls a week across a daylight-saving change its ISO week (7 days less an hour)', () => {
    const p = periodEndingAt({ cron: '0 9 * * 1', timezone: 'Europe/Paris' }, at('2026-03-30T07:00:00Z'));
    expect(p.end.getTime() - p.start.getTime()).toBe(7 * DAY - 3_600_000);
    expect(periodLabel(p, 'Europe/Paris')).toEqual({ kind: 'week', week: 13, year: 2026 });
  });

  it('gives a Wednesday-to-Wednesday week its dates: half of it is in each ISO week', () => {
    const p = periodEndingAt({ cron: '30 8 * * 3', timezone: 'America/New_York' }, at('2026-11-18T13:30:00Z'));
    expect(periodLabel(p, 'America/New_York')).toEqual({ kind: 'dates' });
  });

  it('gives a Friday-evening week its dates', () => {
    const p = periodEndingAt({ cron: '0 17 * * 5', timezone: 'Europe/Paris' }, at('2026-11-20T16:00:00Z'));
    expect(periodLabel(p, 'Europe/Paris')).toEqual({ kind: 'dates' });
  });

  it('gives a month, a day, or months since a first run their dates', () => {
    expect(periodLabel(periodEndingAt({ cron: '0 9 1 * *', timezone: 'UTC' }, at('2026-12-01T09:00:00Z')), 'UTC')).toEqual({
      kind: 'dates',
    });
    expect(periodLabel(periodEndingAt({ cron: '0 9 * * *', timezone: 'UTC' }, at('2026-12-01T09:00:00Z')), 'UTC')).toEqual({
      kind: 'dates',
    });
    expect(periodLabel({ start: at('2026-06-01T00:00:00Z'), end: at('2026-08-24T09:00:00Z') }, 'UTC')).toEqual({ kind: 'dates' });
  });
});
