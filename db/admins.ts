import type { Kysely } from 'kysely';
import type { Admin, Database } from './schema.js';
import { ensureWorkspace } from './workspaces.js';

/** The members named Terrain admin in a workspace, in the order they were named. */
export async function listAdmins(db: Kysely<Database>, teamId: string): Promise<Admin[]> {
  return db.selectFrom('admins').selectAll().where('team_id', '=', teamId).orderBy('created_at').orderBy('user_id').execute();
}

export async function isNamedAdmin(db: Kysely<Database>, teamId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('admins')
    .select('user_id')
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether a Terrain admin was ever named in the workspace (removing them all later does not undo it). */
export async function anyAdminNamed(db: Kysely<Database>, teamId: string): Promise<boolean> {
  const row = await db.selectFrom('workspaces').select('first_admin_at').where('team_id', '=', teamId).executeTakeFirst();
  return row?.first_admin_at != null;
}

/**
 * Makes the caller the workspace's first Terrain admin if nobody was ever named. One conditional update
 * on the workspace row decides: of several replicas running it at once, exactly one changes the row
 * (PostgreSQL re-checks the condition after the first commit; SQLite serialises writers), and only that
 * one records the admin. Returns whether the caller won.
 */
export async function claimFirstAdmin(db: Kysely<Database>, teamId: string, userId: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await ensureWorkspace(trx, teamId, now);
    const claimed = await trx
      .updateTable('workspaces')
      .set({ first_admin_at: at })
      .where('team_id', '=', teamId)
      .where('first_admin_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return false;
    await trx
      .insertInto('admins')
      .values({ team_id: teamId, user_id: userId, added_by: userId, created_at: at })
      .onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing())
      .execute();
    return true;
  });
}

/**
 * Names a Terrain admin (once: naming them again changes nothing). Returns whether they were new. The
 * workspace then has a named admin, so `/terrain setup` no longer makes its runner one.
 */
export async function addAdmin(db: Kysely<Database>, teamId: string, userId: string, addedBy: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await ensureWorkspace(trx, teamId, now);
    const inserted = await trx
      .insertInto('admins')
      .values({ team_id: teamId, user_id: userId, added_by: addedBy, created_at: at })
      .onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
    await trx
      .updateTable('workspaces')
      .set({ first_admin_at: at })
      .where('team_id', '=', teamId)
      .where('first_admin_at', 'is', null)
      .execute();
    return inserted !== undefined;
  });
}

/** Removes a named Terrain admin; returns whether they were one. */
export async function removeAdmin(db: Kysely<Database>, teamId: string, userId: string): Promise<boolean> {
  const res = await db.deleteFrom('admins').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
