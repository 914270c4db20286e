import type { Kysely, Transaction } from 'kysely';
import { type ItemWithVotes, numericVotes, voteCount } from './items.js';
import type { Database, ItemCustomer, ItemStatus } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** An item's customers, in the order they were added. */
export async function listCustomers(db: Db, teamId: string, itemId: number): Promise<ItemCustomer[]> {
  return db
    .selectFrom('item_customers')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('item_id', '=', itemId)
    .orderBy('created_at')
    .orderBy('account_key')
    .execute();
}

export async function getCustomer(db: Db, teamId: string, itemId: number, accountKey: string): Promise<ItemCustomer | undefined> {
  return db
    .selectFrom('item_customers')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('item_id', '=', itemId)
    .where('account_key', '=', accountKey)
    .executeTakeFirst();
}

/** Adds an account to an item; the same account twice is one row (the first). Returns whether it was new. */
export async function insertCustomer(db: Db, row: ItemCustomer): Promise<boolean> {
  const inserted = await db
    .insertInto('item_customers')
    .values(row)
    .onConflict((oc) => oc.columns(['team_id', 'item_id', 'account_key']).doNothing())
    .returning('account_key')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Gives an account already counted the figure it lacked; a figure already there is kept. */
export async function fillCustomerRevenue(db: Db, teamId: string, itemId: number, accountKey: string, revenue: number): Promise<boolean> {
  const res = await db
    .updateTable('item_customers')
    .set({ revenue })
    .where('team_id', '=', teamId)
    .where('item_id', '=', itemId)
    .where('account_key', '=', accountKey)
    .where('revenue', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export type CustomerRef = Pick<ItemCustomer, 'item_id' | 'account_key' | 'account' | 'revenue' | 'added_by'>;

/** An item with what backs it: its votes and its customers (rows as added; count them with `tallyCustomers`). */
export interface ItemWithSupport extends ItemWithVotes {
  customers: CustomerRef[];
}

export interface SupportFilter {
  ids?: readonly number[];
  statuses?: readonly ItemStatus[];
  /** Created after this instant (exclusive). */
  createdAfter?: Date;
  limit?: number;
}

/**
 * Items with their votes and customers, for ranking (digest, Home, search) and export: two queries
 * whatever the number of items. Oldest first; rank them with `rankItems` (src/domain/ranking.ts) after
 * `tallyCustomers` (src/domain/customers.ts), which counts each account once.
 */
export async function listItemsWithSupport(db: Db, teamId: string | undefined, filter: SupportFilter = {}): Promise<ItemWithSupport[]> {
  if (filter.ids?.length === 0 || filter.statuses?.length === 0) return [];
  let q = db.selectFrom('items').selectAll('items').select(voteCount);
  if (teamId !== undefined) q = q.where('items.team_id', '=', teamId);
  if (filter.ids) q = q.where('items.id', 'in', [...filter.ids]);
  if (filter.statuses) q = q.where('items.status', 'in', [...filter.statuses]);
  if (filter.createdAfter) q = q.where('items.created_at', '>', filter.createdAfter.toISOString());
  q = q.orderBy('items.id');
  if (filter.limit !== undefined) q = q.limit(filter.limit);
  const items = numericVotes(await q.execute());
  const byItem = new Map<number, CustomerRef[]>();
  // In slices: a parameter list stays well under both databases' limits.
  for (let i = 0; i < items.length; i += 500) {
    const ids = items.slice(i, i + 500).map((item) => item.id);
    const rows = await db
      .selectFrom('item_customers')
      .select(['item_id', 'account_key', 'account', 'revenue', 'added_by'])
      .where('item_id', 'in', ids)
      .orderBy('created_at')
      .orderBy('account_key')
      .execute();
    for (const row of rows) {
      const list = byItem.get(row.item_id) ?? [];
      list.push(row);
      byItem.set(row.item_id, list);
    }
  }
  return items.map((item) => ({ ...item, customers: byItem.get(item.id) ?? [] }));
}
