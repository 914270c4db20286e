import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createItem, type NewItemInput } from '../../db/items.js';
import {
  findItems,
  getItemWithCounts,
  lookAlikeCandidates,
  lookAlikeQuery,
  SIMILAR_WINDOW,
  searchQuery,
  similarOpenItems,
} from '../../db/search.js';
import { searchTerms } from '../../db/search-terms.js';
import { applyReaction } from '../../db/votes.js';
import { createTestDatabase, describeDb, dialect, type TestDatabase } from '../support/database.js';
import { planOf } from '../support/explain.js';
import { itemInput } from '../support/fixtures.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

describeDb(`full-text search (${dialect})`, () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await t.drop();
  });

  const file = async (overrides: Partial<NewItemInput>) => (await createItem(t.db, itemInput(overrides), NOW)).item;
  const vote = (itemId: number, userId: string) =>
    applyReaction(t.db, { teamId: 'T0001', itemId, userId, reaction: '+1', added: true, eventTs: '1700000000.000100', at: NOW });
  const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id);
  const find = async (words: string, teamId = 'T0001') => ids((await findItems(t.db, teamId, words, 10)).hits);

  it('finds items by any indexed field, in either language, whatever the case and accents', async () => {
    const offline = await file({ text: 'Retail customers want an OFFLINE mode' });
    const ecole = await file({ text: "Les écoles veulent l'export en PDF", product: 'Reports' });
    const competitor = await file({ text: 'Lost the deal', competitor: 'Acme Analytics' });
    const need = await file({ kind: 'flag', category: null, text: 'The pricing page', customer_need: 'Banks need to see annual prices' });
    await file({ text: 'Something else entirely' });

    expect(await find('offline')).toEqual([offline.id]);
    expect(await find('Ecole')).toEqual([ecole.id]); // école, plural, upper case
    expect(await find('ÉCOLES export')).toEqual([ecole.id]);
    expect(await find('reports')).toEqual([ecole.id]); // product
    expect(await find('acme')).toEqual([competitor.id]); // competitor
    expect(await find('annual')).toEqual([need.id]); // customer need
    expect(await find('customer')).toEqual([offline.id]); // prefix: customers
  });

  it('all the words first; when nothing holds them all, any of them', async () => {
    const both = await file({ text: 'Offline mode for retail stores' });
    const one = await file({ text: 'Offline sync breaks on Android' });
    expect(await find('offline retail')).toEqual([both.id]);
    const any = await findItems(t.db, 'T0001', 'offline android retail', 10);
    expect(any.mode).toBe('any');
    expect(ids(any.hits).sort()).toEqual([both.id, one.id].sort());
  });

  it('words that are query syntax change nothing and break nothing', async () => {
    const item = await file({ text: 'Export to CSV near the end of the month' });
    await file({ text: 'Unrelated' });
    for (const words of [
      '"export',
      'export*',
      'NEAR(export csv)',
      'export -csv',
      'text:export',
      "export' | csv",
      'export & !csv',
      'export) OR (csv',
      'NOT export',
      '^export',
      '{text}: export',
      "export'; drop table items; --",
      'csv:*',
      '\\export',
    ]) {
      expect(await find(words), words).toEqual([item.id]);
    }
    expect(await find('* " : - ( )')).toEqual([]);
    expect(await t.db.selectFrom('items').select('id').execute()).toHaveLength(2);
  });

  it('only the workspace asked for, and no merged item', async () => {
    const mine = await file({ text: 'Offline mode' });
    await file({ team_id: 'T0OTHER', text: 'Offline mode too' });
    const merged = await file({ text: 'Offline mode again' });
    await t.db.updateTable('items').set({ status: 'merged', merged_into: mine.id }).where('id', '=', merged.id).execute();
    expect(await find('offline')).toEqual([mine.id]);
    expect((await find('offline', 'T0OTHER')).length).toBe(1);
  });

  it('follows the text as it is stored, updated and deleted (the index is kept in step)', async () => {
    const item = await file({ text: 'Customers want dark mode' });
    expect(await find('dark')).toEqual([item.id]);
    await t.db
      .updateTable('items')
      .set({ text: 'Customers want a light theme', product: 'Mobile app' })
      .where('id', '=', item.id)
      .execute();
    expect(await find('dark')).toEqual([]);
    expect(await find('light')).toEqual([item.id]);
    expect(await find('mobile')).toEqual([item.id]);
    // An update of other columns leaves the index as it was.
    await t.db.updateTable('items').set({ status: 'planned', card_ts: '1700000000.000100' }).where('id', '=', item.id).execute();
    expect(await find('light')).toEqual([item.id]);
    await t.db.deleteFrom('items').where('id', '=', item.id).execute();
    expect(await find('light')).toEqual([]);
  });

  it('counts votes, customers (each account once) and revenue at stake with each hit', async () => {
    const item = await file({ text: 'Offline mode', revenue: 1000 });
    await vote(item.id, 'U1');
    await vote(item.id, 'U2');
    await t.db
      .insertInto('item_customers')
      .values([
        {
          team_id: 'T0001',
          item_id: item.id,
          account_key: 'acme',
          account: 'Acme',
          revenue: 5000,
          note: null,
          added_by: 'U1',
          created_at: '',
        },
        {
          team_id: 'T0001',
          item_id: item.id,
          account_key: 'globex',
          account: 'Globex',
          revenue: null,
          note: null,
          added_by: 'U2',
          created_at: '',
        },
      ])
      .execute();
    const [hit] = (await findItems(t.db, 'T0001', 'offline', 10)).hits;
    expect(hit).toMatchObject({ id: item.id, votes: 2, customers: 2, revenue_at_stake: 6000 });
    expect(hit!.relevance).toBeGreaterThan(0);
    expect(await getItemWithCounts(t.db, 'T0001', item.id)).toMatchObject({ votes: 2, customers: 2, revenue_at_stake: 6000 });
  });

  it('ranks by relevance: words in the text count more than elsewhere, more words more', async () => {
    const inProduct = await file({ text: 'Customers complain', product: 'Offline kit' });
    const inText = await file({ text: 'Offline mode is what customers ask for' });
    const hits = ids((await findItems(t.db, 'T0001', 'offline', 10)).hits);
    expect(hits).toEqual([inText.id, inProduct.id]);
  });

  it('similar open items: shared words, open ones only, the new item itself left out', async () => {
    const open = await file({ text: 'Retail customers need an offline mode for their stores' });
    const planned = await file({ text: 'Offline mode for retail' });
    await t.db.updateTable('items').set({ status: 'planned' }).where('id', '=', planned.id).execute();
    for (const status of ['shipped', 'declined', 'merged'] as const) {
      const closed = await file({ text: `Offline mode for retail stores (${status})` });
      await t.db.updateTable('items').set({ status }).where('id', '=', closed.id).execute();
    }
    await file({ text: 'Pricing is too high for schools' });
    const fresh = await file({ text: 'Stores in retail want to work offline' });
    const similar = await similarOpenItems(t.db, 'T0001', fresh.text, 10, { excludeId: fresh.id });
    expect(ids(similar).sort()).toEqual([open.id, planned.id].sort());
  });

  it('look-alikes match whole words and their plurals, among the newest matching items only', async () => {
    const plural = await file({ text: 'Tablets crash in the showroom' });
    await file({ text: 'Tabletop displays for the booth' });
    const rows = Array.from({ length: SIMILAR_WINDOW }, (_, n) => ({
      ...itemInput({ text: `Tablet stand number ${n}` }),
      status: 'new' as const,
      card_state: 'pending' as const,
      client_key: `w${n}`,
      created_at: NOW.toISOString(),
      updated_at: NOW.toISOString(),
    }));
    for (let i = 0; i < rows.length; i += 100)
      await t.db
        .insertInto('items')
        .values(rows.slice(i, i + 100))
        .execute();
    const newest = (await t.db.selectFrom('items').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()).id;
    const similar = await similarOpenItems(t.db, 'T0001', 'tablet crash', 500);
    // The window is full of newer items holding "tablet": the older one, however close, is out of it.
    expect(similar).toHaveLength(SIMILAR_WINDOW);
    expect(ids(similar)).not.toContain(plural.id);
    expect(Math.max(...ids(similar))).toBe(newest);
    const candidates = await lookAlikeCandidates(t.db, 'T0001', searchTerms('tablet crash'));
    expect(ids(candidates).sort((a, b) => b - a)).toEqual(ids(similar).sort((a, b) => b - a));
    expect(candidates[0]).toEqual({ id: expect.any(Number), words: expect.stringMatching(/^Tablet stand number \d+ +$/) });
    // With fewer newer matches, the plural and the whole word are found; "tabletop" is not "tablet".
    await t.db.deleteFrom('items').where('client_key', 'like', 'w%').execute();
    expect(ids(await similarOpenItems(t.db, 'T0001', 'tablet crash', 10))).toEqual([plural.id]);
    // Every field an item says something in is read, as full-text search indexes them.
    const said = await file({
      text: 'Tablet',
      product: 'Kiosk',
      customer: 'Acme',
      competitor: 'Rival',
      customer_need: 'Offline',
      reason: 'Fairs',
    });
    const [read] = await lookAlikeCandidates(t.db, 'T0001', searchTerms('kiosk'));
    expect(read).toEqual({ id: said.id, words: 'Tablet Kiosk Acme Rival Offline Fairs' });
  });

  it('EXPLAIN: the look-alike search walks the newest matches through the index and stops', async () => {
    const query = lookAlikeQuery(t.db, 'T0001', searchTerms('tablet crash'), { statuses: ['new'] }).compile();
    const plan = await planOf(t.db, query);
    // Unranked: bm25 or ts_rank would weigh each word against every item that holds it.
    expect(query.sql).not.toMatch(/bm25|ts_rank/);
    if (dialect === 'postgres') {
      expect(plan).toMatch(/on item_search/);
      expect(plan).not.toMatch(/Seq Scan|to_tsvector/);
    } else {
      // Newest first straight from FTS5 (no sort of every match before the window is cut).
      expect(plan).toMatch(/SCAN items_fts VIRTUAL TABLE INDEX \d+:M/);
      expect(plan).toMatch(/SEARCH items USING INTEGER PRIMARY KEY/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });

  it(`EXPLAIN: the search uses the full-text index (${dialect === 'postgres' ? 'the stored vectors' : 'FTS5 table'})`, async () => {
    // A workspace of a realistic size, so that the planner chooses as it would in production.
    const many = Array.from({ length: 3000 }, (_, n) => ({
      ...itemInput({ text: `Item number ${n} about ${n % 7 === 0 ? 'pricing' : 'onboarding'} for team ${n % 50}` }),
      status: 'new' as const,
      card_ts: null,
      card_state: 'pending' as const,
      created_at: NOW.toISOString(),
      updated_at: NOW.toISOString(),
    }));
    for (let i = 0; i < many.length; i += 500)
      await t.db
        .insertInto('items')
        .values(many.slice(i, i + 500))
        .execute();
    await file({ text: 'Offline mode for retail' });
    await sql`analyze`.execute(t.db);
    const query = searchQuery(t.db, 'T0001', searchTerms('offline retail'), { mode: 'all', limit: 10 }).compile();
    const plan = await planOf(t.db, query);
    // PostgreSQL: matched on the stored vectors (the planner picks the GIN index or a scan of them by
    // size); never the text turned into a vector again for each item, which cost ~50 µs an item.
    if (dialect === 'postgres') expect(plan).toMatch(/on item_search/);
    else {
      expect(plan).toMatch(/SCAN items_fts VIRTUAL TABLE INDEX \d+:M/);
      expect(plan).toMatch(/SEARCH items USING INTEGER PRIMARY KEY/);
    }
    expect(plan).not.toMatch(/Seq Scan on items|SCAN items(?!_fts)|to_tsvector/);
  });
});
