import type { Item } from '../../db/schema.js';
import { significantTerms } from '../../db/search-terms.js';

/** The fields an item's words are in (the same that full-text search indexes). */
export type ItemWords = Pick<Item, 'text' | 'product' | 'customer' | 'competitor' | 'customer_need' | 'reason'>;

const MAX_CANDIDATE_TERMS = 200;

/** Everything an item says, as one text. */
export function itemWords(item: ItemWords): string {
  return [item.text, item.product, item.customer, item.competitor, item.customer_need, item.reason].filter(Boolean).join(' ');
}

/** Two texts say the same when half their meaningful words are shared (Dice), or at least this many. */
const ALIKE_SCORE = 0.5;
const ALIKE_SHARED = 5;

/**
 * How alike two texts are: the meaningful words (stems) they share, and the share of both texts' words
 * that is (Dice's coefficient: 1 for the same words, 0 for none in common). Plurals and accents aside.
 */
export function likeness(a: string, b: string): { shared: number; score: number } {
  return likenessTo(significantTerms(a, MAX_CANDIDATE_TERMS), b);
}

function likenessTo(mine: readonly string[], b: string): { shared: number; score: number } {
  const theirs = new Set(significantTerms(b, MAX_CANDIDATE_TERMS));
  const shared = mine.filter((t) => theirs.has(t)).length;
  const total = mine.length + theirs.size;
  return { shared, score: total === 0 ? 0 : (2 * shared) / total };
}

const isClose = (x: { shared: number; score: number }) => x.shared > 0 && (x.score >= ALIKE_SCORE || x.shared >= ALIKE_SHARED);

/**
 * The candidates close enough to the new item to be offered instead: a word or two in common
 * ("customers", "mode") is not enough between texts that say more. Candidates come from full-text search
 * (any shared word), unranked; this is what judges them.
 */
export function closeOnes<T extends { words: string }>(newItem: string, candidates: readonly T[]): T[] {
  const mine = significantTerms(newItem, MAX_CANDIDATE_TERMS);
  return candidates.filter((c) => isClose(likenessTo(mine, c.words)));
}

/**
 * The open items that look like the new one, most alike first (then the most voted): what "Looks like
 * this was already raised" shows (the close ones, see `closeOnes`).
 */
export function pickSimilar<T extends ItemWords & { id: number; votes: number }>(
  newItem: string,
  candidates: readonly T[],
  limit = 3,
): T[] {
  const mine = significantTerms(newItem, MAX_CANDIDATE_TERMS);
  return candidates
    .map((c) => ({ c, ...likenessTo(mine, itemWords(c)) }))
    .filter(isClose)
    .sort((a, b) => b.score - a.score || b.c.votes - a.c.votes || b.c.id - a.c.id)
    .slice(0, limit)
    .map((x) => x.c);
}
