import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrateToLatest } from '../../db/migrate.js';
import { migrations } from '../../db/migrations/index.js';
import { createTestDatabase, describeDb, dialect, type TestDatabase } from '../support/database.js';

const TABLES = ['workspaces', 'members', 'items', 'vote_reactions', 'status_changes', 'job_runs', 'admins'];

describeDb(`the database (${dialect})`, () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await t.drop();
  });

  it('has every table, each scoped by the Slack team_id', async () => {
    const tables = await t.db.introspection.getTables();
    for (const name of TABLES) {
      const table = tables.find((x) => x.name === name);
      expect(table, name).toBeDefined();
      expect(
        table!.columns.map((c) => c.name),
        name,
      ).toContain('team_id');
    }
  });

  it('runs the numbered migrations in order, and running them again changes nothing', async () => {
    const applied = await t.db
      .selectFrom('kysely_migration' as never)
      .select(sql<string>`name`.as('name'))
      .orderBy(sql`name`)
      .execute();
    expect(applied.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  // The pragmas are SQLite's own; PostgreSQL has no such settings to check, so the test exists only there.
  if (dialect === 'sqlite') {
    it('SQLite runs with WAL, foreign keys and a busy timeout', async () => {
      const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(t.db)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
    });
  }

  it('refuses a vote for an item that does not exist (foreign keys hold)', async () => {
    await expect(
      t.db
        .insertInto('vote_reactions')
        .values({
          team_id: 'T0001',
          item_id: 999,
          user_id: 'U1',
          reaction: '+1',
          active: 1,
          event_ts: '1.000000',
          added_at: '2026-11-23T00:00:00.000Z',
        })
        .execute(),
    ).rejects.toThrow();
  });
});
