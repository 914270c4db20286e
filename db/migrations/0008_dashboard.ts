import type { Kysely } from 'kysely';

/**
 * The dashboard: a member's display name as Slack gave it with their profile, so that the digest and
 * the Home tab can name people without pinging them (a `<@U…>` mention notifies; a name does not).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('members').addColumn('display_name', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('members').dropColumn('display_name').execute();
}
