import { rankScore } from './ranking.js';
/**
 * How search results are ordered, as plain functions: relevance first, in coarse tiers (a match a little
 * weaker in wording is still as relevant), and within a tier the items the field cares most about.
 */

export interface RankedHit {
  id: number;
  /** Higher is better, comparable within one search only. */
  relevance: number;
  votes: number;
  customers: number;
  revenue_at_stake: number;
}

/** Relevance tiers: a hit within a quarter of the best match's relevance is in the top tier, and so on. */
const TIERS = 4;

function tier(relevance: number, best: number): number {
  if (!(best > 0) || !(relevance > 0)) return 0;
  return Math.ceil(Math.min(1, relevance / best) * TIERS);
}

/**
 * Between hits equally relevant: the one with more support first, by the product's one ranking score
 * (votes, customers, revenue at stake), then the newer.
 */
export function byDemand(a: Omit<RankedHit, 'relevance'>, b: Omit<RankedHit, 'relevance'>): number {
  const score = (h: Omit<RankedHit, 'relevance'>) =>
    rankScore({ votes: h.votes, customers: h.customers, revenueAtStake: h.revenue_at_stake });
  return score(b) - score(a) || b.id - a.id;
}

/** Search hits in the order they are shown: relevance tier, then demand. */
export function rankSearchResults<T extends RankedHit>(hits: readonly T[]): T[] {
  const best = Math.max(0, ...hits.map((h) => h.relevance));
  return [...hits].sort((a, b) => tier(b.relevance, best) - tier(a.relevance, best) || byDemand(a, b));
}

/**
 * An item handle as people type it after `/terrain merge` or `/terrain search`: `#42`, `42`, `n°42`.
 * Undefined for anything else (a number too large to be an id included).
 */
export function parseItemHandle(word: string): number | undefined {
  const m = /^(?:#|n°|no\.?|nº)?\s*(\d{1,9})$/i.exec(word.trim());
  if (!m) return undefined;
  const id = Number(m[1]);
  return id > 0 ? id : undefined;
}
