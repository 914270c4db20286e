import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { type DialectName, openDatabase } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Database } from '../../db/schema.js';

/** Which database this test run is about: set per vitest project (see vitest.config.ts). */
export const dialect: DialectName = process.env.TERRAIN_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

const postgres = dialect === 'postgres' ? inject('postgres') : undefined;

/** Why this project's database tests cannot run here, if they cannot. */
export const skipReason: string | undefined = postgres && !postgres.available ? postgres.reason : undefined;

/**
 * `describe` for tests that need the database under test; on a machine without PostgreSQL the
 * PostgreSQL run of these tests is skipped, with the reason in the suite name and printed once.
 */
export const describeDb: typeof describe = (skipReason ? describe.skip : describe) as typeof describe;
if (skipReason) console.warn(`skipped: ${skipReason}`);

export interface TestDatabase {
  readonly dialect: DialectName;
  /** DATABASE_URL for an app or CLI that should use the same database. */
  readonly url: string;
  readonly db: Kysely<Database>;
  /** Closes this handle and deletes the database. */
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, migrated database of the dialect under test, its own for one test. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'terrain-test-'));
    const url = join(dir, 'terrain.sqlite');
    const db = openDatabase(url);
    await migrateToLatest(db);
    return {
      dialect,
      url,
      db,
      async drop() {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!postgres?.available) throw new Error(skipReason ?? 'PostgreSQL is not available');
  const name = `${postgres.prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  try {
    // Copies of one template cannot start while another copy is being made: wait for our turn.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${postgres.template}`);
        break;
      } catch (error) {
        if (attempt > 50 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  } finally {
    await admin.end();
  }
  const url = withDatabase(postgres.adminUrl, name);
  const db = openDatabase(url, { poolSize: 5 });
  return {
    dialect,
    url,
    db,
    async drop() {
      await db.destroy();
      const a = new pg.Client({ connectionString: postgres.adminUrl });
      await a.connect();
      try {
        await a.query(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}

/** A fault made on the database under test, until `end()`. */
export interface DatabaseOutage {
  /** What the fault is, for test names and figures. */
  readonly description: string;
  end(): Promise<void>;
}

/** What `startOutage` does on this run's database, for test names. */
export const OUTAGE =
  dialect === 'postgres'
    ? 'PostgreSQL refusing connections (ALLOW_CONNECTIONS false) with every session terminated'
    : 'another connection holding BEGIN EXCLUSIVE on the SQLite file';

/**
 * Makes the database unavailable to every other connection, as an outage or a restart would, until
 * `end()`. PostgreSQL: from the `postgres` database, new connections to this one are refused and its
 * sessions terminated. SQLite: another connection takes the exclusive lock (in WAL mode, readers go on;
 * every writer is refused).
 */
export async function startOutage(t: TestDatabase): Promise<DatabaseOutage> {
  if (t.dialect === 'sqlite') {
    const holder = new SqliteDatabase(t.url);
    holder.exec('begin exclusive');
    return {
      description: OUTAGE,
      async end() {
        holder.exec('rollback');
        holder.close();
      },
    };
  }
  if (!postgres?.available) throw new Error(skipReason ?? 'PostgreSQL is not available');
  const name = new URL(t.url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  await admin.query(`alter database ${name} allow_connections false`);
  await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
  return {
    description: OUTAGE,
    async end() {
      try {
        await admin.query(`alter database ${name} allow_connections true`);
      } finally {
        await admin.end();
      }
    },
  };
}
