import type { Kysely, Transaction } from 'kysely';
import type { Afterwork, AfterworkRsvp, Database, RsvpAnswer, Side } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewAfterwork {
  teamId: string;
  hostId: string;
  title: string;
  startsAt: Date;
  timezone: string;
  place: string | null;
  note: string | null;
  capacity: number | null;
  channelId: string;
  clientKey: string | null;
}

/**
 * Stores a new after-work. A submission Slack delivers twice (same `clientKey`) finds the one already
 * stored: `created` says which.
 */
export async function createAfterwork(db: Db, input: NewAfterwork, now: Date): Promise<{ afterwork: Afterwork; created: boolean }> {
  if (input.clientKey) {
    const existing = await db
      .selectFrom('afterworks')
      .selectAll()
      .where('team_id', '=', input.teamId)
      .where('client_key', '=', input.clientKey)
      .executeTakeFirst();
    if (existing) return { afterwork: existing, created: false };
  }
  const at = now.toISOString();
  const afterwork = await db
    .insertInto('afterworks')
    .values({
      team_id: input.teamId,
      host_id: input.hostId,
      title: input.title,
      starts_at: input.startsAt.toISOString(),
      timezone: input.timezone,
      place: input.place,
      note: input.note,
      capacity: input.capacity,
      channel_id: input.channelId,
      message_ts: null,
      state: 'active',
      cancelled_by: null,
      version: 0,
      client_key: input.clientKey,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { afterwork, created: true };
}

export async function getAfterwork(db: Db, teamId: string, id: number): Promise<Afterwork | undefined> {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  return db.selectFrom('afterworks').selectAll().where('team_id', '=', teamId).where('id', '=', id).executeTakeFirst();
}

/** The after-work whose invite is this message. */
export async function findAfterworkByMessage(db: Db, teamId: string, channelId: string, ts: string): Promise<Afterwork | undefined> {
  return db
    .selectFrom('afterworks')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('channel_id', '=', channelId)
    .where('message_ts', '=', ts)
    .executeTakeFirst();
}

/**
 * Takes the after-work for a change, inside the caller's transaction: its version is raised first, which
 * holds the row (PostgreSQL) or the write lock (SQLite) until the transaction ends. Two answers for the
 * last place are thus taken one after the other, never both on the same count.
 */
export async function lockAfterwork(trx: Transaction<Database>, teamId: string, id: number, now: Date): Promise<Afterwork | undefined> {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  return trx
    .updateTable('afterworks')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now.toISOString() }))
    .where('team_id', '=', teamId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export type AfterworkChanges = Partial<Pick<Afterwork, 'title' | 'starts_at' | 'timezone' | 'place' | 'note' | 'capacity'>>;

export async function updateAfterwork(db: Db, teamId: string, id: number, changes: AfterworkChanges, now: Date): Promise<void> {
  await db
    .updateTable('afterworks')
    .set({ ...changes, updated_at: now.toISOString() })
    .where('team_id', '=', teamId)
    .where('id', '=', id)
    .execute();
}

export async function cancelAfterwork(db: Db, teamId: string, id: number, by: string, now: Date): Promise<boolean> {
  const res = await db
    .updateTable('afterworks')
    .set({ state: 'cancelled', cancelled_by: by, updated_at: now.toISOString() })
    .where('team_id', '=', teamId)
    .where('id', '=', id)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function markAfterworkPosted(db: Db, teamId: string, id: number, ts: string): Promise<void> {
  await db.updateTable('afterworks').set({ message_ts: ts }).where('team_id', '=', teamId).where('id', '=', id).execute();
}

/** Active after-works of a channel whose invite is not posted yet (Terrain was not in the channel). */
export async function listUnpostedAfterworks(db: Db, teamId: string, channelId: string): Promise<Afterwork[]> {
  return db
    .selectFrom('afterworks')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('channel_id', '=', channelId)
    .where('message_ts', 'is', null)
    .where('state', '=', 'active')
    .orderBy('id')
    .execute();
}

/** Every answer to an after-work, in the order they were given. */
export async function listRsvps(db: Db, teamId: string, afterworkId: number): Promise<AfterworkRsvp[]> {
  return db
    .selectFrom('afterwork_rsvps')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('afterwork_id', '=', afterworkId)
    .orderBy('answered_at')
    .orderBy('user_id')
    .execute();
}

export async function getRsvp(db: Db, teamId: string, afterworkId: number, userId: string): Promise<AfterworkRsvp | undefined> {
  return db
    .selectFrom('afterwork_rsvps')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('afterwork_id', '=', afterworkId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export interface RsvpWrite {
  teamId: string;
  afterworkId: number;
  userId: string;
  answer: RsvpAnswer;
  side: Side | null;
  answeredAt: Date;
  waitlistedAt: Date | null;
}

/** One answer per person: a new one replaces the last. */
export async function saveRsvp(db: Db, rsvp: RsvpWrite): Promise<void> {
  const values = {
    answer: rsvp.answer,
    side: rsvp.side,
    answered_at: rsvp.answeredAt.toISOString(),
    waitlisted_at: rsvp.waitlistedAt?.toISOString() ?? null,
  };
  await db
    .insertInto('afterwork_rsvps')
    .values({ team_id: rsvp.teamId, afterwork_id: rsvp.afterworkId, user_id: rsvp.userId, ...values })
    .onConflict((oc) => oc.columns(['team_id', 'afterwork_id', 'user_id']).doUpdateSet(values))
    .execute();
}

export interface AfterworkWithRsvps {
  afterwork: Afterwork;
  rsvps: AfterworkRsvp[];
}

async function withRsvps(db: Db, afterworks: Afterwork[]): Promise<AfterworkWithRsvps[]> {
  if (afterworks.length === 0) return [];
  const rows = await db
    .selectFrom('afterwork_rsvps')
    .selectAll()
    .where(
      'afterwork_id',
      'in',
      afterworks.map((a) => a.id),
    )
    .orderBy('answered_at')
    .orderBy('user_id')
    .execute();
  return afterworks.map((afterwork) => ({
    afterwork,
    rsvps: rows.filter((r) => r.afterwork_id === afterwork.id && r.team_id === afterwork.team_id),
  }));
}

/** Every after-work of every workspace with its answers, oldest first (the export). */
export async function listAfterworksWithRsvps(db: Db): Promise<AfterworkWithRsvps[]> {
  const afterworks = await db.selectFrom('afterworks').selectAll().orderBy('starts_at').orderBy('id').execute();
  const out: AfterworkWithRsvps[] = [];
  // In slices: `in (…)` stays well under both databases' parameter limits.
  for (let i = 0; i < afterworks.length; i += 500) out.push(...(await withRsvps(db, afterworks.slice(i, i + 500))));
  return out;
}

/** The after-works of a workspace starting in [from, to), soonest first, with their answers (the digest). */
export async function listAfterworksBetween(
  db: Db,
  teamId: string,
  from: Date,
  to: Date,
  options: { includeCancelled?: boolean } = {},
): Promise<AfterworkWithRsvps[]> {
  let q = db
    .selectFrom('afterworks')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('starts_at', '>=', from.toISOString())
    .where('starts_at', '<', to.toISOString());
  if (!options.includeCancelled) q = q.where('state', '=', 'active');
  return withRsvps(db, await q.orderBy('starts_at').orderBy('id').limit(50).execute());
}

/**
 * The next after-work (not started, not cancelled) of a workspace, and this person's answer to it, if
 * any: the one they answered going, maybe or waitlisted comes first, else the soonest (the Home tab).
 */
export async function nextAfterworkFor(
  db: Db,
  teamId: string,
  userId: string,
  now: Date,
): Promise<{ afterwork: Afterwork; answer: RsvpAnswer | null; going: number } | undefined> {
  const upcoming = await db
    .selectFrom('afterworks')
    .leftJoin('afterwork_rsvps as mine', (join) =>
      join
        .onRef('mine.afterwork_id', '=', 'afterworks.id')
        .onRef('mine.team_id', '=', 'afterworks.team_id')
        .on('mine.user_id', '=', userId),
    )
    .selectAll('afterworks')
    .select('mine.answer as answer')
    .where('afterworks.team_id', '=', teamId)
    .where('afterworks.state', '=', 'active')
    .where('afterworks.starts_at', '>', now.toISOString())
    .orderBy('afterworks.starts_at')
    .orderBy('afterworks.id')
    .limit(20)
    .execute();
  const pick = upcoming.find((a) => a.answer === 'going' || a.answer === 'maybe' || a.answer === 'waitlisted') ?? upcoming[0];
  if (!pick) return undefined;
  const { answer, ...afterwork } = pick;
  const going = await db
    .selectFrom('afterwork_rsvps')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('team_id', '=', teamId)
    .where('afterwork_id', '=', afterwork.id)
    .where('answer', '=', 'going')
    .executeTakeFirstOrThrow();
  return { afterwork, answer: answer ?? null, going: Number(going.n) };
}
