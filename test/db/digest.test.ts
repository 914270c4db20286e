import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DigestRows, readDigestRows } from '../../db/digest.js';
import { createItem } from '../../db/items.js';
import { applyReaction } from '../../db/votes.js';
import { TREND_WEEKS, WAITING_DAYS } from '../../src/digest/compose.js';
import { createTestDatabase, describeDb, dialect, type TestDatabase } from '../support/database.js';
import { itemInput } from '../support/fixtures.js';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const END = new Date('2026-11-23T09:00:00.000Z');
const START = new Date(END.getTime() - WEEK);
const PERIOD = { start: START, end: END };
const ago = (ms: number) => new Date(END.getTime() - ms);

describeDb(`the digest's rows (${dialect})`, () => {
  let t: TestDatabase;
  let n = 0;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await t.drop();
  });

  const file = async (at: Date, teamId = 'T0001') => {
    n += 1;
    const { item } = await createItem(t.db, itemInput({ team_id: teamId, client_key: `k${n}`, text: `Item ${n}` }), at);
    return item.id;
  };
  const read = (options: Partial<{ trendWeeks: number }> = {}): Promise<DigestRows> =>
    readDigestRows(t.db, 'T0001', PERIOD, { waitingDays: WAITING_DAYS, trendWeeks: TREND_WEEKS, waitingLimit: 60, ...options });

  describe('votes cast in the period', () => {
    let itemId: number;
    let ts = 0;
    beforeEach(async () => {
      itemId = await file(ago(30 * DAY));
    });
    const react = (userId: string, reaction: string, added: boolean, at: Date, teamId = 'T0001', item = itemId) =>
      applyReaction(t.db, { teamId, itemId: item, userId, reaction, added, eventTs: `${1795000000 + ++ts}.000100`, at });

    it('counts a vote whose first reaction is in the period, once, at its first reaction', async () => {
      await react('U1', '+1', true, ago(3 * DAY));
      await react('U1', 'fire', true, ago(2 * DAY));
      const rows = await read();
      expect(rows.votesCast).toEqual([{ item_id: itemId, user_id: 'U1', voted_at: ago(3 * DAY).toISOString() }]);
      expect(rows.votedItems.map((i) => i.id)).toEqual([itemId]);
    });

    it('does not count a vote that began before the period, whatever reaction is added in it', async () => {
      await react('U1', '+1', true, ago(20 * DAY));
      await react('U1', 'fire', true, ago(2 * DAY));
      expect((await read()).votesCast).toEqual([]);
    });

    it('counts a vote again in the period when the earlier reaction was removed before it', async () => {
      await react('U1', '+1', true, ago(20 * DAY));
      await react('U1', '+1', false, ago(19 * DAY));
      await react('U1', 'fire', true, ago(2 * DAY));
      expect((await read()).votesCast).toEqual([{ item_id: itemId, user_id: 'U1', voted_at: ago(2 * DAY).toISOString() }]);
    });

    it('does not count a reaction of the period that was removed since', async () => {
      await react('U1', '+1', true, ago(2 * DAY));
      await react('U1', '+1', false, ago(DAY));
      expect((await read()).votesCast).toEqual([]);
    });

    it('takes the period as (start, end]: a reaction at its end counts, one at its start belongs to the week before', async () => {
      await react('U1', '+1', true, END);
      await react('U2', '+1', true, START);
      await react('U3', '+1', true, START);
      await react('U3', 'fire', true, ago(DAY));
      expect((await read()).votesCast).toEqual([{ item_id: itemId, user_id: 'U1', voted_at: END.toISOString() }]);
    });

    it("leaves out other workspaces' votes and votes after the period", async () => {
      const other = await file(ago(30 * DAY), 'T0002');
      await react('U1', '+1', true, ago(DAY), 'T0002', other);
      await react('U2', '+1', true, new Date(END.getTime() + 1));
      expect((await read()).votesCast).toEqual([]);
    });
  });

  describe('the trend', () => {
    it('has eight weeks by default, oldest first, all zero without items', async () => {
      expect(TREND_WEEKS).toBe(8);
      expect((await read()).trend).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    });

    it('puts an item filed exactly at the end, or just after the previous week ended, in the last week', async () => {
      await file(END);
      await file(ago(WEEK - 1));
      expect((await read()).trend).toEqual([0, 0, 0, 0, 0, 0, 0, 2]);
    });

    it('puts an item filed exactly 7 days before the end in the week before: the last one is (end - 7 days, end]', async () => {
      await file(ago(WEEK));
      expect((await read()).trend).toEqual([0, 0, 0, 0, 0, 0, 1, 0]);
    });

    it('keeps every week half-open the same way, (end - 7(k+1) days, end - 7k days]', async () => {
      await file(ago(2 * WEEK));
      await file(ago(2 * WEEK - 1));
      await file(ago(8 * WEEK - 1));
      expect((await read()).trend).toEqual([1, 0, 0, 0, 0, 1, 1, 0]);
    });

    it('counts the items of each week', async () => {
      for (const days of [1, 2, 3, 8, 50, 55]) await file(ago(days * DAY));
      expect((await read()).trend).toEqual([2, 0, 0, 0, 0, 0, 1, 3]);
    });

    it("leaves out items after the end, before the first week, and other workspaces' items", async () => {
      await file(new Date(END.getTime() + 1));
      await file(ago(8 * WEEK + DAY));
      await file(ago(8 * WEEK));
      await file(ago(DAY), 'T0002');
      expect((await read()).trend).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    });

    it('takes another number of weeks', async () => {
      await file(ago(DAY));
      await file(ago(2 * WEEK + DAY));
      expect((await read({ trendWeeks: 3 })).trend).toEqual([1, 0, 1]);
    });
  });
});
