import type { Kysely } from 'kysely';
import { dialectOf } from '../connection.js';

/**
 * After-works: the invite (host, title, a UTC start, place, note, optional capacity, its message) and
 * one answer per person (going, maybe, no, or waitlisted when full) with the member's side, so that the
 * card and the digest show how well sales and marketing mix.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('afterworks')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('host_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('note', 'text')
    .addColumn('capacity', 'integer')
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('message_ts', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('cancelled_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('client_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('afterworks_client_key').on('afterworks').columns(['team_id', 'client_key']).unique().execute();
  await db.schema.createIndex('afterworks_starts').on('afterworks').columns(['team_id', 'starts_at']).execute();
  await db.schema.createIndex('afterworks_message').on('afterworks').columns(['team_id', 'channel_id', 'message_ts']).execute();
  await db.schema
    .createTable('afterwork_rsvps')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('afterwork_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('side', 'text')
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addColumn('waitlisted_at', 'text')
    .addPrimaryKeyConstraint('afterwork_rsvps_pk', ['team_id', 'afterwork_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('afterwork_rsvps').ifExists().execute();
  await db.schema.dropTable('afterworks').ifExists().execute();
}
