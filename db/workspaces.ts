import type { Kysely } from 'kysely';
import type { Database, Workspace } from './schema.js';

export async function getWorkspace(db: Kysely<Database>, teamId: string): Promise<Workspace | undefined> {
  return db.selectFrom('workspaces').selectAll().where('team_id', '=', teamId).executeTakeFirst();
}

export async function listWorkspaces(db: Kysely<Database>): Promise<Workspace[]> {
  return db.selectFrom('workspaces').selectAll().orderBy('team_id').execute();
}

export type WorkspaceSettings = Partial<Pick<Workspace, 'channel_id' | 'digest_cron' | 'digest_timezone' | 'locale'>>;

/** Creates the workspace's row on first use and changes only the settings given. */
export async function saveWorkspaceSettings(
  db: Kysely<Database>,
  teamId: string,
  settings: WorkspaceSettings,
  now: Date,
): Promise<Workspace> {
  const at = now.toISOString();
  const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
  return db
    .insertInto('workspaces')
    .values({
      team_id: teamId,
      channel_id: null,
      digest_cron: null,
      digest_timezone: null,
      locale: null,
      ...defined,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('team_id').doUpdateSet({ ...defined, updated_at: at }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Records that Terrain runs in this workspace (once): the digest catches up only on what came after. */
export async function ensureWorkspace(db: Kysely<Database>, teamId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto('workspaces')
    .values({ team_id: teamId, channel_id: null, digest_cron: null, digest_timezone: null, locale: null, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('team_id').doNothing())
    .execute();
}
