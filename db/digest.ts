import { type Kysely, sql } from 'kysely';
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
  /** created_at of every item filed in the trend window, for the weekly sparkline. */
  trendCreatedAt: string[];
  sides: Map<string, Side>;
}

export async function readDigestRows(
  db: Kysely<Database>,
  teamId: string,
  period: { start: Date; end: Date },
  options: { waitingDays: number; trendStart: Date; waitingLimit: number },
): Promise<DigestRows> {
  const start = period.start.toISOString();
  const end = period.end.toISOString();

  const itemsFiled = await listItemsWithSupport(db, teamId, { createdAfter: period.start, createdUntil: period.end });

  const votesCast = await db
    .selectFrom('vote_reactions')
    .select(['item_id', 'user_id', sql<string>`min(added_at)`.as('voted_at')])
    .where('team_id', '=', teamId)
    .where('active', '=', 1)
    .groupBy(['item_id', 'user_id'])
    .having(sql<string>`min(added_at)`, '>', start)
    .having(sql<string>`min(added_at)`, '<=', end)
    .execute();
  const votedItems = await listItemsWithSupport(db, teamId, { ids: [...new Set(votesCast.map((v) => v.item_id))] });

  const changes = await db
    .selectFrom('status_changes')
    .select(['item_id', 'from_status', 'to_status', 'by_user_id', 'created_at'])
    .where('team_id', '=', teamId)
    .where('created_at', '>', start)
    .where('created_at', '<=', end)
    .orderBy('created_at')
    .execute();
  const changedItems = await listItemsWithSupport(db, teamId, { ids: [...new Set(changes.map((c) => c.item_id))] });
  const byId = new Map(changedItems.map((i) => [i.id, i]));

  const waiting = await listWaitingForAnswer(db, teamId, {
    filedBy: new Date(period.end.getTime() - options.waitingDays * 86_400_000),
    limit: options.waitingLimit,
  });
  const { waitsMs, waitingCount } = await responseTimes(db, teamId, period, { waitingLimit: 0 });

  const trend = await db
    .selectFrom('items')
    .select('created_at')
    .where('team_id', '=', teamId)
    .where('created_at', '>', options.trendStart.toISOString())
    .where('created_at', '<=', end)
    .execute();

  const members = await db
    .selectFrom('members')
    .select(['user_id', 'side'])
    .where('team_id', '=', teamId)
    .where('side', 'is not', null)
    .execute();

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
    trendCreatedAt: trend.map((t) => t.created_at),
    sides: new Map(members.map((m) => [m.user_id, m.side as Side])),
  };
}
