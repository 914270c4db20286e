import cron from 'node-cron';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  instantOf,
  nextFire,
  type Period,
  periodEndingAt,
  previousFire,
  type Schedule,
  wallClock,
} from '../../../src/domain/fire-times.js';
import { periodWeek } from '../../../src/domain/periods.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

const at = (iso: string) => new Date(iso);
const iso = (d: Date | number) => new Date(d).toISOString();
const schedule = (cronExpression: string, timezone: string): Schedule => ({ cron: cronExpression, timezone });
/** A wall-clock time, as the module takes it: the local date and time written as if it were UTC. */
const wall = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s);

/** Every fire in (from, to], walking forwards with nextFire. */
function forwards(s: Schedule, from: Date, to: Date): string[] {
  const out: string[] = [];
  for (let t = nextFire(s, from); t <= to; t = nextFire(s, t)) out.push(iso(t));
  return out;
}

/** Every fire in (from, to], walking backwards with previousFire from `to`. */
function backwards(s: Schedule, from: Date, to: Date): string[] {
  const out: string[] = [];
  for (let t = previousFire(s, to); t > from; t = previousFire(s, new Date(t.getTime() - 1))) out.push(iso(t));
  return out.reverse();
}

/** The periods whose end falls in (from, to], in order. */
function periods(s: Schedule, from: Date, to: Date): Period[] {
  return forwards(s, from, to).map((end) => periodEndingAt(s, at(end)));
}

describe('wallClock', () => {
  it('reads the date and time on a clock in the zone', () => {
    expect(wallClock(Date.parse('2026-01-05T08:00:00Z'), 'Europe/Paris')).toEqual({
      year: 2026,
      month: 1,
      day: 5,
      hour: 9,
      minute: 0,
      second: 0,
    });
    expect(wallClock(Date.parse('2026-06-01T07:00:00Z'), 'Europe/Paris')).toMatchObject({ month: 6, day: 1, hour: 9 });
    expect(wallClock(Date.parse('2026-01-05T13:00:00Z'), 'America/New_York')).toMatchObject({ day: 5, hour: 8 });
  });

  it('changes the date when the zone is on the other side of midnight', () => {
    expect(wallClock(Date.parse('2026-12-31T23:30:00Z'), 'Australia/Lord_Howe')).toEqual({
      year: 2027,
      month: 1,
      day: 1,
      hour: 10,
      minute: 30,
      second: 0,
    });
    expect(wallClock(Date.parse('2027-01-01T03:00:00Z'), 'America/New_York')).toMatchObject({ year: 2026, month: 12, day: 31, hour: 22 });
  });

  it('writes midnight as hour 0, never 24', () => {
    expect(wallClock(Date.parse('2026-03-01T23:00:00Z'), 'Europe/Paris')).toEqual({
      year: 2026,
      month: 3,
      day: 2,
      hour: 0,
      minute: 0,
      second: 0,
    });
  });

  it('keeps seconds and half-hour offsets', () => {
    expect(wallClock(Date.parse('2026-01-01T00:00:42Z'), 'Asia/Kolkata')).toEqual({
      year: 2026,
      month: 1,
      day: 1,
      hour: 5,
      minute: 30,
      second: 42,
    });
  });

  it('reads the clock after the spring-forward jump as 03:00 straight after 01:59:59', () => {
    expect(wallClock(Date.parse('2026-03-29T00:59:59Z'), 'Europe/Paris')).toMatchObject({ hour: 1, minute: 59, second: 59 });
    expect(wallClock(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Paris')).toMatchObject({ hour: 3, minute: 0, second: 0 });
  });
});

describe('instantOf', () => {
  it('is the identity in UTC', () => {
    expect(iso(instantOf(wall(2026, 3, 29, 2, 30), 'UTC'))).toBe('2026-03-29T02:30:00.000Z');
  });

  it('applies the winter and the summer offset', () => {
    expect(iso(instantOf(wall(2026, 1, 5, 9), 'Europe/Paris'))).toBe('2026-01-05T08:00:00.000Z');
    expect(iso(instantOf(wall(2026, 6, 1, 9), 'Europe/Paris'))).toBe('2026-06-01T07:00:00.000Z');
    expect(iso(instantOf(wall(2026, 1, 5, 9), 'America/New_York'))).toBe('2026-01-05T14:00:00.000Z');
    expect(iso(instantOf(wall(2026, 6, 1, 9), 'America/New_York'))).toBe('2026-06-01T13:00:00.000Z');
  });

  it('shifts a time that does not exist (spring forward) forward by the gap: 02:30 becomes 03:30 CEST', () => {
    expect(iso(instantOf(wall(2026, 3, 29, 2, 30), 'Europe/Paris'))).toBe('2026-03-29T01:30:00.000Z');
    expect(wallClock(instantOf(wall(2026, 3, 29, 2, 30), 'Europe/Paris'), 'Europe/Paris')).toMatchObject({ hour: 3, minute: 30 });
    // The first missing minute lands exactly on the jump.
    expect(iso(instantOf(wall(2026, 3, 29, 2, 0), 'Europe/Paris'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(instantOf(wall(2026, 3, 8, 2, 30), 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
  });

  it('takes the first occurrence of a time that happens twice (fall back)', () => {
    expect(iso(instantOf(wall(2026, 10, 25, 2, 30), 'Europe/Paris'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(instantOf(wall(2026, 10, 25, 2, 0), 'Europe/Paris'))).toBe('2026-10-25T00:00:00.000Z');
    expect(iso(instantOf(wall(2026, 11, 1, 1, 30), 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
  });

  it('is exact on either side of the fall-back hour', () => {
    expect(iso(instantOf(wall(2026, 10, 25, 1, 59, 59), 'Europe/Paris'))).toBe('2026-10-24T23:59:59.000Z');
    expect(iso(instantOf(wall(2026, 10, 25, 3, 0), 'Europe/Paris'))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('handles Lord Howe’s 30-minute change both ways', () => {
    // 4 October 2026: 02:00 → 02:30 (+10:30 → +11); 02:15 does not exist and becomes 02:45.
    expect(iso(instantOf(wall(2026, 10, 4, 2, 15), 'Australia/Lord_Howe'))).toBe('2026-10-03T15:45:00.000Z');
    // 5 April 2026: 02:00 → 01:30 (+11 → +10:30); 01:45 happens twice, the first is at +11.
    expect(iso(instantOf(wall(2026, 4, 5, 1, 45), 'Australia/Lord_Howe'))).toBe('2026-04-04T14:45:00.000Z');
  });

  it('gives back the wall time it was given whenever that time exists once', () => {
    for (const timezone of ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC']) {
      for (const w of [wall(2026, 1, 1, 0, 0), wall(2026, 2, 28, 23, 59, 59), wall(2026, 7, 14, 12, 34, 56), wall(2026, 12, 31, 9)]) {
        const clock = wallClock(instantOf(w, timezone), timezone);
        expect(Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second), timezone).toBe(w);
      }
    }
  });
});

describe('previousFire and nextFire', () => {
  const mondays = schedule('0 9 * * 1', 'Europe/Paris');

  it('fires on Monday at 9:00 in Paris: 08:00Z in winter, 07:00Z in summer', () => {
    expect(iso(nextFire(mondays, at('2026-01-01T00:00:00Z')))).toBe('2026-01-05T08:00:00.000Z');
    expect(iso(nextFire(mondays, at('2026-05-28T00:00:00Z')))).toBe('2026-06-01T07:00:00.000Z');
    expect(iso(previousFire(mondays, at('2026-01-07T00:00:00Z')))).toBe('2026-01-05T08:00:00.000Z');
    expect(iso(previousFire(mondays, at('2026-06-03T00:00:00Z')))).toBe('2026-06-01T07:00:00.000Z');
  });

  it('counts a fire exactly at `at` as the previous one, not the next', () => {
    const fire = at('2026-01-05T08:00:00Z');
    expect(iso(previousFire(mondays, fire))).toBe('2026-01-05T08:00:00.000Z');
    expect(iso(nextFire(mondays, fire))).toBe('2026-01-12T08:00:00.000Z');
  });

  it('one millisecond before a fire, the fire is next and the week before is previous', () => {
    const justBefore = at('2026-01-05T07:59:59.999Z');
    expect(iso(nextFire(mondays, justBefore))).toBe('2026-01-05T08:00:00.000Z');
    expect(iso(previousFire(mondays, justBefore))).toBe('2025-12-29T08:00:00.000Z');
  });

  it('one millisecond after a fire, the fire is previous', () => {
    const justAfter = at('2026-01-05T08:00:00.001Z');
    expect(iso(previousFire(mondays, justAfter))).toBe('2026-01-05T08:00:00.000Z');
    expect(iso(nextFire(mondays, justAfter))).toBe('2026-01-12T08:00:00.000Z');
  });

  it('reads the schedule in its own zone, not in UTC', () => {
    // Monday 9:00 in Lord Howe (+11 in January) is Sunday 22:00Z.
    expect(iso(nextFire(schedule('0 9 * * 1', 'Australia/Lord_Howe'), at('2026-01-01T00:00:00Z')))).toBe('2026-01-04T22:00:00.000Z');
    expect(iso(nextFire(schedule('0 9 * * 1', 'America/New_York'), at('2026-01-01T00:00:00Z')))).toBe('2026-01-05T14:00:00.000Z');
    expect(iso(nextFire(schedule('0 9 * * 1', 'UTC'), at('2026-01-01T00:00:00Z')))).toBe('2026-01-05T09:00:00.000Z');
  });

  it('fires a wall time that does not exist once, shifted forward by the gap (Sunday 02:30 Paris on 29 March 2026)', () => {
    const sundays = schedule('30 2 * * 0', 'Europe/Paris');
    expect(iso(nextFire(sundays, at('2026-03-28T12:00:00Z')))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(previousFire(sundays, at('2026-03-29T12:00:00Z')))).toBe('2026-03-29T01:30:00.000Z');
    expect(forwards(sundays, at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'))).toEqual(['2026-03-29T01:30:00.000Z']);
    expect(iso(nextFire(sundays, at('2026-03-29T01:30:00Z')))).toBe('2026-04-05T00:30:00.000Z');
  });

  it('fires a wall time that happens twice once, at its first occurrence (Sunday 02:30 Paris on 25 October 2026)', () => {
    const sundays = schedule('30 2 * * 0', 'Europe/Paris');
    expect(iso(nextFire(sundays, at('2026-10-24T12:00:00Z')))).toBe('2026-10-25T00:30:00.000Z');
    // Not again at the second 02:30 (01:30Z): the next fire is a week later.
    expect(iso(nextFire(sundays, at('2026-10-25T00:30:00Z')))).toBe('2026-11-01T01:30:00.000Z');
    expect(iso(previousFire(sundays, at('2026-10-25T01:30:00Z')))).toBe('2026-10-25T00:30:00.000Z');
    expect(forwards(sundays, at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z'))).toEqual(['2026-10-25T00:30:00.000Z']);
  });

  it('fires every minute of the repeated hour once, during the first pass only', () => {
    const quarters = schedule('*/15 * * * *', 'Europe/Paris');
    expect(forwards(quarters, at('2026-10-25T00:00:00Z'), at('2026-10-25T02:00:00Z'))).toEqual([
      '2026-10-25T00:15:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T00:45:00.000Z',
      '2026-10-25T02:00:00.000Z',
    ]);
  });

  it('merges the skipped hour into the first real one in spring without firing twice', () => {
    const halfHours = schedule('*/30 * * * *', 'Europe/Paris');
    expect(forwards(halfHours, at('2026-03-29T00:00:00Z'), at('2026-03-29T02:00:00Z'))).toEqual([
      '2026-03-29T00:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T01:30:00.000Z',
      '2026-03-29T02:00:00.000Z',
    ]);
  });

  it('shifts Lord Howe’s missing half hour forward by 30 minutes', () => {
    const daily = schedule('15 2 * * *', 'Australia/Lord_Howe');
    expect(forwards(daily, at('2026-10-02T12:00:00Z'), at('2026-10-04T12:00:00Z'))).toEqual([
      '2026-10-02T15:45:00.000Z', // 3 October 02:15 (+10:30)
      '2026-10-03T15:45:00.000Z', // 4 October 02:15 does not exist: 02:45 (+11)
    ]);
  });

  it('follows a daily schedule through both changes, so a day is 23 or 25 hours long there', () => {
    const daily = schedule('0 9 * * *', 'Europe/Paris');
    expect(forwards(daily, at('2026-03-27T12:00:00Z'), at('2026-03-30T12:00:00Z'))).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
    const spring = periodEndingAt(daily, at('2026-03-29T07:00:00Z'));
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * HOUR);
    const autumn = periodEndingAt(daily, at('2026-10-25T08:00:00Z'));
    expect(iso(autumn.start)).toBe('2026-10-24T07:00:00.000Z');
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * HOUR);
  });

  it('follows a monthly schedule ("0 9 1 * *") on the 1st of each month', () => {
    const monthly = schedule('0 9 1 * *', 'Europe/Paris');
    expect(forwards(monthly, at('2026-01-15T00:00:00Z'), at('2026-05-15T00:00:00Z'))).toEqual([
      '2026-02-01T08:00:00.000Z',
      '2026-03-01T08:00:00.000Z',
      '2026-04-01T07:00:00.000Z',
      '2026-05-01T07:00:00.000Z',
    ]);
    expect(periodEndingAt(monthly, at('2026-03-01T08:00:00Z'))).toEqual({
      start: at('2026-02-01T08:00:00Z'),
      end: at('2026-03-01T08:00:00Z'),
    });
    expect(forwards(monthly, at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toHaveLength(12);
  });

  it('fires on the 13th or on Fridays when both day fields are set, as standard cron does ("0 9 13 * 5")', () => {
    // April 2026: the 13th is a Monday; Fridays are the 3rd, 10th, 17th and 24th.
    const either = schedule('0 9 13 * 5', 'UTC');
    expect(forwards(either, at('2026-04-01T00:00:00Z'), at('2026-04-30T23:59:59Z'))).toEqual([
      '2026-04-03T09:00:00.000Z',
      '2026-04-10T09:00:00.000Z',
      '2026-04-13T09:00:00.000Z',
      '2026-04-17T09:00:00.000Z',
      '2026-04-24T09:00:00.000Z',
    ]);
    // February 2026: Friday the 13th fires once, not twice.
    expect(forwards(either, at('2026-02-12T00:00:00Z'), at('2026-02-14T00:00:00Z'))).toEqual(['2026-02-13T09:00:00.000Z']);
  });

  it('fires on the day of the month alone when the day of the week is *', () => {
    expect(forwards(schedule('0 9 13 * *', 'UTC'), at('2026-04-01T00:00:00Z'), at('2026-06-01T00:00:00Z'))).toEqual([
      '2026-04-13T09:00:00.000Z',
      '2026-05-13T09:00:00.000Z',
    ]);
  });

  it('fires on the day of the week alone when the day of the month is *', () => {
    expect(forwards(schedule('0 9 * * 5', 'UTC'), at('2026-04-01T00:00:00Z'), at('2026-04-30T23:59:59Z'))).toEqual([
      '2026-04-03T09:00:00.000Z',
      '2026-04-10T09:00:00.000Z',
      '2026-04-17T09:00:00.000Z',
      '2026-04-24T09:00:00.000Z',
    ]);
  });

  it('reads Sunday as either 0 or 7, and day names', () => {
    const from = at('2026-04-01T00:00:00Z');
    expect(iso(nextFire(schedule('0 9 * * 7', 'UTC'), from))).toBe('2026-04-05T09:00:00.000Z');
    expect(iso(nextFire(schedule('0 9 * * 0', 'UTC'), from))).toBe('2026-04-05T09:00:00.000Z');
    expect(iso(nextFire(schedule('0 9 * * MON', 'UTC'), from))).toBe('2026-04-06T09:00:00.000Z');
  });

  it('fires on weekdays only for "0 9 * * 1-5"', () => {
    const weekdays = forwards(schedule('0 9 * * 1-5', 'Europe/Paris'), at('2026-04-03T12:00:00Z'), at('2026-04-11T00:00:00Z'));
    expect(weekdays).toEqual([
      '2026-04-06T07:00:00.000Z',
      '2026-04-07T07:00:00.000Z',
      '2026-04-08T07:00:00.000Z',
      '2026-04-09T07:00:00.000Z',
      '2026-04-10T07:00:00.000Z',
    ]);
  });

  it('accepts a six-field cron with seconds, as node-cron does', () => {
    expect(cron.validate('30 0 9 * * 1')).toBe(true);
    const withSeconds = schedule('30 0 9 * * 1', 'Europe/Paris');
    expect(iso(nextFire(withSeconds, at('2026-01-01T00:00:00Z')))).toBe('2026-01-05T08:00:30.000Z');
    expect(iso(previousFire(withSeconds, at('2026-01-05T08:00:29.999Z')))).toBe('2025-12-29T08:00:30.000Z');
    const everyTwenty = schedule('*/20 0-1 12 * * *', 'UTC');
    expect(forwards(everyTwenty, at('2026-01-01T12:00:05Z'), at('2026-01-01T12:01:00Z'))).toEqual([
      '2026-01-01T12:00:20.000Z',
      '2026-01-01T12:00:40.000Z',
      '2026-01-01T12:01:00.000Z',
    ]);
  });

  it('finds 29 February years away', () => {
    const leap = schedule('0 9 29 2 *', 'UTC');
    expect(iso(nextFire(leap, at('2026-01-01T00:00:00Z')))).toBe('2028-02-29T09:00:00.000Z');
    expect(iso(previousFire(leap, at('2026-01-01T00:00:00Z')))).toBe('2024-02-29T09:00:00.000Z');
  });

  it('refuses an expression that node-cron does not accept', () => {
    expect(() => nextFire(schedule('not a cron', 'UTC'), at('2026-01-01T00:00:00Z'))).toThrow();
    expect(() => previousFire(schedule('61 9 * * 1', 'UTC'), at('2026-01-01T00:00:00Z'))).toThrow();
  });

  it('agrees with node-cron’s own next runs when no clock change is in the way', () => {
    // node-cron counts from the system clock: pin it to a January week, far from any change.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-14T10:00:00Z'));
    onTestFinished(() => {
      vi.useRealTimers();
    });
    for (const [expression, timezone] of [
      ['0 9 * * 1', 'Europe/Paris'],
      ['0 9 * * 1', 'America/New_York'],
      ['0 9 * * 1', 'Australia/Lord_Howe'],
      ['*/5 * * * *', 'UTC'],
      ['15 10 * * * *', 'Asia/Kolkata'],
    ] as const) {
      const task = cron.createTask(expression, () => {}, { timezone });
      try {
        const expected = task.getNextRuns(3).map(iso);
        expect(expected[0]! > '2026-01-14T10:00:00.000Z' && expected[0]! < '2026-01-21T00:00:00.000Z', expected[0]).toBe(true);
        const from = new Date(Date.parse(expected[0]!) - 1);
        const s = schedule(expression, timezone);
        const first = nextFire(s, from);
        const second = nextFire(s, first);
        const third = nextFire(s, second);
        expect([first, second, third].map(iso), `${expression} in ${timezone}`).toEqual(expected);
      } finally {
        void task.destroy();
      }
    }
  });
});

describe('forwards and backwards agree', () => {
  const cases: Array<[string, string, string, string]> = [
    ['0 9 * * 1', 'Europe/Paris', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'],
    ['30 2 * * *', 'Europe/Paris', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'],
    ['30 2 * * 0', 'Europe/Paris', '2026-03-01T00:00:00Z', '2026-11-15T00:00:00Z'],
    ['*/15 * * * *', 'Europe/Paris', '2026-03-28T22:00:00Z', '2026-03-29T04:00:00Z'],
    ['*/15 * * * *', 'Europe/Paris', '2026-10-24T22:00:00Z', '2026-10-25T04:00:00Z'],
    ['*/20 * * * *', 'America/New_York', '2026-03-08T04:00:00Z', '2026-03-08T10:00:00Z'],
    ['*/20 * * * *', 'America/New_York', '2026-11-01T03:00:00Z', '2026-11-01T09:00:00Z'],
    ['*/20 * * * *', 'Australia/Lord_Howe', '2026-04-04T12:00:00Z', '2026-04-04T18:00:00Z'],
    ['*/20 * * * *', 'Australia/Lord_Howe', '2026-10-03T13:00:00Z', '2026-10-03T19:00:00Z'],
    ['0 9 13 * 5', 'Europe/Paris', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'],
    ['0 9 1 * *', 'America/New_York', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'],
    ['30 0 9 * * 1', 'Australia/Lord_Howe', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'],
  ];

  it.each(cases)('walking "%s" in %s from %s to %s gives the same list both ways', (expression, timezone, from, to) => {
    const s = schedule(expression, timezone);
    const fwd = forwards(s, at(from), at(to));
    expect(fwd.length).toBeGreaterThan(0);
    expect(backwards(s, at(from), at(to))).toEqual(fwd);
    expect([...fwd].sort()).toEqual(fwd);
    expect(new Set(fwd).size).toBe(fwd.length);
  });

  it.each(cases)(
    'every fire of "%s" in %s is its own previous fire and the next fire of the instant before',
    (expression, timezone, from, to) => {
      const s = schedule(expression, timezone);
      for (const fire of forwards(s, at(from), at(to))) {
        expect(iso(previousFire(s, at(fire)))).toBe(fire);
        expect(iso(nextFire(s, new Date(Date.parse(fire) - 1)))).toBe(fire);
      }
    },
  );
});

describe('periodEndingAt', () => {
  it('covers (previous fire, fire]', () => {
    const mondays = schedule('0 9 * * 1', 'Europe/Paris');
    expect(periodEndingAt(mondays, at('2026-01-12T08:00:00Z'))).toEqual({
      start: at('2026-01-05T08:00:00Z'),
      end: at('2026-01-12T08:00:00Z'),
    });
  });

  it('spans the year boundary: the period ending Monday 4 January 2027 starts Monday 28 December 2026', () => {
    const mondays = schedule('0 9 * * 1', 'Europe/Paris');
    expect(iso(nextFire(mondays, at('2026-12-28T08:00:00Z')))).toBe('2027-01-04T08:00:00.000Z');
    const period = periodEndingAt(mondays, at('2027-01-04T08:00:00Z'));
    expect(period).toEqual({ start: at('2026-12-28T08:00:00Z'), end: at('2027-01-04T08:00:00Z') });
  });

  it('labels the period ending Monday 4 January 2027 09:00 Paris as ISO week 53 of 2026 (2026 has 53 ISO weeks)', () => {
    const mondays = schedule('0 9 * * 1', 'Europe/Paris');
    const weeks = forwards(mondays, at('2026-12-15T00:00:00Z'), at('2027-01-12T00:00:00Z')).map((end) =>
      periodWeek(periodEndingAt(mondays, at(end)), 'Europe/Paris'),
    );
    expect(weeks).toEqual([
      { week: 51, year: 2026 }, // 14 – 21 December
      { week: 52, year: 2026 },
      { week: 53, year: 2026 },
      { week: 1, year: 2027 },
    ]);
  });

  describe.each(['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'UTC'])('"0 9 * * 1" over a whole year in %s', (timezone) => {
    const s = schedule('0 9 * * 1', timezone);
    const list = periods(s, at('2026-01-01T00:00:00Z'), at('2027-01-15T00:00:00Z'));
    const shift = timezone === 'UTC' ? 0 : timezone === 'Australia/Lord_Howe' ? 30 * MINUTE : HOUR;

    it('has one period per Monday', () => {
      expect(list).toHaveLength(54);
      for (const p of list) expect(wallClock(p.end.getTime(), timezone)).toMatchObject({ hour: 9, minute: 0, second: 0 });
      for (const p of list) {
        const w = wallClock(p.end.getTime(), timezone);
        expect(new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay(), iso(p.end)).toBe(1);
      }
    });

    it('ends each period where the next one starts: no hole, no overlap', () => {
      for (let i = 0; i + 1 < list.length; i++) expect(iso(list[i + 1]!.start), `after ${iso(list[i]!.end)}`).toBe(iso(list[i]!.end));
    });

    it('makes every period 7 days, give or take the daylight-saving shift, once each way', () => {
      const lengths = list.map((p) => p.end.getTime() - p.start.getTime());
      for (const length of lengths) expect([WEEK - shift, WEEK, WEEK + shift]).toContain(length);
      if (shift > 0) {
        expect(lengths.filter((l) => l === WEEK - shift)).toHaveLength(1);
        expect(lengths.filter((l) => l === WEEK + shift)).toHaveLength(1);
      } else {
        expect(new Set(lengths)).toEqual(new Set([WEEK]));
      }
    });

    it('puts every instant of the year in exactly one period', () => {
      const first = list[0]!.start.getTime();
      const last = list[list.length - 1]!.end.getTime();
      const samples: number[] = [];
      for (let t = first + 1; t <= last; t += 13 * HOUR + 17 * MINUTE) samples.push(t);
      for (const p of list) samples.push(p.start.getTime(), p.start.getTime() + 1, p.end.getTime(), p.end.getTime() - 1);
      for (const t of samples.filter((x) => x > first && x <= last)) {
        const holders = list.filter((p) => p.start.getTime() < t && t <= p.end.getTime());
        expect(holders, iso(t)).toHaveLength(1);
        // And it is the period that the functions name for that instant.
        const end = nextFire(s, new Date(t - 1));
        expect(iso(holders[0]!.end)).toBe(iso(end));
        expect(iso(holders[0]!.start)).toBe(iso(previousFire(s, new Date(t - 1))));
      }
    });
  });
});
