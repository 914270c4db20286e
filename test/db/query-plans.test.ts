import { type Compilable, sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { seedHistory } from '../../bench/seed.js';
import { countItemsQuery, customersQuery, itemsWithVotesQuery } from '../../db/customers.js';
import { sidesQuery, statusChangesQuery, trendQuery, votesCastQuery } from '../../db/digest.js';
import { cardLookup, createItem } from '../../db/items.js';
import { dueQuery } from '../../db/outbox.js';
import { answeredQuery } from '../../db/triage.js';
import { cardReactionQuery } from '../../db/votes.js';
import { TREND_WEEKS } from '../../src/digest/compose.js';
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
    // PostgreSQL picks among indexes by its statistics, as autovacuum keeps them. Without any, every index
    // that leads with the team is guessed to find one row, and the tie goes to whichever was made last.
    if (dialect === 'postgres') await sql`analyze`.execute(t.db);
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

  it('a vote is stored in one statement that finds its card through the same index', async () => {
    const query = cardReactionQuery(t.db, {
      teamId: 'T0001',
      channelId: 'C0TERRAIN',
      ts: '1795428000.000100',
      userId: 'U1',
      reaction: '+1',
      added: true,
      eventTs: '1795428100.000100',
      at: new Date('2026-11-23T10:00:00.000Z'),
    }).compile();
    const plan = await planOf(t.db, query);
    expect(plan).toMatch(/items_card\b/);
    expect(plan).not.toMatch(/SCAN items\b|Seq Scan on items/);
  });

  it("the outbox dispatcher's poll for due messages uses its index", async () => {
    const plan = await planOf(t.db, dueQuery(t.db, new Date('2026-11-23T10:00:00.000Z'), 8).compile());
    expect(plan).toMatch(/outbox_due/);
  });
});

/**
 * Every query of the weekly digest finds the week's rows through an index (db/migrations/0011), so that
 * its cost follows the week, not the history (bench/digest-scale.ts measures it). The plans are asked of a
 * seeded history (2,000 items, 20,000 votes over two years); PostgreSQL is given its statistics first, as
 * autovacuum would, since it picks its plan by them. No plan may read a whole table.
 */
describeDb(`the digest's query plans (${dialect})`, () => {
  const TEAM = 'T0001';
  const END = new Date('2026-11-23T09:00:00.000Z');
  const PERIOD = { start: new Date(END.getTime() - 7 * 86_400_000), end: END };
  const IDS = Array.from({ length: 40 }, (_, i) => 1 + i * 37);
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedHistory(t.db, { teamId: TEAM, items: 2_000, votes: 20_000, now: END, members: 51 });
    if (dialect === 'postgres') await sql`vacuum analyze`.execute(t.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  const FULL_SCAN = /\bSCAN (?!CONSTANT)\w+|Seq Scan/;
  /** The plan, checked to read no table in full and to match each of `expected` for this database. */
  async function expectPlan(query: Compilable<unknown>, expected: { sqlite: RegExp[]; postgres: RegExp[] }): Promise<string> {
    const plan = await planOf(t.db, query.compile());
    expect(plan).not.toMatch(FULL_SCAN);
    for (const pattern of expected[dialect]) expect(plan).toMatch(pattern);
    return plan;
  }
  const pgIndex = (name: string) => new RegExp(`(using|on) ${name}\\b`);

  it("reads the votes that began in the week from the week's reactions, each checked by one lookup", async () => {
    await expectPlan(votesCastQuery(t.db, TEAM, PERIOD), {
      sqlite: [
        /SEARCH r USING COVERING INDEX vote_reactions_team_added \(team_id=\? AND added_at>\? AND added_at<\?\)/,
        /SEARCH earlier USING COVERING INDEX vote_reactions_item_voters \(item_id=\? AND active=\? AND user_id=\? AND added_at<\?\)/,
      ],
      postgres: [
        /using vote_reactions_team_added on vote_reactions r\b/,
        /Index Cond: \(\(team_id = 'T0001'::text\) AND \(added_at > /,
        /using vote_reactions_item_voters on vote_reactions earlier\b/,
        /Index Cond: \(\(item_id = r\.item_id\) AND \(active = 1\) AND \(user_id = r\.user_id\)/,
      ],
    });
  });

  it("reads the week's items, and each item's vote count from an index alone", async () => {
    await expectPlan(itemsWithVotesQuery(t.db, TEAM, { createdAfter: PERIOD.start, createdUntil: PERIOD.end }), {
      sqlite: [
        /SEARCH items USING INDEX items_team_created \(team_id=\? AND created_at>\? AND created_at<\?\)/,
        /SEARCH vote_reactions USING COVERING INDEX vote_reactions_item_voters \(item_id=\? AND active=\?\)/,
      ],
      postgres: [
        pgIndex('items_team_created'),
        /Index Cond: \(\(team_id = 'T0001'::text\) AND \(created_at > /,
        /Index Only Scan using vote_reactions_item_voters on vote_reactions/,
      ],
    });
  });

  it('reads voted and moved items by id, not every item of the workspace', async () => {
    await expectPlan(itemsWithVotesQuery(t.db, TEAM, { ids: IDS }), {
      sqlite: [/SEARCH items USING INDEX items_team_id \(team_id=\? AND id=\?/],
      postgres: [/(using|on) items_(pkey|team_id) on items/, /Index Cond: .*id = ANY/],
    });
    await expectPlan(customersQuery(t.db, TEAM, IDS), {
      sqlite: [/SEARCH item_customers USING INDEX sqlite_autoindex_item_customers_1 \(team_id=\? AND item_id=\?\)/],
      postgres: [pgIndex('item_customers_pk'), /Index Cond: .*item_id = ANY/],
    });
  });

  it("reads the week's status changes and the items first answered in it", async () => {
    await expectPlan(statusChangesQuery(t.db, TEAM, PERIOD), {
      sqlite: [/SEARCH status_changes USING INDEX status_changes_team_created \(team_id=\? AND created_at>\? AND created_at<\?\)/],
      postgres: [pgIndex('status_changes_team_created'), /Index Cond: \(\(team_id = 'T0001'::text\) AND \(created_at > /],
    });
    await expectPlan(answeredQuery(t.db, TEAM, PERIOD), {
      sqlite: [/SEARCH items USING COVERING INDEX items_first_response \(team_id=\? AND first_response_at>\? AND first_response_at<\?\)/],
      postgres: [/Index Only Scan using items_first_response on items/],
    });
  });

  it('lists what waits for an answer in the index order, stopping at its limit, and counts it from the index alone', async () => {
    const waiting = { awaitingAnswer: true, createdUntil: PERIOD.start };
    const list = await expectPlan(itemsWithVotesQuery(t.db, TEAM, { ...waiting, order: 'filed', limit: 60 }), {
      sqlite: [/SEARCH items USING INDEX items_waiting \(team_id=\? AND status=\? AND created_at<\?\)/],
      postgres: [
        /Index Scan using items_waiting on items/,
        /Index Cond: \(\(team_id = 'T0001'::text\) AND \(status = 'new'::text\) AND \(created_at <= /,
      ],
    });
    expect(list).not.toMatch(/TEMP B-TREE FOR ORDER BY|Sort Key/);
    await expectPlan(countItemsQuery(t.db, TEAM, waiting), {
      sqlite: [/SEARCH items USING COVERING INDEX items_waiting \(team_id=\? AND status=\? AND created_at<\?\)/],
      postgres: [/Index Only Scan using items_waiting on items/],
    });
  });

  it("counts the trend's weeks from ranges of an index alone, and reads the sides of the workspace's members only", async () => {
    const trend = await expectPlan(trendQuery(t.db, TEAM, END, TREND_WEEKS), {
      sqlite: [/SEARCH items USING COVERING INDEX items_team_created \(team_id=\? AND created_at>\? AND created_at<\?\)/],
      postgres: [/Index Only Scan using items_team_created on items/],
    });
    expect(trend.match(/items_team_created/g)).toHaveLength(TREND_WEEKS);
    await expectPlan(sidesQuery(t.db, TEAM), {
      sqlite: [/SEARCH members USING INDEX sqlite_autoindex_members_1 \(team_id=\?\)/],
      postgres: [pgIndex('members_pk')],
    });
  });
});
