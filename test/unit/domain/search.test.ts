import { describe, expect, it } from 'vitest';
import { byDemand, parseItemHandle, rankSearchResults } from '../../../src/domain/search.js';

const hit = (id: number, relevance: number, votes = 0, customers = 0, revenue = 0) => ({
  id,
  relevance,
  votes,
  customers,
  revenue_at_stake: revenue,
});

describe('rankSearchResults', () => {
  it('orders by relevance tier first: a weak match never outranks a strong one, however voted', () => {
    const ranked = rankSearchResults([hit(1, 0.1, 50), hit(2, 1.0, 0), hit(3, 0.5, 10)]);
    expect(ranked.map((h) => h.id)).toEqual([2, 3, 1]);
  });

  it('within a tier, what the field backs most comes first: votes, then customers, then revenue, then the newer', () => {
    const ranked = rankSearchResults([
      hit(1, 1.0, 1),
      hit(2, 0.9, 3),
      hit(3, 0.95, 3, 2),
      hit(4, 0.8, 3, 2, 5000),
      hit(5, 0.99, 3, 2, 5000),
    ]);
    expect(ranked.map((h) => h.id)).toEqual([5, 4, 3, 2, 1]);
  });

  it('keeps every hit, and copes with no relevance at all', () => {
    expect(rankSearchResults([])).toEqual([]);
    expect(rankSearchResults([hit(1, 0, 1), hit(2, 0, 2)]).map((h) => h.id)).toEqual([2, 1]);
  });

  it('byDemand is a strict order on distinct ids', () => {
    expect(byDemand(hit(1, 0, 1), hit(2, 0, 1))).toBeGreaterThan(0);
    expect(byDemand(hit(2, 0, 1), hit(1, 0, 1))).toBeLessThan(0);
  });
});

describe('parseItemHandle', () => {
  it.each([
    ['#42', 42],
    ['42', 42],
    ['n°42', 42],
    ['N° 42', 42],
    ['nº7', 7],
    [' #7 ', 7],
  ])('"%s" is item %i', (word, id) => {
    expect(parseItemHandle(word)).toBe(id);
  });

  it.each(['', '#', '#0', '-3', '4.2', '#4x', 'forty', '1234567890', '#42abc'])('"%s" is not a handle', (word) => {
    expect(parseItemHandle(word)).toBeUndefined();
  });
});
