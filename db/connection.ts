import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type SqliteDatabase as SqliteDriverDatabase, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** The only place that knows which database a `Kysely` instance talks to. */
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

// PostgreSQL returns bigint (count(*), int8) and numeric as strings; Terrain's numbers fit in a double.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/**
 * How long one statement may wait for the database. `requests` (the default) is the bot's: Slack wants
 * an answer within 3 seconds, so a dead, hanging or locked database must fail well within that and be
 * answered honestly (events are redelivered, people get their text back). `batch` is for the CLI and
 * migrations (copy-data, backup, export): there the same outage is better waited out than refused.
 */
export type TimeoutProfile = 'requests' | 'batch';

export const TIMEOUTS = {
  requests: {
    /** PostgreSQL: opening a connection, or waiting for a free one in the pool. */
    connectMs: 1000,
    /** PostgreSQL: the server cancels a statement after this (statement_timeout). */
    statementMs: 1500,
    /** PostgreSQL: the client gives up on an answer after this (a server that hangs, a dead network). */
    queryMs: 2000,
    /** SQLite: how long a write waits for another process's lock (the whole process waits with it). */
    busyMs: 1000,
    /** SQLite: once a write has found the file locked, the writes that follow fail at once for this long. */
    failFastMs: 2000,
  },
  batch: { connectMs: 10_000, statementMs: 0, queryMs: 0, busyMs: 30_000, failFastMs: 0 },
} as const satisfies Record<TimeoutProfile, Record<string, number>>;

export interface OpenOptions {
  /** Size of the PostgreSQL pool; SQLite has one connection. */
  poolSize?: number;
  /** Refuse to create the database: it must be there already (a copy's source). */
  mustExist?: boolean;
  /** `requests` unless said otherwise. */
  timeouts?: TimeoutProfile;
}

export class DatabaseNotFoundError extends Error {
  readonly code = 'database_not_found' as const;
}

/** SQLite's answers that mean "another connection holds the lock" (SQLITE_BUSY, SQLITE_LOCKED and their extended codes). */
export function isSqliteLockError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * better-sqlite3 is synchronous: while a write waits for another process's lock, the whole process waits
 * with it (no request is answered, no timer fires). So a write waits at most `busyMs`, and once one has
 * waited in vain, those that follow within `failFastMs` of the last refusal do not wait at all: queued
 * requests are answered at once, honestly, instead of each freezing the process in turn. A write that finds
 * the file free succeeds in either mode, so everything works again the moment the lock is released.
 */
/** Distinct statements kept prepared: Terrain's queries have far fewer shapes (lists vary by length). */
const STATEMENT_CACHE_SIZE = 500;

class SqliteLockWaits {
  private failFastUntil = 0;
  private current = -1;

  constructor(
    private readonly sqlite: SqliteDatabase.Database,
    private readonly busyMs: number,
    private readonly failFastMs: number,
  ) {
    this.apply(busyMs);
  }

  private apply(ms: number): void {
    if (ms === this.current) return;
    this.sqlite.pragma(`busy_timeout = ${ms}`);
    this.current = ms;
  }

  private run<T>(statement: () => T, cap: number | undefined): T {
    const wait = Date.now() < this.failFastUntil ? 0 : this.busyMs;
    this.apply(Math.min(wait, cap ?? wait));
    try {
      return statement();
    } catch (error) {
      if (this.failFastMs > 0 && isSqliteLockError(error)) this.failFastUntil = Date.now() + this.failFastMs;
      throw error;
    }
  }

  /**
   * Statements prepared once per text: kysely hands the driver the same SQL for the same query shape, and
   * preparing costs more than running a small indexed statement. Bounded, least recently used first out;
   * SQLite re-prepares a cached statement by itself when the schema changes.
   */
  private readonly statements = new Map<string, SqliteDatabase.Statement>();

  private prepared(text: string, cap: number | undefined): SqliteDatabase.Statement {
    const cached = this.statements.get(text);
    if (cached) {
      this.statements.delete(text);
      this.statements.set(text, cached);
      return cached;
    }
    const stmt = this.run(() => this.sqlite.prepare(text), cap);
    this.statements.set(text, stmt);
    if (this.statements.size > STATEMENT_CACHE_SIZE) this.statements.delete(this.statements.keys().next().value as string);
    return stmt;
  }

  /** The database as kysely's driver sees it, every statement run under these rules (and within `cap()` ms when set). */
  database(cap: () => number | undefined): SqliteDriverDatabase {
    return {
      close: () => {
        this.statements.clear();
        this.sqlite.close();
      },
      prepare: (text) => {
        const stmt = this.prepared(text, cap());
        return {
          reader: stmt.reader,
          all: (parameters) => this.run(() => stmt.all(parameters), cap()),
          run: (parameters) => this.run(() => stmt.run(parameters), cap()),
          // A streamed statement stays busy until its rows are read: it gets one of its own.
          iterate: (parameters) => this.sqlite.prepare(text).iterate(parameters),
        };
      },
    };
  }
}

/** How long the health probe may wait for a SQLite lock: a probe must not freeze the process. */
const PROBE_WAIT_MS = 100;

/** Per SQLite database: the wait cap the health probe sets while it holds the connection. */
const probeCaps = new WeakMap<Kysely<any>, { ms: number | undefined }>();

/**
 * Opens the database named by DATABASE_URL: a `postgres://` URL runs on PostgreSQL, anything else is a
 * SQLite file path (created with its folder on first start).
 */
export function openDatabase(url: string, options: OpenOptions = {}): Kysely<Database> {
  const limits = TIMEOUTS[options.timeouts ?? 'requests'];
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      types: pgTypes,
      connectionTimeoutMillis: limits.connectMs,
      keepAlive: true,
      ...(limits.statementMs > 0 ? { statement_timeout: limits.statementMs } : {}),
      ...(limits.queryMs > 0 ? { query_timeout: limits.queryMs } : {}),
    });
    // An idle client's error (the server restarted) must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    // Nor may the error of a client that is checked out: a session ended by the server between two
    // statements (a transaction, a held connection) emits 'error' while the pool listens no more. Its next
    // query fails instead (a storage failure, answered as such), and the pool drops it once it is released.
    pool.on('connect', (client) => client.on('error', () => {}));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const file = url.replace(/^sqlite:(\/\/)?/i, '');
  if (options.mustExist && file !== ':memory:' && !existsSync(file)) throw new DatabaseNotFoundError(`No SQLite database at ${file}.`);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file, { timeout: limits.busyMs });
  // WAL lets readers (backups, the CLI) work beside the bot; writers queue for the lock, within limits.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const cap: { ms: number | undefined } = { ms: undefined };
  const waits = new SqliteLockWaits(sqlite, limits.busyMs, limits.failFastMs);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: waits.database(() => cap.ms) }) });
  probeCaps.set(db, cap);
  return db;
}

/**
 * What `/healthz` asks: can the database take a write right now? PostgreSQL: a round trip, within the
 * pool's limits (a server that refuses connections or hangs fails fast). SQLite: in WAL mode reads go on
 * while another process holds the write lock, so `select 1` would say yes; taking the write lock for an
 * instant (`begin immediate`, then `rollback`) on the one connection tells the truth, waiting a tenth of
 * a second at most.
 */
export async function checkDatabase(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`select 1`.execute(db);
    return;
  }
  await db.connection().execute(async (conn) => {
    const cap = probeCaps.get(db);
    if (cap) cap.ms = PROBE_WAIT_MS;
    try {
      await sql`begin immediate`.execute(conn);
      await sql`rollback`.execute(conn);
    } finally {
      if (cap) cap.ms = undefined;
    }
  });
}

/** A short description of where the data lives, without credentials, for logs. */
export function describeDatabase(url: string): string {
  if (!isPostgresUrl(url)) return `SQLite at ${url}`;
  try {
    const u = new URL(url);
    return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}
