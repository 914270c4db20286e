import { type Kysely, type OnConflictBuilder, sql } from 'kysely';
import type { Database } from './schema.js';

export interface ReactionEvent {
  teamId: string;
  itemId: number;
  userId: string;
  reaction: string;
  added: boolean;
  /** Slack's event_ts: orders the events of one reaction whatever order they arrive in. */
  eventTs: string;
  at: Date;
}

/**
 * Records one voting reaction's latest state. Each reaction is its own row, written by one atomic
 * upsert that only applies an event newer than the one stored: a retried delivery changes nothing, and
 * a `reaction_added` that arrives after its `reaction_removed` does not bring the vote back. Replicas
 * may apply events in any order and agree.
 */
export async function applyReaction(db: Kysely<Database>, e: ReactionEvent): Promise<void> {
  const at = e.at.toISOString();
  await db
    .insertInto('vote_reactions')
    .values({
      team_id: e.teamId,
      item_id: e.itemId,
      user_id: e.userId,
      reaction: e.reaction,
      active: e.added ? 1 : 0,
      event_ts: e.eventTs,
      added_at: at,
    })
    .onConflict(newerEventWins)
    .execute();
}

/** The upsert's rule: a newer event sets the reaction's state; an older or repeated one changes nothing. */
const newerEventWins = (oc: OnConflictBuilder<Database, 'vote_reactions'>) =>
  oc
    .columns(['item_id', 'user_id', 'reaction'])
    .doUpdateSet((eb) => ({
      active: eb.ref('excluded.active'),
      event_ts: eb.ref('excluded.event_ts'),
      // A reaction that was already there keeps the time it was first added.
      added_at: sql<string>`case when vote_reactions.active = 1 and excluded.active = 1 then vote_reactions.added_at else excluded.added_at end`,
    }))
    .where(sql<boolean>`${sql.ref('vote_reactions.event_ts')} < ${sql.ref('excluded.event_ts')}`);

export interface CardReactionEvent extends Omit<ReactionEvent, 'itemId'> {
  /** The card reacted to: its channel and ts. */
  channelId: string;
  ts: string;
}

/**
 * A reaction on a message, in one statement: the card's item is looked up by (team, channel, ts) and
 * the reaction stored as `applyReaction` would, in one round trip. A message that is no card stores
 * nothing. Exported so that tests can EXPLAIN it.
 */
export function cardReactionQuery(db: Kysely<Database>, e: CardReactionEvent) {
  return db
    .insertInto('vote_reactions')
    .columns(['team_id', 'item_id', 'user_id', 'reaction', 'active', 'event_ts', 'added_at'])
    .expression(
      db
        .selectFrom('items')
        .select((eb) => [
          eb.val(e.teamId).as('team_id'),
          'items.id',
          eb.val(e.userId).as('user_id'),
          eb.val(e.reaction).as('reaction'),
          // A literal: PostgreSQL reads an untyped parameter in a select list as text.
          sql.lit(e.added ? 1 : 0).as('active'),
          eb.val(e.eventTs).as('event_ts'),
          eb.val(e.at.toISOString()).as('added_at'),
        ])
        .where('items.team_id', '=', e.teamId)
        .where('items.card_channel_id', '=', e.channelId)
        .where('items.card_ts', '=', e.ts)
        .orderBy('items.id')
        .limit(1),
    )
    .onConflict(newerEventWins);
}

export async function applyCardReaction(db: Kysely<Database>, e: CardReactionEvent): Promise<void> {
  await cardReactionQuery(db, e).execute();
}

/** One vote per person per item, whatever the number of their voting reactions. */
export async function countVotes(db: Kysely<Database>, itemId: number): Promise<number> {
  const row = await db
    .selectFrom('vote_reactions')
    .select(sql<number>`count(distinct user_id)`.as('n'))
    .where('item_id', '=', itemId)
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listVoters(db: Kysely<Database>, itemId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('vote_reactions')
    .select('user_id')
    .distinct()
    .where('item_id', '=', itemId)
    .where('active', '=', 1)
    .orderBy('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

/**
 * A vote cast through Terrain rather than by a reaction ("Vote for this one instead", or a vote carried
 * over by a merge). Slack's reaction names never hold a single `:`, so no reaction event can add or
 * remove it, and every count (one per person, `count(distinct user_id)`) sees it like any vote.
 */
export const TERRAIN_VOTE = 'terrain:vote';

/**
 * Records a Terrain vote by `userId` on an item. It stands on its own: removing one of their reactions
 * later does not take it back (no reaction event can touch it), and they still count once, as every
 * count is one per person. `votedAt` is when they first voted (kept on a vote carried over by a merge).
 * Returns whether it made them a voter (false when they already voted for the item, by any reaction).
 */
export async function castVote(
  db: Kysely<Database>,
  vote: { teamId: string; itemId: number; userId: string; votedAt: Date; at: Date },
): Promise<boolean> {
  const already = await db
    .selectFrom('vote_reactions')
    .select('user_id')
    .where('item_id', '=', vote.itemId)
    .where('user_id', '=', vote.userId)
    .where('active', '=', 1)
    .executeTakeFirst();
  const votedAt = vote.votedAt.toISOString();
  await db
    .insertInto('vote_reactions')
    .values({
      team_id: vote.teamId,
      item_id: vote.itemId,
      user_id: vote.userId,
      reaction: TERRAIN_VOTE,
      active: 1,
      event_ts: sortableSeconds(vote.at),
      added_at: votedAt,
    })
    .onConflict((oc) =>
      oc.columns(['item_id', 'user_id', 'reaction']).doUpdateSet({
        active: 1,
        // The earliest of the two: a vote carried over keeps the day it was first cast.
        added_at: sql<string>`case when vote_reactions.active = 1 and vote_reactions.added_at < ${votedAt} then vote_reactions.added_at else ${votedAt} end`,
      }),
    )
    .execute();
  return already === undefined;
}

/** A time in the sortable form of event_ts (`1700000000.000000`). */
const sortableSeconds = (at: Date) =>
  `${String(Math.floor(at.getTime() / 1000)).padStart(10, '0')}.${String((at.getTime() % 1000) * 1000).padStart(6, '0')}`;
