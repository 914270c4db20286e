import { type Kysely, sql, type Transaction } from 'kysely';
import { type ItemWithVotes, numericVotes, voteCount } from './items.js';
import type { Database, ItemStatus, StatusChange } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Moves an item from `from` to `to`, only if it is still at `from`: of two moves at once, one wins. The
 * first move out of `new` (marketing's first answer) stamps `first_response_at`, once.
 */
export async function moveItem(db: Db, teamId: string, itemId: number, from: ItemStatus, to: ItemStatus, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const res = await db
    .updateTable('items')
    .set({ status: to, first_response_at: sql<string>`coalesce(first_response_at, ${at})`, updated_at: at })
    .where('team_id', '=', teamId)
    .where('id', '=', itemId)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export interface NewStatusChange {
  teamId: string;
  itemId: number;
  from: ItemStatus;
  to: ItemStatus;
  by: string;
  note: string | null;
  reason: string | null;
}

/** The history row of a status change; returns its id. */
export async function recordStatusChange(db: Db, change: NewStatusChange, now: Date): Promise<number> {
  const row = await db
    .insertInto('status_changes')
    .values({
      team_id: change.teamId,
      item_id: change.itemId,
      from_status: change.from,
      to_status: change.to,
      by_user_id: change.by,
      note: change.note,
      reason: change.reason,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function getStatusChange(db: Db, teamId: string, id: number): Promise<StatusChange | undefined> {
  return db.selectFrom('status_changes').selectAll().where('team_id', '=', teamId).where('id', '=', id).executeTakeFirst();
}

/** The item's latest status change, if it ever moved. */
export async function latestStatusChange(db: Db, teamId: string, itemId: number): Promise<StatusChange | undefined> {
  return db
    .selectFrom('status_changes')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('item_id', '=', itemId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function statusHistory(db: Db, teamId: string, itemId: number): Promise<StatusChange[]> {
  return db.selectFrom('status_changes').selectAll().where('team_id', '=', teamId).where('item_id', '=', itemId).orderBy('id').execute();
}

export interface ResponseTimes {
  /** Items whose first answer from marketing came in the period. */
  answered: number;
  /** The median wait, from filing to that first answer, in milliseconds; null when none was answered. */
  medianMs: number | null;
  /** Items still waiting for a first answer now (status `new`, filed by the end of the period), oldest first. */
  waiting: ItemWithVotes[];
  waitingCount: number;
}

/**
 * Marketing's response time over a period (start, end]: the median time to a first answer of the items
 * answered in it, and the items still waiting for one (at most `waitingLimit` of them, with the count).
 */
export async function responseTimes(
  db: Db,
  teamId: string,
  period: { start: Date; end: Date },
  options: { waitingLimit?: number } = {},
): Promise<ResponseTimes> {
  const answered = await db
    .selectFrom('items')
    .select(['created_at', 'first_response_at'])
    .where('team_id', '=', teamId)
    .where('first_response_at', '>', period.start.toISOString())
    .where('first_response_at', '<=', period.end.toISOString())
    .execute();
  const waits = answered.map((r) => Date.parse(r.first_response_at ?? r.created_at) - Date.parse(r.created_at)).sort((a, b) => a - b);
  const mid = Math.floor(waits.length / 2);
  const medianMs = waits.length === 0 ? null : waits.length % 2 === 1 ? waits[mid]! : (waits[mid - 1]! + waits[mid]!) / 2;

  const waitingQuery = db
    .selectFrom('items')
    .where('items.team_id', '=', teamId)
    .where('items.status', '=', 'new')
    .where('items.first_response_at', 'is', null)
    .where('items.created_at', '<=', period.end.toISOString());
  const waiting = await waitingQuery
    .selectAll('items')
    .select(voteCount)
    .orderBy('items.created_at')
    .orderBy('items.id')
    .limit(options.waitingLimit ?? 50)
    .execute();
  const count = await waitingQuery.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return { answered: waits.length, medianMs, waiting: numericVotes(waiting), waitingCount: Number(count.n) };
}
