import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import { dialectOf } from './connection.js';
import { voteCount } from './items.js';
import type { Database, Item, ItemStatus } from './schema.js';
import { fts5Query, searchTerms, significantTerms, type TermsMode, tsQuery } from './search-terms.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Items still waiting for, or getting, an answer: what a new item may duplicate. */
export const OPEN_STATUSES: readonly ItemStatus[] = ['new', 'acknowledged', 'planned'];
/** Every item that stands on its own (not merged into another): what a duplicate may be merged into. */
export const STANDING_STATUSES: readonly ItemStatus[] = [...OPEN_STATUSES, 'shipped', 'declined'];

/** FTS5 column weights (text, product, customer, competitor, customer need, why): the text counts most. */
const FTS_WEIGHTS = sql.raw('10.0, 3.0, 3.0, 3.0, 5.0, 5.0');

export interface SearchHit extends Item {
  votes: number;
  /** Customers (accounts) behind the item, each once. */
  customers: number;
  /** The revenue filed with the item plus the customers' revenue at stake. */
  revenue_at_stake: number;
  /** How well the item matches: higher is better, comparable within one search only. */
  relevance: number;
}

export interface SearchOptions {
  mode: TermsMode;
  limit: number;
  /** Only items in these statuses (default: any but `merged`, whose votes and customers moved on). */
  statuses?: readonly ItemStatus[] | undefined;
  excludeId?: number | undefined;
  /**
   * Rank only the most recent `window` items that match, and match whole words (a term and its plural)
   * rather than prefixes: a word that most items hold then costs the same at 100 items as at 100,000.
   * For look-alikes, searched on every filing; a person's search ranks every match.
   */
  window?: number | undefined;
}

const customersCount = (eb: ExpressionBuilder<Database, 'items'>) =>
  eb
    .selectFrom('item_customers')
    .select(sql<number>`count(*)`.as('n'))
    .whereRef('item_customers.team_id', '=', 'items.team_id')
    .whereRef('item_customers.item_id', '=', 'items.id')
    .as('customers');

const revenueAtStake = (eb: ExpressionBuilder<Database, 'items'>) =>
  sql<number>`coalesce(items.revenue, 0) + coalesce((${eb
    .selectFrom('item_customers')
    .select(sql<number>`sum(item_customers.revenue)`.as('r'))
    .whereRef('item_customers.team_id', '=', 'items.team_id')
    .whereRef('item_customers.item_id', '=', 'items.id')}), 0)`.as('revenue_at_stake');

/**
 * The items that match, as their id (and relevance when `rank`): the dialect's full-text match, the
 * filters, the window. Unranked, nothing weighs the words against every item holding them.
 */
function matchingItems(db: Db, teamId: string, terms: readonly string[], options: SearchOptions, rank = true) {
  const forms = options.window === undefined ? 'prefix' : 'words';
  type Matches = SelectQueryBuilder<Database, 'items', { id: number; relevance: number }>;
  let q: Matches;
  if (dialectOf(db) === 'postgres') {
    const query = sql`to_tsquery('simple', ${tsQuery(terms, options.mode, forms)})`;
    // The stored vector of migration 0012, GIN-indexed: matched and ranked without reading the text.
    // With a window, the GIN index (which has no order) would find every item holding a common word
    // before the newest could be kept (26 ms at 100k items); so the most recent RECENT_ITEMS items are
    // walked newest first instead, each one's stored vector tested, stopping at the window: quick when
    // matches are many, at most ~2.5 ms when they are few. OFFSET 0 keeps the planner from folding the
    // match into that walk (without statistics, on a young table, it chose the GIN index again).
    const vectors =
      options.window === undefined
        ? db.selectFrom('item_search')
        : db.selectFrom(
            db
              .selectFrom('item_search')
              .select(['item_search.item_id', 'item_search.vector'])
              .where(sql<boolean>`item_search.item_id > (select coalesce(max(item_id), 0) - ${RECENT_ITEMS} from item_search)`)
              .orderBy('item_search.item_id', 'desc')
              .offset(0)
              .as('item_search'),
          );
    q = vectors
      .innerJoin('items', 'items.id', 'item_search.item_id')
      .select('items.id')
      .where(sql<boolean>`item_search.vector @@ ${query}`) as unknown as Matches;
    if (rank) q = q.select(sql<number>`ts_rank(item_search.vector, ${query})`.as('relevance'));
  } else {
    q = db
      .selectFrom(sql<{ rowid: number }>`items_fts`.as('items_fts'))
      .innerJoin('items', 'items.id', 'items_fts.rowid')
      .select('items.id')
      .where(sql<boolean>`items_fts match ${fts5Query(terms, options.mode, forms)}`) as unknown as Matches;
    // bm25 is lower for better matches: turned around so that both dialects sort the same way.
    if (rank) q = q.select(sql<number>`-bm25(items_fts, ${FTS_WEIGHTS})`.as('relevance'));
  }
  q = q.where('items.team_id', '=', teamId);
  q = options.statuses ? q.where('items.status', 'in', [...options.statuses]) : q.where('items.status', '!=', 'merged');
  if (options.excludeId !== undefined) q = q.where('items.id', '!=', options.excludeId);
  if (options.window === undefined) return q;
  // SQLite: ordered by the full-text table's rowid, so FTS5 walks its matches newest first and stops.
  const newestFirst = dialectOf(db) === 'postgres' ? sql`item_search.item_id` : sql`items_fts.rowid`;
  return q.orderBy(newestFirst, 'desc').limit(options.window);
}

/**
 * The search as one query, best matches first, for terms already made safe (db/search-terms.ts): the
 * matches are ranked on (id, relevance) alone, and only the few kept are read in full with their votes,
 * customers and revenue. Exported so that tests can EXPLAIN it.
 */
export function searchQuery(
  db: Db,
  teamId: string,
  terms: readonly string[],
  options: SearchOptions,
): SelectQueryBuilder<Database, 'items', SearchHit> {
  const ranked = db
    .selectFrom(matchingItems(db, teamId, terms, options).as('matches'))
    .select(['matches.id', 'matches.relevance'])
    .orderBy('matches.relevance', 'desc')
    .orderBy('matches.id', 'desc')
    .limit(options.limit);
  const withCounts = (eb: ExpressionBuilder<any, any>) => eb as unknown as ExpressionBuilder<Database, 'items'>;
  return db
    .selectFrom(ranked.as('top'))
    .innerJoin('items', 'items.id', 'top.id')
    .selectAll('items')
    .select('top.relevance')
    .select((eb) => voteCount(withCounts(eb)))
    .select((eb) => customersCount(withCounts(eb)))
    .select((eb) => revenueAtStake(withCounts(eb)))
    .orderBy('top.relevance', 'desc')
    .orderBy('items.id', 'desc') as unknown as SelectQueryBuilder<Database, 'items', SearchHit>;
}

type Counted = Omit<SearchHit, 'votes' | 'customers'> & { votes: number | null; customers: number | null };

/** Counts come back as numbers or, from some drivers, text: every caller gets numbers. */
const numbers = (rows: Counted[]): SearchHit[] =>
  rows.map((r) => ({
    ...r,
    votes: Number(r.votes ?? 0),
    customers: Number(r.customers ?? 0),
    revenue_at_stake: Number(r.revenue_at_stake ?? 0),
    relevance: Number(r.relevance ?? 0),
  }));

export async function searchItems(db: Db, teamId: string, terms: readonly string[], options: SearchOptions): Promise<SearchHit[]> {
  if (terms.length === 0) return [];
  return numbers(await searchQuery(db, teamId, terms, options).execute());
}

/**
 * What a person's words find: items holding every term; if none does, items holding any of them (so a
 * search never comes back empty for one word too many). `terms` is empty when the words hold nothing to
 * search for.
 */
export async function findItems(
  db: Db,
  teamId: string,
  words: string,
  limit: number,
): Promise<{ terms: string[]; mode: TermsMode; hits: SearchHit[] }> {
  const terms = searchTerms(words);
  const all = await searchItems(db, teamId, terms, { mode: 'all', limit });
  if (all.length > 0 || terms.length < 2) return { terms, mode: 'all', hits: all };
  return { terms, mode: 'any', hits: await searchItems(db, teamId, terms, { mode: 'any', limit }) };
}

/** Look-alikes are looked for among the most recent items that share a word with the new one. */
export const SIMILAR_WINDOW = 50;
/** PostgreSQL: look-alikes are looked for among this many most recent items (see matchingItems). */
const RECENT_ITEMS = 5000;
const WORD_COLUMNS = ['product', 'customer', 'competitor', 'customer_need', 'reason'] as const;

/**
 * Open items of the workspace sharing words with `text`, best matches first: the candidates for "this was
 * already raised" (src/domain/similar.ts judges which are close enough).
 */
export async function similarOpenItems(
  db: Db,
  teamId: string,
  text: string,
  limit: number,
  options: { excludeId?: number; statuses?: readonly ItemStatus[] } = {},
): Promise<SearchHit[]> {
  return searchItems(db, teamId, significantTerms(text), {
    mode: 'any',
    limit,
    window: SIMILAR_WINDOW,
    statuses: options.statuses ?? OPEN_STATUSES,
    excludeId: options.excludeId,
  });
}

/** An item that may be a look-alike: its id, and everything it says as one text (see itemWords). */
export interface LookAlikeCandidate {
  id: number;
  words: string;
}

/**
 * What a new item may duplicate, for src/domain/similar.ts to judge: the newest SIMILAR_WINDOW open items
 * sharing a whole word (or its plural) with it, with what they say, unranked. Ranking in the database
 * would weigh each word against every item that holds it (bm25 reads the word's whole index entry), so a
 * common word would cost more as history grows; judged here, a filing costs the same at any size.
 */
export function lookAlikeQuery(
  db: Db,
  teamId: string,
  terms: readonly string[],
  options: { statuses?: readonly ItemStatus[]; excludeId?: number | undefined } = {},
) {
  const matches = matchingItems(
    db,
    teamId,
    terms,
    {
      mode: 'any',
      limit: SIMILAR_WINDOW,
      window: SIMILAR_WINDOW,
      statuses: options.statuses ?? OPEN_STATUSES,
      excludeId: options.excludeId,
    },
    false,
  );
  // One text column rather than six: reading a row costs per column, and a filing reads fifty.
  const words = sql<string>`items.text || ' ' || ${sql.join(
    WORD_COLUMNS.map((c) => sql`coalesce(${sql.ref(`items.${c}`)}, '')`),
    sql` || ' ' || `,
  )}`;
  return matches.select(words.as('words')) as unknown as SelectQueryBuilder<Database, 'items', LookAlikeCandidate>;
}

export async function lookAlikeCandidates(
  db: Db,
  teamId: string,
  terms: readonly string[],
  options: { statuses?: readonly ItemStatus[]; excludeId?: number | undefined } = {},
): Promise<LookAlikeCandidate[]> {
  if (terms.length === 0) return [];
  return lookAlikeQuery(db, teamId, terms, options).execute();
}

/** Items with the same counts as search results (votes, customers, revenue), relevance 0. */
export async function itemsWithCounts(db: Db, teamId: string, ids: readonly number[]): Promise<SearchHit[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('items')
    .selectAll('items')
    .select(voteCount)
    .select(customersCount)
    .select(revenueAtStake)
    .select(sql<number>`0`.as('relevance'))
    .where('items.team_id', '=', teamId)
    .where('items.id', 'in', [...ids])
    .execute();
  return numbers(rows);
}

/** One item with the same counts as search results (votes, customers, revenue), relevance 0. */
export async function getItemWithCounts(db: Db, teamId: string, id: number): Promise<SearchHit | undefined> {
  return (await itemsWithCounts(db, teamId, [id]))[0];
}
