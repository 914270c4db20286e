import { afterEach, beforeEach, expect, it } from 'vitest';
import { cardLookup, createItem } from '../../db/items.js';
import { dueQuery } from '../../db/outbox.js';
import { createTestDatabase, describeDb, dialect, type TestDatabase } from '../support/database.js';
import { planOf } from '../support/explain.js';
import { itemInput } from '../support/fixtures.js';

/** The hot queries use an index on both databases: a regression shows here, not in a benchmark. */
describeDb(`query plans (${dialect})`, () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
    const at = new Date('2026-11-23T10:00:00.000Z');
    for (let i = 0; i < 50; i++) await createItem(t.db, itemInput({ client_key: `k${i}` }), at);
  });
  afterEach(async () => {
    await t.drop();
  });

  it("a vote's card lookup uses the (team, channel, ts) index, whatever the workspace's history", async () => {
    const plan = await planOf(t.db, cardLookup(t.db, 'T0001', 'C0TERRAIN', '1795428000.000100').compile());
    expect(plan).toMatch(/items_card\b/);
    if (dialect === 'sqlite') expect(plan).toContain('team_id=? AND card_channel_id=? AND card_ts=?');
    expect(plan).not.toMatch(/SCAN items|Seq Scan/);
  });

  it("the outbox dispatcher's poll for due messages uses its index", async () => {
    const plan = await planOf(t.db, dueQuery(t.db, new Date('2026-11-23T10:00:00.000Z'), 8).compile());
    expect(plan).toMatch(/outbox_due/);
  });
});
