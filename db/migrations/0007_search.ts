import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../connection.js';

/**
 * Full-text search over what an item says (its text, product, customer, competitor, customer need and
 * why), for `/terrain search`, similar items before a new card is posted, and merging duplicates.
 *
 * SQLite: an external-content FTS5 table over `items` (the text is stored once, in `items`), kept in step
 * by triggers, tokenised by `unicode61` with diacritics removed, so `école` and `ecole` are one word.
 *
 * PostgreSQL: a GIN index on an expression (not a generated column: `select *` and copies between the
 * two databases would carry it). The `simple` configuration, because the teams write English and French,
 * often in one workspace: a language's stemmer and stop words would mangle the other language, while
 * `simple` only lowercases. Accents are folded with `translate` (the `unaccent` extension may not be
 * installed, and an index expression must be immutable): the same folding as FTS5's. Queries search
 * terms as prefixes on both, which stands in for stemming. db/search.ts must use this exact expression
 * for the index to be used (a test EXPLAINs it).
 *
 * The outbox learns one more state, `withdrawn`: a message that must never be sent (the card of an item
 * whose author voted for a similar one instead), kept apart from `failed` so nothing retries it.
 */
const ACCENTED =
  'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſ';
const FOLDED =
  'aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzs';

const fold = (column: string) => `lower(translate(${column}, '${ACCENTED}', '${FOLDED}'))`;
const others = ['product', 'customer', 'competitor', 'customer_need', 'reason'].map((c) => `coalesce(${c}, '')`).join(` || ' ' || `);
const PG_VECTOR = `(setweight(to_tsvector('simple', ${fold('text')}), 'A') || setweight(to_tsvector('simple', ${fold(`${others}`)}), 'B'))`;

const FTS_COLUMNS = ['text', 'product', 'customer', 'competitor', 'customer_need', 'reason'];
const cols = FTS_COLUMNS.join(', ');
const values = (row: 'new' | 'old') => FTS_COLUMNS.map((c) => `${row}.${c}`).join(', ');

const STATES_BEFORE = ['pending', 'sent', 'failed'];
const STATES_AFTER = [...STATES_BEFORE, 'withdrawn'];

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql.raw(`create index items_search on items using gin (${PG_VECTOR})`).execute(db);
    await setOutboxStatesPostgres(db, STATES_AFTER);
    return;
  }
  await inOneTransaction(db, async () => {
    await sql
      .raw(
        `create virtual table items_fts using fts5(${cols}, content='items', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger items_fts_insert after insert on items begin insert into items_fts(rowid, ${cols}) values (new.id, ${values('new')}); end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger items_fts_delete after delete on items begin insert into items_fts(items_fts, rowid, ${cols}) values ('delete', old.id, ${values('old')}); end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger items_fts_update after update of ${cols} on items begin insert into items_fts(items_fts, rowid, ${cols}) values ('delete', old.id, ${values('old')}); insert into items_fts(rowid, ${cols}) values (new.id, ${values('new')}); end`,
      )
      .execute(db);
    await sql.raw(`insert into items_fts(items_fts) values ('rebuild')`).execute(db);
    await rebuildOutboxSqlite(db, STATES_AFTER);
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.updateTable('outbox').set({ state: 'failed', last_error: 'withdrawn' }).where('state', '=', 'withdrawn').execute();
  if (dialectOf(db) === 'postgres') {
    await setOutboxStatesPostgres(db, STATES_BEFORE);
    await sql`drop index if exists items_search`.execute(db);
    return;
  }
  await inOneTransaction(db, async () => {
    await rebuildOutboxSqlite(db, STATES_BEFORE);
    for (const trigger of ['items_fts_insert', 'items_fts_delete', 'items_fts_update'])
      await sql.raw(`drop trigger if exists ${trigger}`).execute(db);
    await sql`drop table if exists items_fts`.execute(db);
  });
}

const statesCheck = (states: readonly string[]) => sql.raw(`state in (${states.map((s) => `'${s}'`).join(', ')})`);

/** PostgreSQL names a column's CHECK `<table>_<column>_check` (0003 declared it on the column). */
async function setOutboxStatesPostgres(db: Kysely<any>, states: readonly string[]): Promise<void> {
  await sql`alter table outbox drop constraint if exists outbox_state_check`.execute(db);
  await sql`alter table outbox add constraint outbox_state_check check (${statesCheck(states)})`.execute(db);
}

/**
 * SQLite cannot change a CHECK in place: the table is made again with the new one (same columns, in the
 * same order, as 0003 made them), its rows copied with their ids, and its index made again.
 */
async function rebuildOutboxSqlite(db: Kysely<any>, states: readonly string[]): Promise<void> {
  await db.schema
    .createTable('outbox_next')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(statesCheck(states)))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('uncertain', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('result', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addUniqueConstraint('outbox_key', ['team_id', 'key'])
    .execute();
  await sql`insert into outbox_next select * from outbox`.execute(db);
  await sql`drop table outbox`.execute(db);
  await sql`alter table outbox_next rename to outbox`.execute(db);
  await db.schema.createIndex('outbox_due').on('outbox').columns(['state', 'next_attempt_at']).execute();
}

/** Kysely runs SQLite migrations outside a transaction: a crash halfway must not leave half a table. */
async function inOneTransaction(db: Kysely<any>, steps: () => Promise<void>): Promise<void> {
  await sql`begin immediate`.execute(db);
  try {
    await steps();
    await sql`commit`.execute(db);
  } catch (error) {
    await sql`rollback`.execute(db);
    throw error;
  }
}
