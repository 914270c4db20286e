import { afterEach, beforeEach, expect, it } from 'vitest';
import { createItem } from '../../db/items.js';
import { applyReaction, countVotes, listVoters } from '../../db/votes.js';
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
