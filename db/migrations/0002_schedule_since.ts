import type { Kysely } from 'kysely';

/**
 * The digest schedule a workspace last ran on, and since when: after a change of day, time or zone,
 * a fire time of the new schedule that passed before the change is not "missed", so not caught up.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workspaces').addColumn('schedule_key', 'text').execute();
  await db.schema.alterTable('workspaces').addColumn('schedule_since', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workspaces').dropColumn('schedule_since').execute();
  await db.schema.alterTable('workspaces').dropColumn('schedule_key').execute();
}
