import type { Kysely } from 'kysely';

/**
 * The digest reads one week, whatever the history: each of its queries finds that week's rows through an
 * index instead of reading every item or vote of the workspace (bench/digest-scale.ts; the plans are
 * checked in test/db/query-plans.test.ts).
 *
 * - `vote_reactions_item_voters` (item, active, user, added_at): an item's vote count (distinct active
 *   voters) is read from the index alone, and whether a person already had an active reaction on an item
 *   before the week is one lookup in it.
 * - `items_answer` (team, first_response_at, status, created_at): what still waits for a first answer
 *   (first_response_at null, `new`, filed by a date, oldest first) and what was first answered in a
 *   period, both from the index alone.
 * - `items_team_id` (team, id): items by id within a workspace (the digest's voted and moved items, a
 *   list of a few hundred ids). Without it SQLite, which keeps no statistics here, prefers reading the
 *   workspace's every item through (team, client_key) as soon as the list has more than a few ids.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('vote_reactions_item_voters')
    .on('vote_reactions')
    .columns(['item_id', 'active', 'user_id', 'added_at'])
    .execute();
  await db.schema.createIndex('items_team_id').on('items').columns(['team_id', 'id']).execute();
  await db.schema.createIndex('items_answer').on('items').columns(['team_id', 'first_response_at', 'status', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('items_answer').execute();
  await db.schema.dropIndex('items_team_id').execute();
  await db.schema.dropIndex('vote_reactions_item_voters').execute();
}
