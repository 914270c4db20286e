import { type CompiledQuery, type Kysely, sql } from 'kysely';
import { dialectOf } from '../../db/connection.js';

/**
 * The plan the database would use for a compiled query, as text. On PostgreSQL sequential scans are
 * switched off for the question, so that a small test table still shows which index the query can use.
 */
export async function planOf(db: Kysely<any>, query: CompiledQuery): Promise<string> {
  if (dialectOf(db) === 'sqlite') {
    const { rows } = await db.executeQuery<{ detail: string }>({ ...query, sql: `explain query plan ${query.sql}` } as CompiledQuery<{
      detail: string;
    }>);
    return rows.map((r) => r.detail).join('\n');
  }
  return db.connection().execute(async (conn) => {
    await sql`set enable_seqscan = off`.execute(conn);
    try {
      const { rows } = await conn.executeQuery<{ 'QUERY PLAN': string }>({ ...query, sql: `explain ${query.sql}` } as CompiledQuery<{
        'QUERY PLAN': string;
      }>);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await sql`reset enable_seqscan`.execute(conn);
    }
  });
}
