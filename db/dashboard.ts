import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { voteCount } from './items.js';
import type { Database, Item, ItemStatus } from './schema.js';

/** An item as the dashboard shows it: with its votes, the customers behind it and their revenue at stake. */
export interface DashboardItem extends Item {
  votes: number;
  /** Customers (accounts) added to it, each counted once. */
  customers: number;
  /** The revenue at stake those customers carry (the item's own `revenue` is apart). */
  customer_revenue: number;
}

/** Open: not answered for good yet (shipped, declined, merged). */
export const OPEN_STATUSES: readonly ItemStatus[] = ['new', 'acknowledged', 'planned'];

const customerCount = (eb: ExpressionBuilder<Database, 'items'>) =>
  eb
    .selectFrom('item_customers')
    .select(sql<number>`count(*)`.as('n'))
    .whereRef('item_customers.item_id', '=', 'items.id')
    .whereRef('item_customers.team_id', '=', 'items.team_id')
    .as('customers');

const customerRevenue = (eb: ExpressionBuilder<Database, 'items'>) =>
  eb
    .selectFrom('item_customers')
    .select(sql<number>`coalesce(sum(item_customers.revenue), 0)`.as('r'))
    .whereRef('item_customers.item_id', '=', 'items.id')
    .whereRef('item_customers.team_id', '=', 'items.team_id')
    .as('customer_revenue');

/** Both drivers may give counts and sums as text: every caller gets numbers. */
const numeric = <T extends { votes: unknown; customers: unknown; customer_revenue: unknown }>(rows: T[]) =>
  rows.map((r) => ({
    ...r,
    votes: Number(r.votes ?? 0),
    customers: Number(r.customers ?? 0),
    customer_revenue: Number(r.customer_revenue ?? 0),
  }));

const dashboardItems = (db: Kysely<Database>, teamId: string) =>
  db
    .selectFrom('items')
    .selectAll('items')
    .select(voteCount)
    .select(customerCount)
    .select(customerRevenue)
    .where('items.team_id', '=', teamId);

/** A member's own items, newest first. */
export async function listOwnItems(db: Kysely<Database>, teamId: string, authorId: string, limit: number): Promise<DashboardItem[]> {
  const rows = await dashboardItems(db, teamId).where('items.author_id', '=', authorId).orderBy('items.id', 'desc').limit(limit).execute();
  return numeric(rows);
}

/**
 * Open items that drew the field's attention since `since`: filed then, or voted for then. The caller
 * ranks them (votes, customers, revenue at stake); `limit` bounds what is read on a very busy week.
 */
export async function listActiveOpenItems(db: Kysely<Database>, teamId: string, since: Date, limit: number): Promise<DashboardItem[]> {
  const at = since.toISOString();
  const rows = await dashboardItems(db, teamId)
    .where('items.status', 'in', [...OPEN_STATUSES])
    .where((eb) =>
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
    )
    .orderBy('items.id', 'desc')
    .limit(limit)
    .execute();
  return numeric(rows);
}

/** What waits for marketing's first answer (status `new`), oldest first, and how many in all. */
export async function listAwaitingAnswer(
  db: Kysely<Database>,
  teamId: string,
  limit: number,
): Promise<{ items: DashboardItem[]; total: number }> {
  const rows = await dashboardItems(db, teamId)
    .where('items.status', '=', 'new')
    .orderBy('items.created_at')
    .orderBy('items.id')
    .limit(limit)
    .execute();
  const total = await db
    .selectFrom('items')
    .select(sql<number>`count(*)`.as('n'))
    .where('team_id', '=', teamId)
    .where('status', '=', 'new')
    .executeTakeFirstOrThrow();
  return { items: numeric(rows), total: Number(total.n) };
}
