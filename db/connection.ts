import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
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

export interface OpenOptions {
  /** Size of the PostgreSQL pool; SQLite has one connection. */
  poolSize?: number;
  /** Refuse to create the database: it must be there already (a copy's source). */
  mustExist?: boolean;
}

export class DatabaseNotFoundError extends Error {
  readonly code = 'database_not_found' as const;
}

/**
 * Opens the database named by DATABASE_URL: a `postgres://` URL runs on PostgreSQL, anything else is a
 * SQLite file path (created with its folder on first start).
 */
export function openDatabase(url: string, options: OpenOptions = {}): Kysely<Database> {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types: pgTypes });
    // An idle client's error (the server restarted) must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const file = url.replace(/^sqlite:(\/\/)?/i, '');
  if (options.mustExist && file !== ':memory:' && !existsSync(file)) throw new DatabaseNotFoundError(`No SQLite database at ${file}.`);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers (backups, the CLI) work beside the bot; the busy timeout makes writers queue, not fail.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
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
