import { type AddressInfo, createServer, type Socket } from 'node:net';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { checkDatabase, isSqliteLockError, openDatabase, TIMEOUTS } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { migrations } from '../../db/migrations/index.js';
import { isStorageFailure } from '../../src/errors.js';
import { createTestDatabase, describeDb, dialect, startOutage, type TestDatabase } from '../support/database.js';

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
    it('SQLite runs with WAL, foreign keys and a busy timeout that fits a request (longer for the CLI)', async () => {
      const pragma = async (db: typeof t.db, name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0];
      expect(await pragma(t.db, 'journal_mode')).toBe('wal');
      expect(await pragma(t.db, 'foreign_keys')).toBe(1);
      expect(await pragma(t.db, 'busy_timeout')).toBe(TIMEOUTS.requests.busyMs);
      expect(TIMEOUTS.requests.busyMs).toBeLessThanOrEqual(1000);
      const batch = openDatabase(t.url, { timeouts: 'batch' });
      try {
        expect(await pragma(batch, 'busy_timeout')).toBe(TIMEOUTS.batch.busyMs);
      } finally {
        await batch.destroy();
      }
    });

    it('a write that finds the file locked by another connection (BEGIN EXCLUSIVE) waits about a second, the next ones fail at once, and writes work again once it is released', async () => {
      const write = (team: string) =>
        t.db
          .insertInto('workspaces')
          .values({
            team_id: team,
            channel_id: null,
            digest_cron: null,
            digest_timezone: null,
            locale: null,
            schedule_key: null,
            schedule_since: null,
            created_at: 'x',
            updated_at: 'x',
          })
          .execute();
      const timed = async (run: () => Promise<unknown>) => {
        const started = Date.now();
        const error = await run().then(
          () => undefined,
          (e: unknown) => e,
        );
        return { ms: Date.now() - started, error };
      };
      const holder = new SqliteDatabase(t.url);
      try {
        holder.exec('begin exclusive');
        const first = await timed(() => write('T0FIRST'));
        expect(isSqliteLockError(first.error), String(first.error)).toBe(true);
        expect(first.ms).toBeGreaterThanOrEqual(TIMEOUTS.requests.busyMs - 50);
        expect(first.ms).toBeLessThan(TIMEOUTS.requests.busyMs + 500);
        // Queued writes do not each freeze the process for another second.
        for (const team of ['T0SECOND', 'T0THIRD']) {
          const next = await timed(() => write(team));
          expect(isSqliteLockError(next.error)).toBe(true);
          expect(next.ms).toBeLessThan(100);
        }
        // Reads go on (WAL); the health probe sees the lock, at once.
        expect(await t.db.selectFrom('workspaces').selectAll().execute()).toEqual([]);
        const probe = await timed(() => checkDatabase(t.db));
        expect(isSqliteLockError(probe.error)).toBe(true);
        expect(probe.ms).toBeLessThan(300);
      } finally {
        holder.exec('rollback');
        holder.close();
      }
      const after = await timed(() => write('T0AFTER'));
      expect(after.error).toBeUndefined();
      await checkDatabase(t.db);
      expect((await t.db.selectFrom('workspaces').select('team_id').execute()).map((r) => r.team_id)).toEqual(['T0AFTER']);
    });
  }

  if (dialect === 'postgres') {
    it('PostgreSQL cancels a statement that runs past the request budget; the CLI profile does not', async () => {
      const shown = async (db: typeof t.db) => Object.values((await sql.raw('show statement_timeout').execute(db)).rows[0] as object)[0];
      expect(await shown(t.db)).toBe(`${TIMEOUTS.requests.statementMs}ms`);
      const started = Date.now();
      await expect(sql`select pg_sleep(5)`.execute(t.db)).rejects.toMatchObject({ code: '57014' });
      expect(Date.now() - started).toBeLessThan(TIMEOUTS.requests.queryMs + 500);
      const batch = openDatabase(t.url, { timeouts: 'batch', poolSize: 1 });
      try {
        expect(await shown(batch)).toBe('0');
      } finally {
        await batch.destroy();
      }
    });
  }

  if (dialect === 'postgres') {
    it('a PostgreSQL server that accepts connections but never answers fails a query within the connect timeout', async () => {
      const sockets = new Set<Socket>();
      const silent = createServer((socket) => sockets.add(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const { port } = silent.address() as AddressInfo;
      const db = openDatabase(`postgres://postgres@127.0.0.1:${port}/terrain`, { poolSize: 1 });
      try {
        const started = Date.now();
        await expect(sql`select 1`.execute(db)).rejects.toThrow(/timeout/);
        expect(Date.now() - started).toBeLessThan(TIMEOUTS.requests.connectMs + 500);
        await expect(checkDatabase(db)).rejects.toThrow();
      } finally {
        await db.destroy();
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => silent.close(() => resolve()));
      }
    });
  }

  if (dialect === 'postgres') {
    it('a session PostgreSQL terminates while it is checked out (between two statements) fails its next query without crashing the process', async () => {
      await t.db.connection().execute(async (conn) => {
        await sql`select 1`.execute(conn);
        const outage = await startOutage(t);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await outage.end();
        const error = await sql`select 1`.execute(conn).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isStorageFailure(error), String(error)).toBe(true);
      });
      // The pool drops that session and opens a new one.
      await expect(sql`select 1 as one`.execute(t.db)).resolves.toMatchObject({ rows: [{ one: 1 }] });
    });
  }

  it('the health probe passes on a database that takes writes', async () => {
    await expect(checkDatabase(t.db)).resolves.toBeUndefined();
  });

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
