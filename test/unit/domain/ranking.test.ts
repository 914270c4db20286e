import { describe, expect, it } from 'vitest';
import { rankItems, rankScore } from '../../../src/domain/ranking.js';

describe('rankScore', () => {
  it('is zero for an item nobody backs', () => {
    expect(rankScore({ votes: 0, customers: 0, revenueAtStake: null })).toBe(0);
    expect(rankScore({ votes: 0, customers: 0, revenueAtStake: 0 })).toBe(0);
  });

  it('grows with votes, customers and revenue at stake', () => {
    const base = { votes: 3, customers: 1, revenueAtStake: 10_000 };
    expect(rankScore({ ...base, votes: 4 })).toBeGreaterThan(rankScore(base));
    expect(rankScore({ ...base, customers: 2 })).toBeGreaterThan(rankScore(base));
    expect(rankScore({ ...base, revenueAtStake: 20_000 })).toBeGreaterThan(rankScore(base));
  });

  it('weighs a customer as two votes', () => {
    expect(rankScore({ votes: 0, customers: 1, revenueAtStake: null })).toBe(rankScore({ votes: 2, customers: 0, revenueAtStake: null }));
  });

  it('counts revenue on a log scale: one large deal lifts an item without burying what the field votes for', () => {
    expect(rankScore({ votes: 0, customers: 0, revenueAtStake: 9_000 })).toBeCloseTo(2, 5);
    expect(rankScore({ votes: 0, customers: 0, revenueAtStake: 99_000 })).toBeCloseTo(4, 5);
    const bigDeal = rankScore({ votes: 0, customers: 1, revenueAtStake: 10_000_000 });
    const fieldFavourite = rankScore({ votes: 12, customers: 0, revenueAtStake: null });
    expect(fieldFavourite).toBeGreaterThan(bigDeal);
  });

  it('ignores negative figures rather than ranking an item below nothing', () => {
    expect(rankScore({ votes: -1, customers: -2, revenueAtStake: -5_000 })).toBe(0);
  });
});

describe('rankItems', () => {
  it('orders best first; ties go to the most voted, then the oldest', () => {
    const items = [
      { id: 1, votes: 2, customers: 0, revenueAtStake: null },
      { id: 2, votes: 0, customers: 1, revenueAtStake: null },
      { id: 3, votes: 5, customers: 1, revenueAtStake: 50_000 },
      { id: 4, votes: 2, customers: 0, revenueAtStake: null },
      { id: 5, votes: 0, customers: 0, revenueAtStake: null },
    ];
    expect(rankItems(items).map((i) => i.id)).toEqual([3, 1, 4, 2, 5]);
    // The input is left as it was.
    expect(items.map((i) => i.id)).toEqual([1, 2, 3, 4, 5]);
  });
});
