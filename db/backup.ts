import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { dialectOf } from './connection.js';

export class BackupError extends Error {
  readonly code = 'backup_refused' as const;
}

/**
 * A consistent copy of the live SQLite database in one file, taken while the bot keeps running
 * (`VACUUM INTO` reads one snapshot; WAL lets the bot write meanwhile).
 */
export async function backupSqlite(db: Kysely<any>, file: string): Promise<string> {
  if (dialectOf(db) !== 'sqlite') {
    throw new BackupError('backup copies a SQLite database; for PostgreSQL use pg_dump, which your platform already schedules.');
  }
  const target = resolve(file);
  if (existsSync(target)) throw new BackupError(`${target} already exists: choose a new file name, nothing was overwritten.`);
  mkdirSync(dirname(target), { recursive: true });
  await sql`vacuum into ${target}`.execute(db);
  return target;
}
