import type { Kysely } from 'kysely';

/**
 * Every vote looks its card up by (team, channel, ts). The old index on (channel, ts) lost to the
 * unique (team, client_key) one, whose team prefix scanned every item of the workspace: a vote's cost
 * grew with history. This one leads with the team and covers the whole lookup.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('items_card').execute();
  await db.schema.createIndex('items_card').on('items').columns(['team_id', 'card_channel_id', 'card_ts']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('items_card').execute();
  await db.schema.createIndex('items_card').on('items').columns(['card_channel_id', 'card_ts']).execute();
}
