import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { dialectOf, openDatabase } from './connection.js';
import { copyData } from './copy-data.js';
import type { Database } from './schema.js';

export class BackupError extends Error {
  readonly code = 'backup_refused' as const;
}

/**
 * A consistent copy of the live database in one SQLite file, taken while the bot keeps running.
 * SQLite: `VACUUM INTO` reads one snapshot (WAL lets the bot write meanwhile). PostgreSQL: every row is
 * read in one repeatable-read transaction into a new SQLite file, which `copy-data` can restore.
 */
export async function backupDatabase(db: Kysely<Database>, file: string): Promise<string> {
  const target = resolve(file);
  if (existsSync(target)) throw new BackupError(`${target} already exists: choose a new file name, nothing was overwritten.`);
  mkdirSync(dirname(target), { recursive: true });
  if (dialectOf(db) === 'sqlite') {
    await sql`vacuum into ${target}`.execute(db);
    return target;
  }
  const copy = openDatabase(target, { timeouts: 'batch' });
  try {
    await copyData(db, copy);
  } finally {
    await copy.destroy();
  }
  return target;
}
