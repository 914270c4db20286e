import type { Insertable, Kysely } from 'kysely';
import type { Database, Workspace, WorkspacesTable } from './schema.js';

export async function getWorkspace(db: Kysely<Database>, teamId: string): Promise<Workspace | undefined> {
  return db.selectFrom('workspaces').selectAll().where('team_id', '=', teamId).executeTakeFirst();
}

export async function listWorkspaces(db: Kysely<Database>): Promise<Workspace[]> {
  return db.selectFrom('workspaces').selectAll().orderBy('team_id').execute();
}

/** A workspace's row before any setting: everything falls back to the deployment's defaults. */
function newWorkspace(teamId: string, now: Date): Insertable<WorkspacesTable> {
  const at = now.toISOString();
  return {
    team_id: teamId,
    channel_id: null,
    digest_cron: null,
    digest_timezone: null,
    locale: null,
    schedule_key: null,
    schedule_since: null,
    first_admin_at: null,
    created_at: at,
    updated_at: at,
  };
}

export type WorkspaceSettings = Partial<
  Pick<
    Workspace,
    'channel_id' | 'digest_cron' | 'digest_timezone' | 'locale' | 'currency' | 'sales_usergroup_id' | 'marketing_usergroup_id'
  >
>;

/** Creates the workspace's row on first use and changes only the settings given. */
export async function saveWorkspaceSettings(
  db: Kysely<Database>,
  teamId: string,
  settings: WorkspaceSettings,
  now: Date,
): Promise<Workspace> {
  const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
  return db
    .insertInto('workspaces')
    .values({ ...newWorkspace(teamId, now), ...defined })
    .onConflict((oc) => oc.column('team_id').doUpdateSet({ ...defined, updated_at: now.toISOString() }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Records that Terrain runs in this workspace (once): the digest catches up only on what came after. */
export async function ensureWorkspace(db: Kysely<Database>, teamId: string, now: Date): Promise<void> {
  await db
    .insertInto('workspaces')
    .values(newWorkspace(teamId, now))
    .onConflict((oc) => oc.column('team_id').doNothing())
    .execute();
}

/**
 * Notes the digest schedule in force. A change from one schedule to another starts it anew from `now`
 * (the first one seen keeps the workspace's set-up time). Returns when the schedule has been in force.
 */
export async function noteSchedule(db: Kysely<Database>, ws: Workspace, key: string, now: Date): Promise<string> {
  if (ws.schedule_key === key) return ws.schedule_since ?? ws.created_at;
  const since = ws.schedule_key === null ? ws.created_at : now.toISOString();
  await db.updateTable('workspaces').set({ schedule_key: key, schedule_since: since }).where('team_id', '=', ws.team_id).execute();
  return since;
}
