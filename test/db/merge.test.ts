import { Migrator, sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createItem, type NewItemInput } from '../../db/items.js';
import { markMerged, mergeChain, moveCustomers, moveVotes } from '../../db/merge.js';
import { migrateToLatest } from '../../db/migrate.js';
import { migrationProvider } from '../../db/migrations/index.js';
import { claim, enqueue, getMessageByKey, listDue, pruneSent, retry, sendSooner, withdraw } from '../../db/outbox.js';
import { findItems } from '../../db/search.js';
import { applyReaction, castVote, countVotes, listVoters, TERRAIN_VOTE } from '../../db/votes.js';
import { createTestDatabase, describeDb, dialect, type TestDatabase } from '../support/database.js';
import { itemInput } from '../support/fixtures.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const LATER = new Date('2026-11-23T10:05:00.000Z');

describeDb(`merging, Terrain votes and withdrawn messages (${dialect})`, () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await t.drop();
  });

  const file = async (overrides: Partial<NewItemInput> = {}) => (await createItem(t.db, itemInput(overrides), NOW)).item;
  const react = (itemId: number, userId: string, added: boolean, eventTs: string, reaction = '+1', at = NOW) =>
    applyReaction(t.db, { teamId: 'T0001', itemId, userId, reaction, added, eventTs, at });
  const customer = (itemId: number, key: string, revenue: number | null) =>
    t.db
      .insertInto('item_customers')
      .values({ team_id: 'T0001', item_id: itemId, account_key: key, account: key, revenue, note: null, added_by: 'U1', created_at: '' })
      .execute();
  const customers = async (itemId: number) =>
    (
      await t.db
        .selectFrom('item_customers')
        .select(['account_key', 'revenue'])
        .where('item_id', '=', itemId)
        .orderBy('account_key')
        .execute()
    ).map((c) => [c.account_key, c.revenue]);
  const inTrx = <T>(fn: (trx: Parameters<Parameters<ReturnType<typeof t.db.transaction>['execute']>[0]>[0]) => Promise<T>) =>
    t.db.transaction().execute(fn);

  it('a Terrain vote counts once beside reactions, and no reaction event can take it back', async () => {
    const item = await file();
    await react(item.id, 'U1', true, '1700000000.000100');
    expect(await inTrx((trx) => castVote(trx, { teamId: 'T0001', itemId: item.id, userId: 'U1', votedAt: NOW, at: NOW }))).toBe(false);
    expect(await inTrx((trx) => castVote(trx, { teamId: 'T0001', itemId: item.id, userId: 'U2', votedAt: NOW, at: NOW }))).toBe(true);
    expect(await inTrx((trx) => castVote(trx, { teamId: 'T0001', itemId: item.id, userId: 'U2', votedAt: LATER, at: LATER }))).toBe(false);
    expect(await countVotes(t.db, item.id)).toBe(2);
    // U1 removes their reaction: their Terrain vote stays. A forged event for the Terrain vote's name is as old as can be.
    await react(item.id, 'U1', false, '1700000000.000200');
    await react(item.id, 'U2', false, '0000000001.000000', TERRAIN_VOTE);
    expect(await listVoters(t.db, item.id)).toEqual(['U1', 'U2']);
    const rows = await t.db.selectFrom('vote_reactions').selectAll().where('reaction', '=', TERRAIN_VOTE).orderBy('user_id').execute();
    expect(rows.map((r) => [r.user_id, r.active, r.added_at])).toEqual([
      ['U1', 1, NOW.toISOString()],
      ['U2', 1, NOW.toISOString()], // the earliest vote is kept
    ]);
  });

  it('moving votes: whoever voted for both counts once on the original, and the duplicate counts none', async () => {
    const original = await file({ text: 'Offline mode' });
    const duplicate = await file({ text: 'Work offline' });
    await react(original.id, 'U1', true, '1700000000.000100');
    await react(original.id, 'U2', true, '1700000000.000200');
    await react(duplicate.id, 'U2', true, '1700000000.000300', '+1', LATER);
    await react(duplicate.id, 'U3', true, '1700000000.000400', '+1', LATER);
    await react(duplicate.id, 'U3', true, '1700000000.000500', 'fire', LATER);
    const gained = await inTrx((trx) => moveVotes(trx, { teamId: 'T0001', fromId: duplicate.id, toId: original.id, at: LATER }));
    expect(gained).toBe(1);
    expect(await listVoters(t.db, original.id)).toEqual(['U1', 'U2', 'U3']);
    expect(await countVotes(t.db, duplicate.id)).toBe(0);
    const carried = await t.db
      .selectFrom('vote_reactions')
      .selectAll()
      .where('item_id', '=', original.id)
      .where('user_id', '=', 'U3')
      .execute();
    expect(carried).toMatchObject([{ reaction: TERRAIN_VOTE, active: 1, added_at: LATER.toISOString() }]);
  });

  it('moving customers: each account once on the original, which takes a revenue it lacked', async () => {
    const original = await file();
    const duplicate = await file();
    await customer(original.id, 'acme', null);
    await customer(original.id, 'initech', 100);
    await customer(duplicate.id, 'acme', 5000);
    await customer(duplicate.id, 'initech', 900);
    await customer(duplicate.id, 'globex', null);
    const moved = await inTrx((trx) => moveCustomers(trx, { teamId: 'T0001', fromId: duplicate.id, toId: original.id }));
    expect(moved).toBe(1);
    expect(await customers(original.id)).toEqual([
      ['acme', 5000],
      ['globex', null],
      ['initech', 100], // the original's own figure stands
    ]);
    expect(await customers(duplicate.id)).toEqual([]);
  });

  it('marking merged: once, with its history, chains kept one link long; a merge by marketing is a first response', async () => {
    const root = await file();
    const middle = await file();
    const leaf = await file();
    const byAuthor = await file();
    const mark = (duplicate: typeof root, rootId: number, firstResponse: boolean) =>
      inTrx((trx) => markMerged(trx, { teamId: 'T0001', duplicate, rootId, byUserId: 'U0MKT', firstResponse, at: LATER }));
    expect(await mark(leaf, middle.id, true)).toBe(true);
    expect(await mark(leaf, middle.id, true)).toBe(false); // again: nothing
    expect(await mark(middle, root.id, true)).toBe(true);
    expect(await mark(byAuthor, root.id, false)).toBe(true);
    const rows = await t.db.selectFrom('items').select(['id', 'status', 'merged_into', 'first_response_at']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: root.id, status: 'new', merged_into: null, first_response_at: null },
      { id: middle.id, status: 'merged', merged_into: root.id, first_response_at: LATER.toISOString() },
      { id: leaf.id, status: 'merged', merged_into: root.id, first_response_at: LATER.toISOString() },
      { id: byAuthor.id, status: 'merged', merged_into: root.id, first_response_at: null },
    ]);
    const history = await t.db.selectFrom('status_changes').select(['item_id', 'from_status', 'to_status']).orderBy('id').execute();
    expect(history).toEqual([
      { item_id: leaf.id, from_status: 'new', to_status: 'merged' },
      { item_id: middle.id, from_status: 'new', to_status: 'merged' },
      { item_id: byAuthor.id, from_status: 'new', to_status: 'merged' },
    ]);
    expect((await inTrx((trx) => mergeChain(trx, 'T0001', leaf.id))).map((i) => i.id)).toEqual([leaf.id, root.id]);
    expect(await inTrx((trx) => mergeChain(trx, 'T0OTHER', leaf.id))).toEqual([]);
  });

  it('a chain that loops (damaged data) ends instead of going round', async () => {
    const a = await file();
    const b = await file();
    await t.db.updateTable('items').set({ status: 'merged', merged_into: b.id }).where('id', '=', a.id).execute();
    await t.db.updateTable('items').set({ status: 'merged', merged_into: a.id }).where('id', '=', b.id).execute();
    expect((await inTrx((trx) => mergeChain(trx, 'T0001', a.id))).map((i) => i.id)).toEqual([a.id, b.id]);
  });

  it('a withdrawn message is never due, never retried, and forgotten with the sent ones', async () => {
    const queue = (key: string, notBefore?: Date) =>
      enqueue(t.db, { teamId: 'T0001', key, kind: 'item_card', payload: {}, notBefore }, NOW);
    await queue('card:1', LATER);
    await queue('card:2');
    await queue('card:3');
    expect(await withdraw(t.db, 'T0001', 'card:1', NOW)).toBe(true);
    expect(await withdraw(t.db, 'T0001', 'card:1', NOW)).toBe(false);
    expect(await withdraw(t.db, 'T0OTHER', 'card:2', NOW)).toBe(false);
    // Being sent by a live sender: too late to withdraw.
    const [due] = await listDue(t.db, NOW, 1);
    expect(due?.key).toBe('card:2');
    await claim(t.db, due!, 'sender', NOW, 15_000);
    expect(await withdraw(t.db, 'T0001', 'card:2', NOW)).toBe(false);
    // Long after its time (and the sender's lease): the others are due, the withdrawn one never.
    expect((await listDue(t.db, new Date(LATER.getTime() + 60_000), 10)).map((m) => m.key)).toEqual(['card:2', 'card:3']);
    expect(await retry(t.db, { teamId: 'T0001', keys: ['card:1'] }, LATER)).toBe(0);
    expect(await getMessageByKey(t.db, 'T0001', 'card:1')).toMatchObject({ state: 'withdrawn' });
    expect(await pruneSent(t.db, NOW)).toBe(0);
    expect(await pruneSent(t.db, new Date(NOW.getTime() + 1))).toBe(1);
    expect(await getMessageByKey(t.db, 'T0001', 'card:1')).toBeUndefined();
  });

  it('a message held back is made due now, once; one already due or tried is left as it is', async () => {
    await enqueue(t.db, { teamId: 'T0001', key: 'card:1', kind: 'item_card', payload: {}, notBefore: LATER }, NOW);
    await enqueue(t.db, { teamId: 'T0001', key: 'card:2', kind: 'item_card', payload: {} }, NOW);
    expect(await sendSooner(t.db, 'T0001', 'card:1', NOW)).toBe(true);
    expect(await sendSooner(t.db, 'T0001', 'card:1', NOW)).toBe(false);
    expect(await sendSooner(t.db, 'T0001', 'card:2', NOW)).toBe(false);
    expect((await listDue(t.db, NOW, 10)).map((m) => m.key)).toEqual(['card:1', 'card:2']);
  });

  it("the outbox's states are checked by the database: `withdrawn` is one, a made-up one is refused", async () => {
    await enqueue(t.db, { teamId: 'T0001', key: 'k', kind: 'notice', payload: {} }, NOW);
    await t.db.updateTable('outbox').set({ state: 'withdrawn' }).where('key', '=', 'k').execute();
    await expect(
      t.db
        .updateTable('outbox')
        .set({ state: 'bogus' as never })
        .where('key', '=', 'k')
        .execute(),
    ).rejects.toThrow(/check/i);
  });

  it('migration 0007 indexes the items stored before it, keeps the outbox as it was, and goes down and up again', async () => {
    const migrator = new Migrator({ db: t.db as unknown as import('kysely').Kysely<any>, provider: migrationProvider });
    const down = await migrator.migrateTo('0005_closing_the_loop');
    expect(down.error).toBeUndefined();
    await file({ text: 'Stored before search existed: école hors ligne' });
    await enqueue(t.db, { teamId: 'T0001', key: 'card:1', kind: 'item_card', payload: { itemId: 1 } }, NOW);
    await enqueue(t.db, { teamId: 'T0001', key: 'card:2', kind: 'item_card', payload: { itemId: 2 } }, NOW);
    await migrateToLatest(t.db);
    expect((await findItems(t.db, 'T0001', 'ecole', 10)).hits.map((h) => h.text)).toEqual([
      'Stored before search existed: école hors ligne',
    ]);
    const outbox = await t.db.selectFrom('outbox').select(['id', 'key', 'state']).orderBy('id').execute();
    expect(outbox.map((m) => [m.key, m.state])).toEqual([
      ['card:1', 'pending'],
      ['card:2', 'pending'],
    ]);
    // The same key twice is still one message, and ids go on from the largest.
    expect(await enqueue(t.db, { teamId: 'T0001', key: 'card:1', kind: 'item_card', payload: {} }, NOW)).toBe(false);
    await enqueue(t.db, { teamId: 'T0001', key: 'card:3', kind: 'item_card', payload: {} }, NOW);
    const third = await getMessageByKey(t.db, 'T0001', 'card:3');
    expect(third!.id).toBeGreaterThan(outbox[1]!.id);
    if (dialect === 'sqlite') {
      const plan = await sql<{
        detail: string;
      }>`explain query plan select * from outbox where state = 'pending' and next_attempt_at <= ${NOW.toISOString()}`.execute(t.db);
      expect(plan.rows.map((r) => r.detail).join('\n')).toContain('outbox_due');
    }
    // Down again: a withdrawn message becomes a failed one (the old states), and nothing is lost.
    await withdraw(t.db, 'T0001', 'card:3', NOW);
    expect((await migrator.migrateTo('0005_closing_the_loop')).error).toBeUndefined();
    expect(await getMessageByKey(t.db, 'T0001', 'card:3')).toMatchObject({ state: 'failed', last_error: 'withdrawn' });
    await migrateToLatest(t.db);
    expect((await findItems(t.db, 'T0001', 'hors ligne', 10)).hits).toHaveLength(1);
  });
});
