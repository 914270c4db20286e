import { afterEach, beforeEach, expect, it } from 'vitest';
import { fillCustomerRevenue, insertCustomer, listItemsWithSupport } from '../../db/customers.js';
import { createItem } from '../../db/items.js';
import { moveItem, recordStatusChange, responseTimes } from '../../db/triage.js';
import { applyReaction } from '../../db/votes.js';
import { accountKey, tallyCustomers } from '../../src/domain/customers.js';
import { rankItems } from '../../src/domain/ranking.js';
import { createTestDatabase, describeDb, dialect, type TestDatabase } from '../support/database.js';
import { itemInput } from '../support/fixtures.js';

const TEAM = 'T0001';
const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describeDb(`triage repositories (${dialect})`, () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await t.drop();
  });

  const file = async (createdAt: string, over: Parameters<typeof itemInput>[0] = {}) =>
    (await createItem(t.db, itemInput(over), at(createdAt))).item;
  const answer = async (id: number, when: string, to: 'acknowledged' | 'declined' = 'acknowledged') => {
    expect(await moveItem(t.db, TEAM, id, 'new', to, at(when))).toBe(true);
    await recordStatusChange(t.db, { teamId: TEAM, itemId: id, from: 'new', to, by: 'U0MKT', note: null, reason: null }, at(when));
  };

  it('a move applies only from where the item is: of two moves at once, one wins; the first answer is kept', async () => {
    const item = await file('2026-11-02T09:00:00.000Z');
    const [a, b] = await Promise.all([
      moveItem(t.db, TEAM, item.id, 'new', 'planned', at('2026-11-02T10:00:00.000Z')),
      moveItem(t.db, TEAM, item.id, 'new', 'declined', at('2026-11-02T10:00:00.000Z')),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(await moveItem(t.db, TEAM, item.id, 'new', 'acknowledged', at('2026-11-03T10:00:00.000Z'))).toBe(false);
    const row = await t.db.selectFrom('items').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(row.first_response_at).toBe('2026-11-02T10:00:00.000Z');
    const to = row.status;
    expect(await moveItem(t.db, TEAM, item.id, to, 'shipped', at('2026-11-05T10:00:00.000Z'))).toBe(true);
    const later = await t.db.selectFrom('items').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(later).toMatchObject({ status: 'shipped', first_response_at: '2026-11-02T10:00:00.000Z' });
  });

  it('response times: the median wait of the items first answered in the period, and those still waiting, oldest first', async () => {
    // Answered within the period (Nov 9, 00:00 → Nov 16, 00:00): waits of 2 h, 6 h, 30 h and 10 h → median 8 h.
    const waits = [2, 6, 30, 10];
    for (const [i, hours] of waits.entries()) {
      const created = new Date(Date.parse('2026-11-10T08:00:00.000Z') + i * HOUR);
      const item = await file(created.toISOString());
      await answer(item.id, new Date(created.getTime() + hours * HOUR).toISOString(), i === 1 ? 'declined' : 'acknowledged');
    }
    // Answered before the period: not counted in it.
    const early = await file('2026-11-01T08:00:00.000Z');
    await answer(early.id, '2026-11-02T08:00:00.000Z');
    // Still waiting: two filed before the end of the period, one after it (not yet due in that period).
    const oldest = await file('2026-11-03T08:00:00.000Z', { text: 'oldest' });
    const newer = await file('2026-11-12T08:00:00.000Z', { text: 'newer' });
    await file('2026-11-17T08:00:00.000Z', { text: 'after the period' });
    await applyReaction(t.db, {
      teamId: TEAM,
      itemId: newer.id,
      userId: 'U1',
      reaction: '+1',
      added: true,
      eventTs: '1.1',
      at: at('2026-11-12T09:00:00.000Z'),
    });
    // Another workspace's items are not ours.
    await file('2026-11-10T08:00:00.000Z', { team_id: 'T0OTHER' });

    const period = { start: at('2026-11-09T00:00:00.000Z'), end: at('2026-11-16T00:00:00.000Z') };
    const times = await responseTimes(t.db, TEAM, period);
    expect(times.answered).toBe(4);
    expect(times.medianMs).toBe(8 * HOUR);
    expect(times.waitingCount).toBe(2);
    expect(times.waiting.map((i) => [i.id, i.votes])).toEqual([
      [oldest.id, 0],
      [newer.id, 1],
    ]);
    expect((await responseTimes(t.db, TEAM, period, { waitingLimit: 1 })).waiting.map((i) => i.id)).toEqual([oldest.id]);

    const odd = await responseTimes(t.db, TEAM, { start: period.start, end: at('2026-11-11T00:00:00.000Z') });
    expect(odd).toMatchObject({ answered: 3, medianMs: 6 * HOUR });
    const none = await responseTimes(t.db, TEAM, { start: at('2026-12-01T00:00:00.000Z'), end: at('2026-12-08T00:00:00.000Z') });
    expect(none).toMatchObject({ answered: 0, medianMs: null });
  });

  it('items with their votes and customers, each account once, ranked by the support behind them', async () => {
    const a = await file('2026-11-02T09:00:00.000Z', { text: 'a', customer: 'Globex', revenue: 50_000 });
    const b = await file('2026-11-02T10:00:00.000Z', { text: 'b' });
    const c = await file('2026-11-02T11:00:00.000Z', { text: 'c' });
    for (const [i, u] of ['U1', 'U2', 'U3'].entries()) {
      await applyReaction(t.db, {
        teamId: TEAM,
        itemId: b.id,
        userId: u,
        reaction: '+1',
        added: true,
        eventTs: `1.${i}`,
        at: at('2026-11-03T09:00:00.000Z'),
      });
    }
    const customer = (itemId: number, account: string, revenue: number | null) => ({
      team_id: TEAM,
      item_id: itemId,
      account_key: accountKey(account),
      account,
      revenue,
      note: null,
      added_by: 'U0S2',
      created_at: '2026-11-04T09:00:00.000Z',
    });
    expect(await insertCustomer(t.db, customer(a.id, 'Initech', null))).toBe(true);
    expect(await insertCustomer(t.db, customer(a.id, ' INITECH', 99))).toBe(false);
    expect(await fillCustomerRevenue(t.db, TEAM, a.id, 'initech', 20_000)).toBe(true);
    expect(await fillCustomerRevenue(t.db, TEAM, a.id, 'initech', 30_000)).toBe(false);
    await insertCustomer(t.db, customer(a.id, 'globex', 80_000));

    const items = await listItemsWithSupport(t.db, TEAM);
    expect(items.map((i) => [i.id, i.votes, i.customers.length])).toEqual([
      [a.id, 0, 2],
      [b.id, 3, 0],
      [c.id, 0, 0],
    ]);
    const ranked = rankItems(
      items.map((i) => {
        const tally = tallyCustomers(i, i.customers);
        return { id: i.id, votes: i.votes, customers: tally.count, revenueAtStake: tally.revenueAtStake };
      }),
    );
    expect(ranked[0]).toEqual({ id: a.id, votes: 0, customers: 2, revenueAtStake: 70_000 });
    expect(ranked.map((r) => r.id)).toEqual([a.id, b.id, c.id]);

    expect((await listItemsWithSupport(t.db, TEAM, { ids: [b.id] })).map((i) => i.id)).toEqual([b.id]);
    expect(await listItemsWithSupport(t.db, TEAM, { ids: [] })).toEqual([]);
    expect(
      (await listItemsWithSupport(t.db, TEAM, { statuses: ['new'], createdAfter: at('2026-11-02T09:30:00.000Z'), limit: 1 })).map(
        (i) => i.id,
      ),
    ).toEqual([b.id]);
  });
});
