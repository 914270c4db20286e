import { describe, expect, it } from 'vitest';
import type { RsvpAnswer, Side } from '../../../db/schema.js';
import {
  applyAnswer,
  changesWorthTelling,
  goingBySide,
  mixOf,
  nextPromoted,
  promotions,
  type Rsvp,
  validateAfterworkForm,
  waitlist,
  waitlistPosition,
} from '../../../src/domain/afterwork.js';

let minute = 0;
/** An answer given a minute after the previous one. */
const r = (userId: string, answer: RsvpAnswer, side: Side | null): Rsvp => {
  const at = new Date(Date.UTC(2026, 10, 23, 9, minute++)).toISOString();
  return { userId, answer, side, answeredAt: at, waitlistedAt: answer === 'waitlisted' ? at : null };
};

describe('the promotion rule', () => {
  it('gives a freed place to the waiting person of the side with fewer people going, even if they joined later', () => {
    const rsvps = [
      r('S1', 'going', 'sales'),
      r('S2', 'going', 'sales'),
      r('M1', 'going', 'marketing'),
      r('S3', 'waitlisted', 'sales'),
      r('M2', 'waitlisted', 'marketing'),
    ];
    expect(nextPromoted(rsvps)?.userId).toBe('M2');
    const mirrored = [
      r('M1', 'going', 'marketing'),
      r('M2', 'going', 'marketing'),
      r('M3', 'waitlisted', 'marketing'),
      r('S1', 'waitlisted', 'sales'),
    ];
    expect(nextPromoted(mirrored)?.userId).toBe('S1');
  });

  it('takes the earliest waiting when both sides have as many going', () => {
    expect(
      nextPromoted([
        r('S1', 'going', 'sales'),
        r('M1', 'going', 'marketing'),
        r('M2', 'waitlisted', 'marketing'),
        r('S2', 'waitlisted', 'sales'),
      ])?.userId,
    ).toBe('M2');
  });

  it('takes the earliest waiting when nobody of the smaller side waits', () => {
    expect(
      nextPromoted([
        r('S1', 'going', 'sales'),
        r('S2', 'waitlisted', 'sales'),
        r('O1', 'waitlisted', 'other'),
        r('S3', 'waitlisted', 'sales'),
      ])?.userId,
    ).toBe('S2');
  });

  it('counts members without a side as other: they neither tip the balance nor are passed over unfairly', () => {
    expect(
      nextPromoted([r('N1', 'going', null), r('S1', 'going', 'sales'), r('X', 'waitlisted', null), r('M1', 'waitlisted', 'marketing')])
        ?.userId,
    ).toBe('M1');
    expect(goingBySide([r('N1', 'going', null), r('O1', 'going', 'other')])).toEqual({ sales: 0, marketing: 0, other: 2 });
  });

  it('orders the waitlist by when people joined it, and says where each stands', () => {
    const early = r('EARLY', 'waitlisted', 'sales');
    const late = r('LATE', 'waitlisted', 'sales');
    expect(waitlist([late, early]).map((x) => x.userId)).toEqual(['EARLY', 'LATE']);
    expect(waitlistPosition([late, early], 'LATE')).toBe(2);
    expect(waitlistPosition([late, early], 'NOBODY')).toBeUndefined();
    expect(nextPromoted([r('S1', 'going', 'sales')])).toBeUndefined();
  });

  it('fills every free place, each pick changing the balance the next one sees', () => {
    const rsvps = [
      r('S1', 'going', 'sales'),
      r('S2', 'waitlisted', 'sales'),
      r('S3', 'waitlisted', 'sales'),
      r('M1', 'waitlisted', 'marketing'),
      r('M2', 'waitlisted', 'marketing'),
    ];
    // Three places more: M1 (marketing has none), then sales 1 vs marketing 1 → the earliest (S2), then marketing (M2).
    expect(promotions(rsvps, 4).map((x) => x.userId)).toEqual(['M1', 'S2', 'M2']);
    expect(promotions(rsvps, 1)).toEqual([]);
    expect(promotions(rsvps, null)).toHaveLength(4);
    // The input is not changed.
    expect(rsvps.filter((x) => x.answer === 'waitlisted')).toHaveLength(4);
  });
});

describe('applyAnswer', () => {
  const full = [r('H', 'going', 'sales'), r('A', 'going', 'marketing')];

  it('puts going on the waitlist when the places are taken, and keeps a going person going', () => {
    expect(applyAnswer(full, 'B', 'going', 2)).toEqual({ stored: 'waitlisted', unchanged: false, leftGoing: false });
    expect(applyAnswer(full, 'A', 'going', 2)).toEqual({ stored: 'going', unchanged: true, leftGoing: false });
    expect(applyAnswer(full, 'B', 'going', 3)).toEqual({ stored: 'going', unchanged: false, leftGoing: false });
    expect(applyAnswer(full, 'B', 'going', null).stored).toBe('going');
  });

  it('a waiting person who clicks going again keeps their place in the queue', () => {
    expect(applyAnswer([...full, r('B', 'waitlisted', 'sales')], 'B', 'going', 2)).toEqual({
      stored: 'waitlisted',
      unchanged: true,
      leftGoing: false,
    });
  });

  it('says when someone leaves going (their place may go to the waitlist), and the same answer twice is no change', () => {
    expect(applyAnswer(full, 'A', 'maybe', 2)).toEqual({ stored: 'maybe', unchanged: false, leftGoing: true });
    expect(applyAnswer(full, 'A', 'no', 2).leftGoing).toBe(true);
    expect(applyAnswer([r('C', 'maybe', null)], 'C', 'maybe', null).unchanged).toBe(true);
    expect(applyAnswer([r('C', 'waitlisted', null)], 'C', 'no', 1)).toEqual({ stored: 'no', unchanged: false, leftGoing: false });
  });
});

describe('mixOf', () => {
  it('says both teams are represented only when sales and marketing are both going', () => {
    expect(mixOf([r('S', 'going', 'sales'), r('M', 'going', 'marketing')])).toEqual({ kind: 'both' });
    expect(mixOf([r('S', 'going', 'sales'), r('M', 'maybe', 'marketing')])).toEqual({
      kind: 'missing',
      side: 'marketing',
      why: 'not_going',
    });
    expect(mixOf([r('S', 'going', 'sales')])).toEqual({ kind: 'missing', side: 'marketing', why: 'silent' });
    expect(mixOf([r('M', 'going', 'marketing'), r('O', 'going', 'other')])).toEqual({ kind: 'missing', side: 'sales', why: 'silent' });
    expect(mixOf([r('M', 'going', 'marketing'), r('S', 'no', 'sales')])).toEqual({ kind: 'missing', side: 'sales', why: 'not_going' });
    expect(mixOf([r('O', 'going', null)])).toEqual({ kind: 'neither', why: 'silent' });
    expect(mixOf([r('O', 'going', null), r('S', 'waitlisted', 'sales')])).toEqual({ kind: 'neither', why: 'not_going' });
  });
});

describe('validateAfterworkForm', () => {
  const now = new Date('2026-11-23T09:00:00.000Z');
  const future = Date.parse('2026-11-26T17:30:00.000Z') / 1000;
  const form = { title: ' Drinks ', startsAt: future, place: '  ', note: ' bring a friend ', capacity: ' 12 ', channelId: 'C1' };

  it('trims, keeps what is given, and turns empty optional fields into nothing', () => {
    expect(validateAfterworkForm(form, now)).toEqual({
      ok: true,
      value: { title: 'Drinks', startsAt: new Date(future * 1000), place: null, note: 'bring a friend', capacity: 12, channelId: 'C1' },
    });
    expect(validateAfterworkForm({ ...form, capacity: '' }, now)).toMatchObject({ ok: true, value: { capacity: null } });
  });

  it('refuses a time already past or now, a missing one, and a capacity that is not a positive whole number', () => {
    const errors = (f: Partial<typeof form> & { startsAt?: number | undefined }, going?: number) => {
      const result = validateAfterworkForm({ ...form, ...f }, now, going === undefined ? {} : { going });
      return result.ok ? [] : result.errors;
    };
    expect(errors({ startsAt: now.getTime() / 1000 })).toEqual([{ field: 'when', code: 'past' }]);
    expect(errors({ startsAt: undefined })).toEqual([{ field: 'when', code: 'missing' }]);
    expect(errors({ startsAt: Date.parse('2062-11-26T17:30:00.000Z') / 1000 })).toEqual([{ field: 'when', code: 'too_far' }]);
    expect(errors({ startsAt: 1e20 })).toEqual([{ field: 'when', code: 'too_far' }]);
    for (const bad of ['0', '-3', '2.5', 'ten', '1e3', '20000'])
      expect(errors({ capacity: bad }), bad).toEqual([{ field: 'capacity', code: 'not_whole' }]);
    expect(errors({ capacity: '3' }, 4)).toEqual([{ field: 'capacity', code: 'below_going', going: 4 }]);
    expect(errors({ title: '   ' })).toEqual([{ field: 'title', code: 'empty' }]);
    expect(errors({ title: 'x'.repeat(151) })).toEqual([{ field: 'title', code: 'too_long' }]);
  });
});

describe('changesWorthTelling', () => {
  const before = { title: 'Drinks', starts_at: '2026-11-26T17:30:00.000Z', place: 'Le Comptoir' };
  it('names a new title, time or place with what it was; nothing for the same instant written differently', () => {
    expect(changesWorthTelling(before, { ...before })).toBeUndefined();
    expect(changesWorthTelling(before, { ...before, starts_at: '2026-11-26T18:30:00+01:00' })).toBeUndefined();
    expect(changesWorthTelling(before, { ...before, starts_at: '2026-11-27T17:30:00.000Z', place: null })).toEqual({
      startsAt: { from: before.starts_at, to: '2026-11-27T17:30:00.000Z' },
      place: { from: 'Le Comptoir', to: null },
    });
    expect(changesWorthTelling(before, { ...before, title: 'Apéro' })).toEqual({ title: { from: 'Drinks', to: 'Apéro' } });
  });
});
