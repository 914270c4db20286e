import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { CardState, Database, Item, ItemStatus, NewItem } from './schema.js';

export type NewItemInput = Omit<NewItem, 'id' | 'status' | 'card_ts' | 'card_state' | 'created_at' | 'updated_at'>;

/**
 * Stores an item. A retry with the same `client_key` returns the row stored the first time instead of a
 * second item. Its card is queued by the caller, in the same transaction (see services/cards.ts).
 */
export async function createItem(db: Kysely<Database>, input: NewItemInput, now: Date): Promise<{ item: Item; created: boolean }> {
  const at = now.toISOString();
  const inserted = await db
    .insertInto('items')
    .values({ ...input, status: 'new', card_ts: null, card_state: 'pending', created_at: at, updated_at: at })
    .onConflict((oc) => oc.columns(['team_id', 'client_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { item: inserted, created: true };
  const existing = await db
    .selectFrom('items')
    .selectAll()
    .where('team_id', '=', input.team_id)
    .where('client_key', '=', input.client_key ?? '')
    .executeTakeFirstOrThrow();
  return { item: existing, created: false };
}

export async function getItem(db: Kysely<Database>, teamId: string, id: number): Promise<Item | undefined> {
  return db.selectFrom('items').selectAll().where('team_id', '=', teamId).where('id', '=', id).executeTakeFirst();
}

/** The lookup every vote makes: an item by its card (index `items_card`; see test/db/query-plans.test.ts). */
export const cardLookup = (db: Kysely<Database>, teamId: string, channelId: string, ts: string) =>
  db.selectFrom('items').selectAll().where('team_id', '=', teamId).where('card_channel_id', '=', channelId).where('card_ts', '=', ts);

export async function findItemByCard(db: Kysely<Database>, teamId: string, channelId: string, ts: string): Promise<Item | undefined> {
  return cardLookup(db, teamId, channelId, ts).executeTakeFirst();
}

/** Records where the card is; returns the item's status as it now is (it may have changed meanwhile). */
export async function markCardPosted(db: Kysely<Database>, id: number, ts: string, now: Date): Promise<ItemStatus | undefined> {
  const row = await db
    .updateTable('items')
    .set({ card_ts: ts, card_state: 'posted', updated_at: now.toISOString() })
    .where('id', '=', id)
    .returning('status')
    .executeTakeFirst();
  return row?.status;
}

/** The bot cannot post in the channel yet: the card waits until Terrain is let in (`/terrain setup`). */
export async function markCardBlocked(db: Kysely<Database>, id: number, now: Date): Promise<void> {
  await db
    .updateTable('items')
    .set({ card_state: 'blocked', updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('card_state', '!=', 'posted')
    .execute();
}

/** A workspace's items whose card is in a given state (in one channel, if given). */
export async function listItemsWithCardState(
  db: Kysely<Database>,
  teamId: string,
  state: CardState,
  channelId?: string,
): Promise<Pick<Item, 'id' | 'card_channel_id'>[]> {
  let q = db.selectFrom('items').select(['id', 'card_channel_id']).where('team_id', '=', teamId).where('card_state', '=', state);
  if (channelId) q = q.where('card_channel_id', '=', channelId);
  return q.orderBy('id').execute();
}

/** Cards waiting for a channel follow the workspace to the channel `/terrain setup` chose. */
export async function moveBlockedCards(db: Kysely<Database>, teamId: string, toChannel: string): Promise<void> {
  await db
    .updateTable('items')
    .set({ card_channel_id: toChannel })
    .where('team_id', '=', teamId)
    .where('card_state', '=', 'blocked')
    .execute();
}

export interface ItemWithVotes extends Item {
  votes: number;
}

/** Counts come back as numbers or, from some drivers, text: every caller gets a number. */
export const numericVotes = <T extends { votes: number | string | null }>(rows: T[]) =>
  rows.map((r) => ({ ...r, votes: Number(r.votes ?? 0) }));

/** The item's vote count (people with an active voting reaction), as a `votes` column. */
export const voteCount = (eb: ExpressionBuilder<Database, 'items'>) =>
  eb
    .selectFrom('vote_reactions')
    .select(sql<number>`count(distinct vote_reactions.user_id)`.as('n'))
    .whereRef('vote_reactions.item_id', '=', 'items.id')
    .where('vote_reactions.active', '=', 1)
    .as('votes');

/** Every item with its vote count, oldest first (for export). */
export async function listItemsWithVotes(db: Kysely<Database>, teamId?: string): Promise<ItemWithVotes[]> {
  let q = db.selectFrom('items').selectAll('items').select(voteCount);
  if (teamId) q = q.where('items.team_id', '=', teamId);
  const rows = await q.orderBy('items.id').execute();
  return numericVotes(rows);
}

export async function listItemsByAuthor(db: Kysely<Database>, teamId: string, authorId: string, limit: number): Promise<ItemWithVotes[]> {
  const rows = await db
    .selectFrom('items')
    .selectAll('items')
    .select(voteCount)
    .where('items.team_id', '=', teamId)
    .where('items.author_id', '=', authorId)
    .orderBy('items.id', 'desc')
    .limit(limit)
    .execute();
  return numericVotes(rows);
}

export async function setItemStatus(db: Kysely<Database>, teamId: string, id: number, status: ItemStatus, now: Date): Promise<void> {
  await db.updateTable('items').set({ status, updated_at: now.toISOString() }).where('team_id', '=', teamId).where('id', '=', id).execute();
}
