import type { Kysely } from 'kysely';
import { dialectOf } from '../connection.js';

/**
 * The digest reads one week, whatever the history: each of its queries finds that week's rows through an
 * index instead of reading every item or vote of the workspace (bench/digest-scale.ts; the plans are
 * checked in test/db/query-plans.test.ts).
 *
 * - `vote_reactions_team_added` now also holds (active, item, user): the week's reactions are read from
 *   the index alone.
 * - `vote_reactions_item_voters` (item, active, user, added_at): an item's vote count (distinct active
 *   voters) is read from the index alone, and whether a person already had an active reaction on an item
 *   before the week is one lookup in it.
 * - `items_waiting` (team, status, created_at, id, first_response_at): what still waits for a first
 *   answer (`new`, filed by a date, never answered), oldest first in the index's own order, so the list
 *   stops at its limit and the count reads the index alone.
 * - `items_first_response` (team, first_response_at, created_at): what was first answered in a period.
 * - `items_team_id` (team, id), on SQLite only: items by id within a workspace (the digest's voted and
 *   moved items, a list of a few hundred ids). SQLite keeps no statistics here: it takes an equality on
 *   the team for a handful of rows, and past a dozen ids read the workspace's every item through
 *   (team, client_key) instead of looking the ids up. PostgreSQL, which knows the team is most of the
 *   table, looks them up by primary key; there the index would only compete with `items_card` for a
 *   vote's card lookup while the planner has no statistics yet.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('vote_reactions_team_added').execute();
  await db.schema
    .createIndex('vote_reactions_team_added')
    .on('vote_reactions')
    .columns(['team_id', 'added_at', 'active', 'item_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('vote_reactions_item_voters')
    .on('vote_reactions')
    .columns(['item_id', 'active', 'user_id', 'added_at'])
    .execute();
  await db.schema
    .createIndex('items_waiting')
    .on('items')
    .columns(['team_id', 'status', 'created_at', 'id', 'first_response_at'])
    .execute();
  await db.schema.createIndex('items_first_response').on('items').columns(['team_id', 'first_response_at', 'created_at']).execute();
  if (dialectOf(db) === 'sqlite') await db.schema.createIndex('items_team_id').on('items').columns(['team_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') await db.schema.dropIndex('items_team_id').execute();
  for (const index of ['items_first_response', 'items_waiting', 'vote_reactions_item_voters', 'vote_reactions_team_added']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.createIndex('vote_reactions_team_added').on('vote_reactions').columns(['team_id', 'added_at']).execute();
}
