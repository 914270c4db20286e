import type { Kysely } from 'kysely';
import { type ItemWithSupport, listItemsWithSupport } from './customers.js';
import type { Database, ItemStatus, Side } from './schema.js';
import { listWaitingForAnswer, type ResponseTimes, responseTimes } from './triage.js';

/**
 * Everything one digest period needs, read in a handful of queries. Times are (start, end]. Items come
 * with their votes and customers (`listItemsWithSupport`), so the digest ranks them as Home and search do.
 */
export interface DigestRows {
  itemsFiled: ItemWithSupport[];
  /** Votes that began in the period: (item, user) pairs whose first active reaction is in it. */
  votesCast: Array<{ item_id: number; user_id: string; voted_at: string }>;
  /** Items that received those votes (may be older than the period). */
  votedItems: ItemWithSupport[];
  statusChanges: Array<{
    item_id: number;
    from_status: ItemStatus;
    to_status: ItemStatus;
    by_user_id: string;
    created_at: string;
    item: ItemWithSupport;
  }>;
  /** What has waited for an answer longer than `waitingDays`, oldest first, and how many in all. */
  waiting: ItemWithSupport[];
  waitingCount: number;
  /** Marketing's response time in the period, and how many still wait for a first answer. */
  responses: Pick<ResponseTimes, 'waitsMs' | 'waitingCount'>;
  /**
   * Items filed per week over the trend window, oldest first: week k from the end holds
   * (end - 7(k+1) days, end - 7k days], like the periods themselves; the last is the period's week.
   */
  trend: number[];
  sides: Map<string, Side>;
}

export async function readDigestRows(
  db: Kysely<Database>,
  teamId: string,
  period: { start: Date; end: Date },
  options: { waitingDays: number; trendWeeks: number; waitingLimit: number },
): Promise<DigestRows> {
  const itemsFiled = await listItemsWithSupport(db, teamId, { createdAfter: period.start, createdUntil: period.end });

  const votesCast = await votesCastQuery(db, teamId, period).execute();
  const votedItems = await listItemsWithSupport(db, teamId, { ids: [...new Set(votesCast.map((v) => v.item_id))] });

  const changes = await statusChangesQuery(db, teamId, period).execute();
  const changedItems = await listItemsWithSupport(db, teamId, { ids: [...new Set(changes.map((c) => c.item_id))] });
  const byId = new Map(changedItems.map((i) => [i.id, i]));

  const waiting = await listWaitingForAnswer(db, teamId, {
    filedBy: new Date(period.end.getTime() - options.waitingDays * 86_400_000),
    limit: options.waitingLimit,
  });
  const { waitsMs, waitingCount } = await responseTimes(db, teamId, period, { waitingLimit: 0 });

  const trend = new Array<number>(options.trendWeeks).fill(0);
  for (const w of await trendQuery(db, teamId, period.end, options.trendWeeks).execute()) trend[Number(w.week)] = Number(w.n);
  const members = await sidesQuery(db, teamId).execute();

  return {
    itemsFiled,
    votesCast,
    votedItems,
    statusChanges: changes.flatMap((c) => {
      const item = byId.get(c.item_id);
      return item ? [{ ...c, item }] : [];
    }),
    waiting: waiting.items,
    waitingCount: waiting.total,
    responses: { waitsMs, waitingCount },
    trend,
    sides: new Map(members.map((m) => [m.user_id, m.side as Side])),
  };
}

type Period = { start: Date; end: Date };
const WEEK_MS = 7 * 86_400_000;

/**
 * The votes that began in the period: an (item, person) pair with an active reaction added in it, and
 * none added before it that is still active (whose vote began earlier). Only the period's reactions are
 * read (index `vote_reactions_team_added`), each checked by one lookup in `vote_reactions_item_voters`:
 * the cost follows the week, not the history. Same answer as "the pair's earliest active reaction is in
 * the period".
 */
export const votesCastQuery = (db: Kysely<Database>, teamId: string, period: Period) => {
  const start = period.start.toISOString();
  return db
    .selectFrom('vote_reactions as r')
    .select(['r.item_id', 'r.user_id', (eb) => eb.fn.min<string>('r.added_at').as('voted_at')])
    .where('r.team_id', '=', teamId)
    .where('r.added_at', '>', start)
    .where('r.added_at', '<=', period.end.toISOString())
    .where('r.active', '=', 1)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('vote_reactions as earlier')
            .select('earlier.item_id')
            .whereRef('earlier.item_id', '=', 'r.item_id')
            .where('earlier.active', '=', 1)
            .whereRef('earlier.user_id', '=', 'r.user_id')
            .where('earlier.added_at', '<=', start),
        ),
      ),
    )
    .groupBy(['r.item_id', 'r.user_id']);
};

/** The period's status changes, in order (index `status_changes_team_created`). */
export const statusChangesQuery = (db: Kysely<Database>, teamId: string, period: Period) =>
  db
    .selectFrom('status_changes')
    .select(['item_id', 'from_status', 'to_status', 'by_user_id', 'created_at'])
    .where('team_id', '=', teamId)
    .where('created_at', '>', period.start.toISOString())
    .where('created_at', '<=', period.end.toISOString())
    .orderBy('created_at');

/**
 * How many items were filed each week of the trend window (`week` 0 the oldest): one count per week, in
 * one statement, each counted by the database from a range of the index `items_team_created` alone (a
 * handful of numbers, not a row per item; a range count is cheaper than testing every row of the window
 * against each week).
 */
export const trendQuery = (db: Kysely<Database>, teamId: string, end: Date, weeks: number) => {
  const bound = (weeksBefore: number) => new Date(end.getTime() - weeksBefore * WEEK_MS).toISOString();
  const week = (k: number) =>
    db
      .selectFrom('items')
      .select((eb) => [eb.lit(k).as('week'), eb.fn.countAll<number>().as('n')])
      .where('team_id', '=', teamId)
      .where('created_at', '>', bound(weeks - k))
      .where('created_at', '<=', bound(weeks - k - 1));
  let q = week(0);
  for (let k = 1; k < weeks; k++) q = q.unionAll(week(k));
  return q;
};

/** Members whose side is known (primary key: the workspace's members, not its history). */
export const sidesQuery = (db: Kysely<Database>, teamId: string) =>
  db.selectFrom('members').select(['user_id', 'side']).where('team_id', '=', teamId).where('side', 'is not', null);
