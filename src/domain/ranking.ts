/**
 * How items rank in the digest, on Home and in search: by the support behind them. A vote is one
 * colleague saying it matters; a customer is an account asking for it, worth more; revenue counts on a
 * log scale, so that one large deal lifts an item without burying everything the field votes for.
 */

export interface Support {
  votes: number;
  customers: number;
  revenueAtStake: number | null;
}

export const WEIGHTS = { vote: 1, customer: 2, revenueDecade: 2 } as const;

/** Votes + 2 per customer + 2 per tenfold of revenue above 1,000 (0 for none): 10k ≈ 2, 100k ≈ 4, 1M ≈ 6. */
export function rankScore(s: Support): number {
  const revenue = Math.max(0, s.revenueAtStake ?? 0);
  return (
    WEIGHTS.vote * Math.max(0, s.votes) +
    WEIGHTS.customer * Math.max(0, s.customers) +
    WEIGHTS.revenueDecade * Math.log10(1 + revenue / 1000)
  );
}

/** Best first; ties go to the most voted, then to the oldest (it has waited longest). */
export function rankItems<T extends Support & { id: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => rankScore(b) - rankScore(a) || b.votes - a.votes || a.id - b.id);
}
