import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../connection.js';

/**
 * The outbox: every Slack side effect that follows a stored change is written in the same transaction
 * as that change and sent afterwards by a dispatcher. It replaces the lease that items held on posting
 * their own card: cards still waiting after an upgrade are queued here, so none is lost.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('outbox')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('pending', 'sent', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('uncertain', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('result', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addUniqueConstraint('outbox_key', ['team_id', 'key'])
    .execute();
  // What the dispatcher polls: pending messages by due time. Sent ones are not indexed for it.
  await db.schema.createIndex('outbox_due').on('outbox').columns(['state', 'next_attempt_at']).execute();

  const now = new Date().toISOString();
  await sql`
    insert into outbox (team_id, key, kind, payload, state, attempts, next_attempt_at, uncertain, created_at, updated_at)
    select team_id, 'card:' || id, 'item_card', '{"itemId":' || id || '}', 'pending', 0, ${now}, 1, ${now}, ${now}
    from items where card_state = 'pending'`.execute(db);
  await sql`
    insert into outbox (team_id, key, kind, payload, state, attempts, next_attempt_at, uncertain, last_error, created_at, updated_at)
    select team_id, 'card:' || id, 'item_card', '{"itemId":' || id || '}', 'failed', 1, ${now}, 0, 'not_in_channel', ${now}, ${now}
    from items where card_state = 'blocked'`.execute(db);
  await db.schema.alterTable('items').dropColumn('card_lease_until').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('items').addColumn('card_lease_until', 'text').execute();
  await db.schema.dropTable('outbox').execute();
}
