import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../connection.js';

/**
 * PostgreSQL: what an item says, as a stored `tsvector` in a table of its own (`item_search`), kept in
 * step by a trigger, instead of an index on an expression. Ranking (`ts_rank`) needs the vector of every
 * match: with the expression index it was recomputed from the text for each one (~50 µs an item, so a
 * common word cost 150 ms at 5,000 items); stored, it is read. A table of its own, not a generated
 * column on `items`, so that `select *`, exports and copies between the two databases never carry it:
 * like SQLite's FTS5 table, it is derived from `items` and rebuilt from it.
 *
 * SQLite: nothing changes (its FTS5 table already stores what ranking needs).
 */
const ACCENTED =
  'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſ';
const FOLDED =
  'aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzs';
const fold = (text: string) => `lower(translate(${text}, '${ACCENTED}', '${FOLDED}'))`;
const SEARCHED = ['text', 'product', 'customer', 'competitor', 'customer_need', 'reason'];
/** The same vector as 0007's index: the text weighs A, the rest B; accents folded; `simple`. */
const vectorOf = (row: string) => {
  const others = SEARCHED.slice(1)
    .map((c) => `coalesce(${row}.${c}, '')`)
    .join(` || ' ' || `);
  return `(setweight(to_tsvector('simple', ${fold(`${row}.text`)}), 'A') || setweight(to_tsvector('simple', ${fold(others)}), 'B'))`;
};

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await db.schema
    .createTable('item_search')
    .addColumn('item_id', 'integer', (c) => c.primaryKey().references('items.id').onDelete('cascade'))
    .addColumn('vector', sql`tsvector`, (c) => c.notNull())
    .execute();
  await sql.raw(`insert into item_search (item_id, vector) select items.id, ${vectorOf('items')} from items`).execute(db);
  await sql`drop index if exists items_search`.execute(db);
  await sql`create index items_search on item_search using gin (vector)`.execute(db);
  await sql
    .raw(
      `create function item_search_sync() returns trigger language plpgsql as $$
       begin
         insert into item_search (item_id, vector) values (new.id, ${vectorOf('new')})
         on conflict (item_id) do update set vector = excluded.vector;
         return new;
       end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger item_search_sync after insert or update of ${SEARCHED.join(', ')} on items for each row execute function item_search_sync()`,
    )
    .execute(db);
  await sql`analyze item_search`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`drop trigger if exists item_search_sync on items`.execute(db);
  await sql`drop function if exists item_search_sync()`.execute(db);
  await db.schema.dropTable('item_search').ifExists().execute();
  await sql.raw(`create index items_search on items using gin (${vectorOf('items').replaceAll('items.', '')})`).execute(db);
}
