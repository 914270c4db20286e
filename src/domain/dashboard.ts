/** What ranks an open item: how many backed it, how many customers stand behind it, what revenue is at stake. */
export interface Backing {
  id: number;
  votes: number;
  customers: number;
  revenue: number | null;
  customer_revenue: number;
}

/** The revenue at stake: what the item was filed with, plus what its customers carry. */
export function revenueAtStake(item: Pick<Backing, 'revenue' | 'customer_revenue'>): number {
  return (item.revenue ?? 0) + item.customer_revenue;
}

/** Best first: votes, then customers, then revenue at stake, then the oldest (smallest id). */
export function rankOpenItems<T extends Backing>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.votes - a.votes || b.customers - a.customers || revenueAtStake(b) - revenueAtStake(a) || a.id - b.id);
}
