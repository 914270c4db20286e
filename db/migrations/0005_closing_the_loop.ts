import type { Kysely } from 'kysely';

/**
 * Closing the loop: why an item was declined and marketing's note travel with its status change; when
 * marketing first answered (response time); members may mute update messages; customers (accounts)
 * behind a need, each counted once per item; the workspace's currency and its sales and marketing user
 * groups.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('items').addColumn('first_response_at', 'text').execute();
  await db.schema.alterTable('status_changes').addColumn('reason', 'text').execute();
  await db.schema
    .alterTable('members')
    .addColumn('updates_muted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('workspaces').addColumn('currency', 'text').execute();
  await db.schema.alterTable('workspaces').addColumn('sales_usergroup_id', 'text').execute();
  await db.schema.alterTable('workspaces').addColumn('marketing_usergroup_id', 'text').execute();
  await db.schema
    .createTable('item_customers')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.notNull())
    .addColumn('account_key', 'text', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('revenue', 'double precision')
    .addColumn('note', 'text')
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_customers_pk', ['team_id', 'item_id', 'account_key'])
    .execute();
  await db.schema.createIndex('status_changes_item').on('status_changes').columns(['team_id', 'item_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('status_changes_item').execute();
  await db.schema.dropTable('item_customers').execute();
  for (const column of ['marketing_usergroup_id', 'sales_usergroup_id', 'currency']) {
    await db.schema.alterTable('workspaces').dropColumn(column).execute();
  }
  await db.schema.alterTable('members').dropColumn('updates_muted').execute();
  await db.schema.alterTable('status_changes').dropColumn('reason').execute();
  await db.schema.alterTable('items').dropColumn('first_response_at').execute();
}
