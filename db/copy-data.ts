import { type Kysely, sql, type Transaction } from 'kysely';
import { dialectOf } from './connection.js';
import { migrateToLatest } from './migrate.js';
import type { Database } from './schema.js';

/** Every table, parents before children (foreign keys), with the columns that identify a row. */
export const TABLES = [
  { name: 'workspaces', order: ['team_id'] },
  { name: 'members', order: ['team_id', 'user_id'] },
  { name: 'items', order: ['id'], serial: 'id' },
  { name: 'vote_reactions', order: ['item_id', 'user_id', 'reaction'] },
  { name: 'status_changes', order: ['id'], serial: 'id' },
  { name: 'job_runs', order: ['team_id', 'job', 'channel_id', 'run_key'] },
  { name: 'outbox', order: ['id'], serial: 'id' },
  { name: 'admins', order: ['team_id', 'user_id'] },
  { name: 'item_customers', order: ['team_id', 'item_id', 'account_key'] },
  { name: 'afterworks', order: ['id'], serial: 'id' },
  { name: 'afterwork_rsvps', order: ['team_id', 'afterwork_id', 'user_id'] },
] as const satisfies ReadonlyArray<{ name: keyof Database; order: readonly string[]; serial?: string }>;

export type TableName = (typeof TABLES)[number]['name'];

export class CopyRefusedError extends Error {
  readonly code = 'target_not_empty' as const;
}

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters and SQLite's 32,766 for the widest table. */
const BATCH = 500;

export async function countRows(db: Kysely<Database> | Transaction<Database>): Promise<Record<TableName, number>> {
  const counts = {} as Record<TableName, number>;
  for (const t of TABLES) {
    const row = await (db as Kysely<any>).selectFrom(t.name).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    counts[t.name] = Number(row.n);
  }
  return counts;
}

/** Reads every row of a table in a stable order (for copies and for comparing two databases). */
export async function readTable(db: Kysely<any>, table: (typeof TABLES)[number]): Promise<Record<string, unknown>[]> {
  let q = db.selectFrom(table.name).selectAll();
  for (const column of table.order) q = q.orderBy(column);
  return q.execute();
}

export interface CopyResult {
  rows: Record<TableName, number>;
}

/**
 * Copies every item, vote, setting and history row from one Terrain database to another (SQLite to
 * PostgreSQL, or back), keeping ids. The target is migrated first. A target that already holds data is
 * refused unless `force`, in which case its rows are replaced. The source is read in one transaction, so
 * the copy is consistent even while the bot keeps writing; the target is written in one transaction, so
 * a failed copy leaves it as it was.
 */
export async function copyData(from: Kysely<Database>, to: Kysely<Database>, options: { force?: boolean } = {}): Promise<CopyResult> {
  await migrateToLatest(from);
  await migrateToLatest(to);
  const existing = await countRows(to);
  const nonEmpty = Object.entries(existing).filter(([, n]) => n > 0);
  if (nonEmpty.length > 0 && !options.force) {
    throw new CopyRefusedError(
      `the target already holds data (${nonEmpty.map(([t, n]) => `${n} ${t}`).join(', ')}): nothing was copied. Use --force to replace it.`,
    );
  }

  const snapshot: Record<string, Record<string, unknown>[]> = {};
  const read = async (trx: Kysely<any>) => {
    for (const t of TABLES) snapshot[t.name] = await readTable(trx, t);
  };
  if (dialectOf(from) === 'postgres') {
    await from.transaction().setIsolationLevel('repeatable read').execute(read);
  } else {
    await from.transaction().execute(read);
  }

  const rows = {} as Record<TableName, number>;
  await to.transaction().execute(async (trx) => {
    const t = trx as unknown as Kysely<any>;
    for (const table of [...TABLES].reverse()) await t.deleteFrom(table.name).execute();
    for (const table of TABLES) {
      const data = snapshot[table.name] ?? [];
      for (let i = 0; i < data.length; i += BATCH)
        await t
          .insertInto(table.name)
          .values(data.slice(i, i + BATCH))
          .execute();
      rows[table.name] = data.length;
      if ('serial' in table) await resetSequence(t, table.name, table.serial);
    }
  });
  return { rows };
}

/** After inserting explicit ids, the next generated id must follow the largest one copied. */
async function resetSequence(db: Kysely<any>, table: string, column: string): Promise<void> {
  if (dialectOf(db) !== 'postgres') return; // SQLite's autoincrement follows max(rowid) by itself
  await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(
    db,
  );
}
