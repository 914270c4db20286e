import { type Kysely, sql, type Transaction } from 'kysely';
import { countItems, type ItemWithSupport, listItemsWithSupport } from './customers.js';
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

/** What waits for marketing's first answer (`new`, never answered), oldest first, and how many in all. */
export async function listWaitingForAnswer(
  db: Db,
  teamId: string,
  options: { filedBy?: Date; limit: number },
): Promise<{ items: ItemWithSupport[]; total: number }> {
  const filter = { awaitingAnswer: true, ...(options.filedBy ? { createdUntil: options.filedBy } : {}) };
  const [items, total] = await Promise.all([
    listItemsWithSupport(db, teamId, { ...filter, order: 'filed', limit: options.limit }),
    countItems(db, teamId, filter),
  ]);
  return { items, total };
}

export interface ResponseTimes {
  /**
   * How long each item first answered in the period waited for that answer, in milliseconds, shortest
   * first (its median is marketing's response time: `median` in src/domain/triage.ts).
   */
  waitsMs: number[];
  /** Items still waiting for a first answer (filed by the end of the period), oldest first. */
  waiting: ItemWithSupport[];
  waitingCount: number;
}

/**
 * Marketing's response time over a period (start, end]: how long the items first answered in it waited,
 * and the items still waiting for an answer (at most `waitingLimit` of them, with the count).
 */
export async function responseTimes(
  db: Db,
  teamId: string,
  period: { start: Date; end: Date },
  options: { waitingLimit?: number } = {},
): Promise<ResponseTimes> {
  const answered = await answeredQuery(db, teamId, period).execute();
  const waitsMs = answered
    .map((r) => Math.max(0, Date.parse(r.first_response_at ?? r.created_at) - Date.parse(r.created_at)))
    .sort((a, b) => a - b);
  const waiting = await listWaitingForAnswer(db, teamId, { filedBy: period.end, limit: options.waitingLimit ?? 50 });
  return { waitsMs, waiting: waiting.items, waitingCount: waiting.total };
}

/** The items first answered in a period (index `items_first_response`, read alone). */
export const answeredQuery = (db: Db, teamId: string, period: { start: Date; end: Date }) =>
  db
    .selectFrom('items')
    .select(['created_at', 'first_response_at'])
    .where('team_id', '=', teamId)
    .where('first_response_at', '>', period.start.toISOString())
    .where('first_response_at', '<=', period.end.toISOString());
