import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, OutboxMessage, OutboxState } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewOutboxMessage {
  teamId: string;
  key: string;
  kind: string;
  payload: Record<string, unknown>;
  /** Not before this time (a reminder); now by default. */
  notBefore?: Date | undefined;
}

/**
 * Queues a Slack side effect, inside the caller's transaction with the change it follows. The same key
 * twice is the same message: a retried request queues nothing more. Returns whether it was new.
 */
export async function enqueue(db: Db, message: NewOutboxMessage, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const inserted = await db
    .insertInto('outbox')
    .values({
      team_id: message.teamId,
      key: message.key,
      kind: message.kind,
      payload: JSON.stringify(message.payload),
      state: 'pending',
      attempts: 0,
      next_attempt_at: (message.notBefore ?? now).toISOString(),
      lease_owner: null,
      lease_until: null,
      uncertain: 0,
      last_error: null,
      result: null,
      created_at: at,
      updated_at: at,
      sent_at: null,
    })
    .onConflict((oc) => oc.columns(['team_id', 'key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Pending messages that are due and that no live sender holds, oldest first (index `outbox_due`). */
export const dueQuery = (db: Db, now: Date, limit: number) => {
  const at = now.toISOString();
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit);
};

export async function listDue(db: Db, now: Date, limit: number): Promise<OutboxMessage[]> {
  return dueQuery(db, now, limit).execute();
}

/**
 * Takes a message seen by `listDue` for one attempt. The attempt count doubles as a version: if another
 * sender took it since it was read, nothing is claimed, so `seen.uncertain` is exactly what the previous
 * attempt left. The message is marked uncertain from here until the attempt's outcome is known.
 */
export async function claim(db: Db, seen: OutboxMessage, owner: string, now: Date, leaseMs: number): Promise<OutboxMessage | undefined> {
  const at = now.toISOString();
  return db
    .updateTable('outbox')
    .set({
      lease_owner: owner,
      lease_until: new Date(now.getTime() + leaseMs).toISOString(),
      attempts: seen.attempts + 1,
      uncertain: 1,
      updated_at: at,
    })
    .where('id', '=', seen.id)
    .where('state', '=', 'pending')
    .where('attempts', '=', seen.attempts)
    .where('next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
    .returningAll()
    .executeTakeFirst();
}

/** Keeps the leases of the messages this sender is sending: alive means nobody else may take them. */
export async function renewLeases(db: Db, owner: string, ids: readonly number[], now: Date, leaseMs: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ lease_until: new Date(now.getTime() + leaseMs).toISOString() })
    .where('lease_owner', '=', owner)
    .where('state', '=', 'pending')
    .where('id', 'in', [...ids])
    .execute();
}

const held = (owner: string) => (qb: any) => qb.where('state', '=', 'pending').where('lease_owner', '=', owner);

/** Slack took it. Returns false if this sender had lost the message meanwhile. */
export async function markSent(db: Db, id: number, owner: string, result: unknown, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const res = await db
    .updateTable('outbox')
    .set({
      state: 'sent',
      result: result === undefined ? null : JSON.stringify(result),
      lease_owner: null,
      lease_until: null,
      uncertain: 0,
      last_error: null,
      sent_at: at,
      updated_at: at,
    })
    .where('id', '=', id)
    .$call(held(owner))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** A temporary failure: tried again at `at`; `uncertain` says whether Slack may have acted on it. */
export async function reschedule(db: Db, id: number, owner: string, at: Date, error: string, uncertain: boolean, now: Date): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      next_attempt_at: at.toISOString(),
      lease_owner: null,
      lease_until: null,
      uncertain: uncertain ? 1 : 0,
      last_error: error,
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .$call(held(owner))
    .execute();
}

/** A permanent failure (the channel is gone, the user is deactivated): kept with its reason, not retried. */
export async function markFailed(db: Db, id: number, owner: string, error: string, now: Date): Promise<boolean> {
  const res = await db
    .updateTable('outbox')
    .set({ state: 'failed', lease_owner: null, lease_until: null, uncertain: 0, last_error: error, updated_at: now.toISOString() })
    .where('id', '=', id)
    .$call(held(owner))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/**
 * Sends a failed (or waiting) message again as soon as a sender is free: `outbox --retry`, or a card
 * whose channel Terrain was just let into. Returns the messages put back.
 */
export async function retry(db: Db, where: { id?: number; teamId?: string; keys?: readonly string[] }, now: Date): Promise<number> {
  if (where.keys?.length === 0) return 0;
  let q = db
    .updateTable('outbox')
    .set({ state: 'pending', next_attempt_at: now.toISOString(), last_error: null, updated_at: now.toISOString() })
    .where('state', 'in', ['pending', 'failed']);
  if (where.id !== undefined) q = q.where('id', '=', where.id);
  if (where.teamId !== undefined) q = q.where('team_id', '=', where.teamId);
  if (where.keys) q = q.where('key', 'in', [...where.keys]);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/**
 * Withdraws a message that must not be sent any more (the card of an item merged before it went out). Only
 * a pending message that no live sender holds can be withdrawn: one being sent may already be in Slack.
 * Returns whether it was withdrawn; the caller deals with a message that was sent, or is being sent.
 */
export async function withdraw(db: Db, teamId: string, key: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const res = await db
    .updateTable('outbox')
    .set({ state: 'withdrawn', lease_owner: null, lease_until: null, updated_at: at })
    .where('team_id', '=', teamId)
    .where('key', '=', key)
    .where('state', '=', 'pending')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** A pending message held back (`notBefore`) is due now instead. Returns whether it was waiting. */
export async function sendSooner(db: Db, teamId: string, key: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const res = await db
    .updateTable('outbox')
    .set({ next_attempt_at: at, updated_at: at })
    .where('team_id', '=', teamId)
    .where('key', '=', key)
    .where('state', '=', 'pending')
    .where('attempts', '=', 0)
    .where('next_attempt_at', '>', at)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/**
 * Withdraws the pending messages whose key starts with `prefix` (every reminder of an after-work, or one
 * person's): kept, in the state `withdrawn`. A message a live sender holds is left to it: its
 * handler checks, when it sends, that it is still wanted. Returns how many were withdrawn.
 */
export async function withdrawByPrefix(db: Db, teamId: string, prefix: string, now: Date): Promise<number> {
  const at = now.toISOString();
  const res = await db
    .updateTable('outbox')
    .set({ state: 'withdrawn', lease_owner: null, lease_until: null, updated_at: at })
    .where('team_id', '=', teamId)
    .where(sql<boolean>`substr(key, 1, ${sql.lit(prefix.length)}) = ${prefix}`)
    .where('state', '=', 'pending')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/**
 * Queues a message that may have been withdrawn before under the same key (someone going again after
 * saying no): a withdrawn one is made pending again for `notBefore`; one already sent stays sent.
 * Returns whether a message is now waiting to be sent.
 */
export async function enqueueOrRestore(db: Db, message: NewOutboxMessage, now: Date): Promise<boolean> {
  if (await enqueue(db, message, now)) return true;
  const res = await db
    .updateTable('outbox')
    .set({
      state: 'pending',
      payload: JSON.stringify(message.payload),
      next_attempt_at: (message.notBefore ?? now).toISOString(),
      last_error: null,
      updated_at: now.toISOString(),
    })
    .where('team_id', '=', message.teamId)
    .where('key', '=', message.key)
    .where('state', '=', 'withdrawn')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function getMessage(db: Db, id: number): Promise<OutboxMessage | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getMessageByKey(db: Db, teamId: string, key: string): Promise<OutboxMessage | undefined> {
  return db.selectFrom('outbox').selectAll().where('team_id', '=', teamId).where('key', '=', key).executeTakeFirst();
}

/** What is still to send or gave up, for operators (`npx terrain outbox`). */
export async function listOpen(db: Db, states: readonly OutboxState[] = ['pending', 'failed'], limit = 500): Promise<OutboxMessage[]> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('state', 'in', [...states])
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Forgets messages sent (or withdrawn) before `before`: their keys have long stopped mattering (Slack retries within minutes). */
export async function pruneSent(db: Db, before: Date): Promise<number> {
  const at = before.toISOString();
  const res = await db
    .deleteFrom('outbox')
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'sent'), eb('sent_at', '<', at)]),
        eb.and([eb('state', '=', 'withdrawn'), eb('updated_at', '<', at)]),
      ]),
    )
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
