import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../connection.js';

// Frozen in time: this migration must build the same schema forever, so it uses Kysely<any>.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const serial = pg ? 'serial' : 'integer';

  await db.schema
    .createTable('workspaces')
    .addColumn('team_id', 'text', (c) => c.primaryKey())
    .addColumn('channel_id', 'text')
    .addColumn('digest_cron', 'text')
    .addColumn('digest_timezone', 'text')
    .addColumn('locale', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('side', 'text')
    .addColumn('locale', 'text')
    .addColumn('tz', 'text')
    .addColumn('profile_fetched_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('members_pk', ['team_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('items')
    .addColumn('id', serial, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('feedback', 'flag')`))
    .addColumn('category', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('product', 'text')
    .addColumn('customer', 'text')
    .addColumn('revenue', 'double precision')
    .addColumn('urgency', 'text')
    .addColumn('competitor', 'text')
    .addColumn('customer_need', 'text')
    .addColumn('reason', 'text')
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('author_side', 'text')
    .addColumn('source_channel_id', 'text')
    .addColumn('source_ts', 'text')
    .addColumn('source_permalink', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('new'))
    .addColumn('merged_into', 'integer')
    .addColumn('card_channel_id', 'text', (c) => c.notNull())
    .addColumn('card_ts', 'text')
    .addColumn('card_state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('card_lease_until', 'text')
    .addColumn('reply_to', 'text')
    .addColumn('locale', 'text')
    .addColumn('client_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('items_team_created').on('items').columns(['team_id', 'created_at']).execute();
  await db.schema.createIndex('items_card').on('items').columns(['card_channel_id', 'card_ts']).execute();
  await db.schema.createIndex('items_card_state').on('items').columns(['card_state']).execute();
  await db.schema.createIndex('items_client_key').on('items').columns(['team_id', 'client_key']).unique().execute();

  await db.schema
    .createTable('vote_reactions')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('reaction', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('event_ts', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vote_reactions_pk', ['item_id', 'user_id', 'reaction'])
    .execute();
  await db.schema.createIndex('vote_reactions_team_added').on('vote_reactions').columns(['team_id', 'added_at']).execute();

  await db.schema
    .createTable('status_changes')
    .addColumn('id', serial, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('status_changes_team_created').on('status_changes').columns(['team_id', 'created_at']).execute();

  await db.schema
    .createTable('job_runs')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('run_key', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text', (c) => c.notNull())
    .addColumn('message_ts', 'text')
    .addColumn('finished_at', 'text')
    .addPrimaryKeyConstraint('job_runs_pk', ['team_id', 'job', 'channel_id', 'run_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['job_runs', 'status_changes', 'vote_reactions', 'items', 'members', 'workspaces']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
