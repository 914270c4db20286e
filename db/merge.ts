import { sql, type Transaction } from 'kysely';
import { dialectOf } from './connection.js';
import type { Database, Item, ItemStatus } from './schema.js';
import { castVote } from './votes.js';

type Trx = Transaction<Database>;

/** Links followed from an item to the one it was merged into: merges keep chains flat, this is a guard. */
const MAX_CHAIN = 10;

/**
 * An item, read for a change in this transaction: on PostgreSQL its row is locked until the commit, so
 * that two merges at once see each other's outcome (no cycle slips between them). SQLite lets one writer
 * in at a time, which does the same.
 */
export async function getItemForUpdate(trx: Trx, teamId: string, id: number): Promise<Item | undefined> {
  const q = trx.selectFrom('items').selectAll().where('team_id', '=', teamId).where('id', '=', id);
  return (dialectOf(trx) === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
}

/** The item and those it was merged into, in turn, each locked: where a merge into it really lands. */
export async function mergeChain(trx: Trx, teamId: string, id: number): Promise<Item[]> {
  const chain: Item[] = [];
  let next: number | null = id;
  while (next !== null && chain.length < MAX_CHAIN && !chain.some((i) => i.id === next)) {
    const item = await getItemForUpdate(trx, teamId, next);
    if (!item) break;
    chain.push(item);
    next = item.status === 'merged' ? item.merged_into : null;
  }
  return chain;
}

/**
 * The duplicate becomes `merged` into `rootId`, with its history row; items merged into the duplicate
 * earlier now point at the root too (chains stay one link long). `firstResponse`: a merge by marketing is
 * an answer to the duplicate (its response time stops), a merge by the item's own author is not.
 */
export async function markMerged(
  trx: Trx,
  m: { teamId: string; duplicate: Pick<Item, 'id' | 'status'>; rootId: number; byUserId: string; firstResponse: boolean; at: Date },
): Promise<boolean> {
  const at = m.at.toISOString();
  const res = await trx
    .updateTable('items')
    .set({
      status: 'merged',
      merged_into: m.rootId,
      updated_at: at,
      ...(m.firstResponse ? { first_response_at: sql<string>`coalesce(first_response_at, ${at})` } : {}),
    })
    .where('team_id', '=', m.teamId)
    .where('id', '=', m.duplicate.id)
    .where('status', '!=', 'merged')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) return false;
  await trx
    .insertInto('status_changes')
    .values({
      team_id: m.teamId,
      item_id: m.duplicate.id,
      from_status: m.duplicate.status as ItemStatus,
      to_status: 'merged',
      by_user_id: m.byUserId,
      note: null,
      reason: null,
      created_at: at,
    })
    .execute();
  await trx
    .updateTable('items')
    .set({ merged_into: m.rootId, updated_at: at })
    .where('team_id', '=', m.teamId)
    .where('merged_into', '=', m.duplicate.id)
    .execute();
  return true;
}

/**
 * The duplicate's voters vote for the root from now on: each gets a Terrain vote there (dated from their
 * first vote, and kept if they later remove a reaction from either card), and the duplicate's votes stop
 * counting. Whoever voted for both counts once. Returns how many voters the root gained.
 */
export async function moveVotes(trx: Trx, m: { teamId: string; fromId: number; toId: number; at: Date }): Promise<number> {
  const voters = await trx
    .selectFrom('vote_reactions')
    .select(['user_id', sql<string>`min(added_at)`.as('voted_at')])
    .where('item_id', '=', m.fromId)
    .where('active', '=', 1)
    .groupBy('user_id')
    .orderBy('user_id')
    .execute();
  let carried = 0;
  for (const v of voters) {
    if (await castVote(trx, { teamId: m.teamId, itemId: m.toId, userId: v.user_id, votedAt: new Date(v.voted_at), at: m.at })) carried++;
  }
  await trx.updateTable('vote_reactions').set({ active: 0 }).where('item_id', '=', m.fromId).where('active', '=', 1).execute();
  return carried;
}

/**
 * The duplicate's customers count on the root: an account the root lacks moves over as it was; one the
 * root has already stays the root's (once), taking the duplicate's revenue if the root had none.
 */
export async function moveCustomers(trx: Trx, m: { teamId: string; fromId: number; toId: number }): Promise<number> {
  const theirs = await trx
    .selectFrom('item_customers')
    .selectAll()
    .where('team_id', '=', m.teamId)
    .where('item_id', '=', m.fromId)
    .execute();
  let moved = 0;
  for (const row of theirs) {
    const existing = await trx
      .selectFrom('item_customers')
      .select(['revenue'])
      .where('team_id', '=', m.teamId)
      .where('item_id', '=', m.toId)
      .where('account_key', '=', row.account_key)
      .executeTakeFirst();
    if (existing) {
      if (existing.revenue === null && row.revenue !== null) {
        await trx
          .updateTable('item_customers')
          .set({ revenue: row.revenue })
          .where('team_id', '=', m.teamId)
          .where('item_id', '=', m.toId)
          .where('account_key', '=', row.account_key)
          .execute();
      }
      await trx
        .deleteFrom('item_customers')
        .where('team_id', '=', m.teamId)
        .where('item_id', '=', m.fromId)
        .where('account_key', '=', row.account_key)
        .execute();
    } else {
      await trx
        .updateTable('item_customers')
        .set({ item_id: m.toId })
        .where('team_id', '=', m.teamId)
        .where('item_id', '=', m.fromId)
        .where('account_key', '=', row.account_key)
        .execute();
      moved++;
    }
  }
  return moved;
}
