/**
 * Customers (accounts) behind an item. The same account counts once per item whoever adds it, however
 * it is written: `Crème Brûlée Ltd`, ` creme  brulee ltd ` and `CRÈME BRÛLÉE LTD` are one account.
 */

/** The account as compared: trimmed, case and accents folded, inner spaces collapsed. */
export function accountKey(account: string): string {
  return account.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

export interface CustomerRow {
  account_key: string;
  account: string;
  revenue: number | null;
  added_by: string;
}

export interface Tally {
  /** Distinct accounts: the item's own customer (if named) and the ones added to it. */
  count: number;
  /** What is at stake across those accounts, each counted once; null when nobody gave a figure. */
  revenueAtStake: number | null;
  /** The accounts added to the item, as first written, in the order they were added (not the item's own). */
  added: string[];
  /** Who added them, once each, in order. */
  addedBy: string[];
}

/**
 * Counts an item's customers and what is at stake. One account, one figure: the first one given wins
 * (the item's own, then the first add), and a later add only fills in a figure that was missing. An
 * amount filed without naming a customer counts on its own.
 */
export function tallyCustomers(item: { customer: string | null; revenue: number | null }, rows: readonly CustomerRow[]): Tally {
  const stakes = new Map<string, number | null>();
  let unnamed: number | null = null;
  const ownKey = item.customer ? accountKey(item.customer) : '';
  if (ownKey) stakes.set(ownKey, item.revenue);
  else unnamed = item.revenue;
  const added: string[] = [];
  const addedBy: string[] = [];
  for (const row of rows) {
    const known = stakes.get(row.account_key);
    if (known === undefined) stakes.set(row.account_key, row.revenue);
    else if (known === null) stakes.set(row.account_key, row.revenue);
    if (row.account_key !== ownKey) added.push(row.account);
    if (!addedBy.includes(row.added_by)) addedBy.push(row.added_by);
  }
  const figures = [unnamed, ...stakes.values()].filter((v): v is number => v !== null);
  return {
    count: stakes.size,
    revenueAtStake: figures.length === 0 ? null : figures.reduce((a, b) => a + b, 0),
    added,
    addedBy,
  };
}

/**
 * What adding an account does to an item: a new account counts; an account already counted changes
 * nothing, except that a figure nobody had given yet is filled in.
 */
export function customerAddition(
  item: { customer: string | null; revenue: number | null },
  existing: Pick<CustomerRow, 'revenue'> | undefined,
  key: string,
  revenue: number | null,
): 'new' | 'fill_revenue' | 'already' {
  const own = item.customer !== null && accountKey(item.customer) === key;
  if (existing) return existing.revenue === null && revenue !== null && !(own && item.revenue !== null) ? 'fill_revenue' : 'already';
  if (!own) return 'new';
  // The item's own customer: a row only adds something if it brings the figure the item lacks.
  return item.revenue === null && revenue !== null ? 'new' : 'already';
}
