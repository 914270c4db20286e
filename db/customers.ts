import { type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
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
  authorId?: string;
  /** Still waiting for marketing's first answer: `new`, never answered. */
  awaitingAnswer?: boolean;
  /** Created after this instant (exclusive). */
  createdAfter?: Date;
  /** Created at or before this instant. */
  createdUntil?: Date;
  /** Filed, or voted for, after this instant (exclusive): what drew the field's attention since. */
  activeSince?: Date;
  /** `id` (oldest first, the default), `newest` (last filed first) or `filed` (by filing time: what has waited longest first). */
  order?: 'id' | 'newest' | 'filed';
  limit?: number;
}

/** The items a filter selects, in one place for the list and its count. */
function whereFilter<O>(q: SelectQueryBuilder<Database, 'items', O>, teamId: string | undefined, filter: SupportFilter) {
  if (teamId !== undefined) q = q.where('items.team_id', '=', teamId);
  if (filter.ids) q = q.where('items.id', 'in', [...filter.ids]);
  if (filter.statuses) q = q.where('items.status', 'in', [...filter.statuses]);
  if (filter.authorId !== undefined) q = q.where('items.author_id', '=', filter.authorId);
  if (filter.awaitingAnswer) q = q.where('items.status', '=', 'new').where('items.first_response_at', 'is', null);
  if (filter.createdAfter) q = q.where('items.created_at', '>', filter.createdAfter.toISOString());
  if (filter.createdUntil) q = q.where('items.created_at', '<=', filter.createdUntil.toISOString());
  if (filter.activeSince) {
    const at = filter.activeSince.toISOString();
    q = q.where((eb) =>
      eb.or([
        eb('items.created_at', '>', at),
        eb.exists(
          eb
            .selectFrom('vote_reactions')
            .select('vote_reactions.item_id')
            .whereRef('vote_reactions.item_id', '=', 'items.id')
            .where('vote_reactions.active', '=', 1)
            .where('vote_reactions.added_at', '>', at),
        ),
      ]),
    );
  }
  return q;
}

const isEmpty = (filter: SupportFilter) => filter.ids?.length === 0 || filter.statuses?.length === 0;

/**
 * Items with their votes and customers, for ranking (digest, Home, search) and export: two queries
 * whatever the number of items. Rank them with `rankItems` after `withSupport` (src/domain/ranking.ts),
 * which counts each account once (`tallyCustomers`).
 */
export async function listItemsWithSupport(db: Db, teamId: string | undefined, filter: SupportFilter = {}): Promise<ItemWithSupport[]> {
  if (isEmpty(filter) || filter.limit === 0) return [];
  const items = numericVotes(await itemsWithVotesQuery(db, teamId, filter).execute());
  const byItem = new Map<number, CustomerRef[]>();
  // In slices: a parameter list stays well under both databases' limits.
  for (let i = 0; i < items.length; i += 500) {
    const rows = await customersQuery(
      db,
      teamId,
      items.slice(i, i + 500).map((item) => item.id),
    ).execute();
    for (const row of rows) {
      const list = byItem.get(row.item_id) ?? [];
      list.push(row);
      byItem.set(row.item_id, list);
    }
  }
  return items.map((item) => ({ ...item, customers: byItem.get(item.id) ?? [] }));
}

/** The items a filter selects with their vote counts, in its order (see test/db/query-plans.test.ts). */
export const itemsWithVotesQuery = (db: Db, teamId: string | undefined, filter: SupportFilter) => {
  let q = whereFilter(db.selectFrom('items').selectAll('items').select(voteCount), teamId, filter);
  if (filter.order === 'newest') q = q.orderBy('items.id', 'desc');
  else if (filter.order === 'filed') q = q.orderBy('items.created_at').orderBy('items.id');
  else q = q.orderBy('items.id');
  if (filter.limit !== undefined) q = q.limit(filter.limit);
  return q;
};

/**
 * The customer rows of some items. With the workspace named, its primary key (team, item, account) finds
 * them; without it (an export of every workspace), they are read in full.
 */
export const customersQuery = (db: Db, teamId: string | undefined, ids: number[]) => {
  let q = db.selectFrom('item_customers').select(['item_id', 'account_key', 'account', 'revenue', 'added_by']).where('item_id', 'in', ids);
  if (teamId !== undefined) q = q.where('team_id', '=', teamId);
  return q.orderBy('created_at').orderBy('account_key');
};

/** How many items a filter selects (its `order` and `limit` aside). */
export async function countItems(db: Db, teamId: string | undefined, filter: SupportFilter): Promise<number> {
  if (isEmpty(filter)) return 0;
  const row = await countItemsQuery(db, teamId, filter).executeTakeFirstOrThrow();
  return Number(row.n);
}

export const countItemsQuery = (db: Db, teamId: string | undefined, filter: SupportFilter) =>
  whereFilter(db.selectFrom('items'), teamId, filter).select(sql<number>`count(*)`.as('n'));
