import { type Kysely, Migrator } from 'kysely';
import { openDatabase } from './connection.js';
import { migrationProvider } from './migrations/index.js';

export class MigrationError extends Error {
  readonly code = 'migration_failed' as const;
}

/**
 * Brings the schema to the latest migration; safe to run from several replicas at once (kysely locks).
 * Changes made side by side may number their migrations out of the order they land in: each runs once,
 * whenever it arrives, rather than refusing to start.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const why = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new MigrationError(`Database migration ${failed?.migrationName ?? ''} failed: ${why}`.replace('  ', ' '));
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Migrates the database at `url` through a connection of its own, with batch timeouts: a long migration
 * is not a Slack request, and the bot's own connection keeps the short limits requests need.
 */
export async function migrateDatabase(url: string): Promise<string[]> {
  const db = openDatabase(url, { poolSize: 1, timeouts: 'batch' });
  try {
    return await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
}
