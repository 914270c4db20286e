import type { Kysely } from 'kysely';

/**
 * Roles. Terrain admins are the workspace's Slack admins and owners (read with the member's profile,
 * from users.info) and the members named with `/terrain admins add` (one row each in `admins`). The
 * workspace notes when its first admin was named: until then, whoever runs `/terrain setup` first
 * becomes one, decided by one conditional update on that column.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('admins')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('admins_pk', ['team_id', 'user_id'])
    .execute();
  await db.schema.alterTable('workspaces').addColumn('first_admin_at', 'text').execute();
  // 1 or 0 as Slack said at profile_fetched_at; null until read (rows cached before this migration).
  await db.schema.alterTable('members').addColumn('is_admin', 'integer').execute();
  await db.schema.alterTable('members').addColumn('is_owner', 'integer').execute();
  await db.schema.alterTable('members').addColumn('is_primary_owner', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('members').dropColumn('is_primary_owner').execute();
  await db.schema.alterTable('members').dropColumn('is_owner').execute();
  await db.schema.alterTable('members').dropColumn('is_admin').execute();
  await db.schema.alterTable('workspaces').dropColumn('first_admin_at').execute();
  await db.schema.dropTable('admins').ifExists().execute();
}
