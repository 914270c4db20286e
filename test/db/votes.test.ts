import { afterEach, beforeEach, expect, it } from 'vitest';
import { createItem, markCardPosted } from '../../db/items.js';
import { applyCardReaction, applyReaction, countVotes, listVoters } from '../../db/votes.js';
import { createTestDatabase, describeDb, dialect, type TestDatabase } from '../support/database.js';
import { itemInput } from '../support/fixtures.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

describeDb(`votes (${dialect})`, () => {
  let t: TestDatabase;
  let itemId: number;
  beforeEach(async () => {
    t = await createTestDatabase();
    const { item } = await createItem(t.db, itemInput({ text: 'Offline mode' }), NOW);
    itemId = item.id;
  });
  afterEach(async () => {
    await t.drop();
  });

  const react = (user: string, reaction: string, added: boolean, eventTs: string) =>
    applyReaction(t.db, { teamId: 'T0001', itemId, userId: user, reaction, added, eventTs, at: NOW });

  it('counts one vote per person whatever the number of their voting reactions', async () => {
    await react('U1', '+1', true, '1700000000.000100');
    await react('U1', '+1::skin-tone-3', true, '1700000000.000200');
    await react('U1', 'fire', true, '1700000000.000300');
    await react('U2', '+1', true, '1700000000.000400');
    expect(await countVotes(t.db, itemId)).toBe(2);
    expect(await listVoters(t.db, itemId)).toEqual(['U1', 'U2']);
  });

  it('keeps the vote while one voting reaction remains, and removes it with the last', async () => {
    await react('U1', '+1', true, '1700000000.000100');
    await react('U1', 'fire', true, '1700000000.000200');
    await react('U1', '+1', false, '1700000000.000300');
    expect(await countVotes(t.db, itemId)).toBe(1);
    await react('U1', 'fire', false, '1700000000.000400');
    expect(await countVotes(t.db, itemId)).toBe(0);
  });

  it('a retried event changes nothing', async () => {
    await react('U1', '+1', true, '1700000000.000100');
    await react('U1', '+1', false, '1700000000.000200');
    await react('U1', '+1', false, '1700000000.000200');
    await react('U1', '+1', true, '1700000000.000100');
    expect(await countVotes(t.db, itemId)).toBe(0);
  });

  it('a late reaction_added arriving after its reaction_removed does not bring the vote back', async () => {
    await react('U1', '+1', false, '1700000000.000200');
    await react('U1', '+1', true, '1700000000.000100');
    expect(await countVotes(t.db, itemId)).toBe(0);
    const rows = await t.db.selectFrom('vote_reactions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ active: 0, event_ts: '1700000000.000200' });
  });

  it('adding again after a removal counts the vote again', async () => {
    await react('U1', '+1', true, '1700000000.000100');
    await react('U1', '+1', false, '1700000000.000200');
    await react('U1', '+1', true, '1700000000.000300');
    expect(await countVotes(t.db, itemId)).toBe(1);
  });
});

describeDb(`a reaction on a card, in one statement (${dialect})`, () => {
  let t: TestDatabase;
  let itemId: number;
  const CARD = { channelId: 'C0TERRAIN', ts: '1795428000.000100' };
  beforeEach(async () => {
    t = await createTestDatabase();
    const { item } = await createItem(t.db, itemInput({ text: 'Offline mode', client_key: 'card' }), NOW);
    await markCardPosted(t.db, item.id, CARD.ts, NOW);
    itemId = item.id;
    // Another workspace's card with the same channel and ts is not this one.
    const other = await createItem(t.db, itemInput({ team_id: 'T0OTHER', text: 'Elsewhere', client_key: 'other' }), NOW);
    await markCardPosted(t.db, other.item.id, CARD.ts, NOW);
  });
  afterEach(async () => {
    await t.drop();
  });

  const react = (over: Partial<Parameters<typeof applyCardReaction>[1]>) =>
    applyCardReaction(t.db, {
      teamId: 'T0001',
      ...CARD,
      userId: 'U1',
      reaction: '+1',
      added: true,
      eventTs: '1795428100.000100',
      at: NOW,
      ...over,
    });
  const rows = () => t.db.selectFrom('vote_reactions').selectAll().orderBy('team_id').execute();

  it('stores the vote on the card’s item, in its workspace, as applyReaction would', async () => {
    await react({});
    expect(await rows()).toEqual([
      expect.objectContaining({ team_id: 'T0001', item_id: itemId, user_id: 'U1', reaction: '+1', active: 1, added_at: NOW.toISOString() }),
    ]);
    expect(await countVotes(t.db, itemId)).toBe(1);
  });

  it('a message that is no card (or another channel, or another workspace’s) stores nothing', async () => {
    await react({ ts: '1795428000.000999' });
    await react({ channelId: 'C0ELSEWHERE' });
    await react({ teamId: 'T0NONE' });
    expect(await rows()).toEqual([]);
  });

  it('a retried event changes nothing; an older removal arriving late does not take the vote back', async () => {
    await react({});
    await react({});
    await react({ added: false, eventTs: '1795428099.000100' });
    expect(await rows()).toHaveLength(1);
    expect(await countVotes(t.db, itemId)).toBe(1);
    await react({ added: false, eventTs: '1795428200.000100' });
    expect(await countVotes(t.db, itemId)).toBe(0);
  });
});
