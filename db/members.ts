import type { Kysely } from 'kysely';
import type { Database, Member, Side } from './schema.js';

export async function getMember(db: Kysely<Database>, teamId: string, userId: string): Promise<Member | undefined> {
  return db.selectFrom('members').selectAll().where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst();
}

export async function setMemberSide(db: Kysely<Database>, teamId: string, userId: string, side: Side, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto('members')
    .values({
      team_id: teamId,
      user_id: userId,
      side,
      locale: null,
      tz: null,
      display_name: null,
      profile_fetched_at: null,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(['team_id', 'user_id']).doUpdateSet({ side, updated_at: at }))
    .execute();
}

/** What Terrain keeps of a member's Slack profile (users.info): language, time zone, and Slack role. */
export type MemberProfile = Pick<Member, 'locale' | 'tz' | 'is_admin' | 'is_owner' | 'is_primary_owner' | 'display_name'>;

export async function saveMemberProfile(
  db: Kysely<Database>,
  teamId: string,
  userId: string,
  profile: MemberProfile,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto('members')
    .values({ team_id: teamId, user_id: userId, side: null, ...profile, profile_fetched_at: at, updated_at: at })
    .onConflict((oc) => oc.columns(['team_id', 'user_id']).doUpdateSet({ ...profile, profile_fetched_at: at, updated_at: at }))
    .execute();
}

/** The names cached with members' profiles (user id → name), for those who have one. */
export async function listMemberNames(db: Kysely<Database>, teamId: string, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('members')
    .select(['user_id', 'display_name'])
    .where('team_id', '=', teamId)
    .where('user_id', 'in', [...userIds])
    .where('display_name', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.display_name as string]));
}

/** Mutes (or unmutes) the messages a member gets about what becomes of the items they filed or voted for. */
export async function setUpdatesMuted(db: Kysely<Database>, teamId: string, userId: string, muted: boolean, now: Date): Promise<void> {
  const at = now.toISOString();
  const updates_muted = muted ? 1 : 0;
  await db
    .insertInto('members')
    .values({
      team_id: teamId,
      user_id: userId,
      side: null,
      locale: null,
      tz: null,
      display_name: null,
      profile_fetched_at: null,
      updates_muted,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(['team_id', 'user_id']).doUpdateSet({ updates_muted, updated_at: at }))
    .execute();
}

/** Those among `userIds` who muted these updates. */
export async function mutedAmong(db: Kysely<Database>, teamId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('members')
    .select('user_id')
    .where('team_id', '=', teamId)
    .where('user_id', 'in', [...userIds])
    .where('updates_muted', '=', 1)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/** The sides of the given members (those without a row are absent). */
export async function listSides(db: Kysely<Database>, teamId: string, userIds: readonly string[]): Promise<Map<string, Side | null>> {
  const sides = new Map<string, Side | null>();
  // In slices: both drivers cap the parameters of one statement.
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await db
      .selectFrom('members')
      .select(['user_id', 'side'])
      .where('team_id', '=', teamId)
      .where('user_id', 'in', userIds.slice(i, i + 500))
      .execute();
    for (const r of rows) sides.set(r.user_id, r.side);
  }
  return sides;
}

/** Sets many members' sides at once, in one transaction. */
export async function setSides(db: Kysely<Database>, teamId: string, sides: ReadonlyMap<string, Side>, now: Date): Promise<void> {
  if (sides.size === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const [userId, side] of sides) await setMemberSide(trx, teamId, userId, side, now);
  });
}
