import { type Kysely, sql } from 'kysely';
import { numericVotes, voteCount } from './items.js';
import type { Database, Item, ItemStatus, Side } from './schema.js';

/** Everything one digest period needs, read in a handful of queries. Times are (start, end]. */
export interface DigestRows {
  itemsFiled: Array<Item & { votes: number }>;
  /** Votes that began in the period: (item, user) pairs whose first active reaction is in it. */
  votesCast: Array<{ item_id: number; user_id: string; voted_at: string }>;
  /** Items that received those votes (may be older than the period). */
  votedItems: Array<Item & { votes: number }>;
  statusChanges: Array<{
    item_id: number;
    from_status: ItemStatus;
    to_status: ItemStatus;
    by_user_id: string;
    created_at: string;
    item: Item & { votes: number };
  }>;
  waiting: Array<Item & { votes: number }>;
  waitingCount: number;
  /** Items whose first answer from marketing came in the period: when filed, when answered. */
  firstResponses: Array<{ created_at: string; first_response_at: string }>;
  /** Items filed by the period's end that are still `new`. */
  awaitingAnswer: number;
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
  const waitingBefore = new Date(period.end.getTime() - options.waitingDays * 86_400_000).toISOString();

  const itemsFiled = await db
    .selectFrom('items')
    .selectAll('items')
    .select(voteCount)
    .where('items.team_id', '=', teamId)
    .where('items.created_at', '>', start)
    .where('items.created_at', '<=', end)
    .orderBy('items.id')
    .execute();

  const votesCast = await db
    .selectFrom('vote_reactions')
    .select(['item_id', 'user_id', sql<string>`min(added_at)`.as('voted_at')])
    .where('team_id', '=', teamId)
    .where('active', '=', 1)
    .groupBy(['item_id', 'user_id'])
    .having(sql<string>`min(added_at)`, '>', start)
    .having(sql<string>`min(added_at)`, '<=', end)
    .execute();

  const votedIds = [...new Set(votesCast.map((v) => v.item_id))];
  const votedItems =
    votedIds.length === 0
      ? []
      : await db
          .selectFrom('items')
          .selectAll('items')
          .select(voteCount)
          .where('items.team_id', '=', teamId)
          .where('items.id', 'in', votedIds)
          .execute();

  const changes = await db
    .selectFrom('status_changes')
    .select(['item_id', 'from_status', 'to_status', 'by_user_id', 'created_at'])
    .where('team_id', '=', teamId)
    .where('created_at', '>', start)
    .where('created_at', '<=', end)
    .orderBy('created_at')
    .execute();
  const changedIds = [...new Set(changes.map((c) => c.item_id))];
  const changedItems =
    changedIds.length === 0
      ? []
      : numericVotes(await db.selectFrom('items').selectAll('items').select(voteCount).where('items.id', 'in', changedIds).execute());
  const byId = new Map(changedItems.map((i) => [i.id, i]));

  const waitingQuery = db
    .selectFrom('items')
    .where('items.team_id', '=', teamId)
    .where('items.status', '=', 'new')
    .where('items.created_at', '<=', waitingBefore);
  const waiting = await waitingQuery
    .selectAll('items')
    .select(voteCount)
    .orderBy('items.created_at')
    .orderBy('items.id')
    .limit(options.waitingLimit)
    .execute();
  const waitingCount = await waitingQuery.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();

  const firstResponses = await listFirstResponses(db, teamId, period);
  const awaitingAnswer = await countAwaitingAnswer(db, teamId, period.end);

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
    itemsFiled: numericVotes(itemsFiled),
    votesCast,
    votedItems: numericVotes(votedItems),
    statusChanges: changes.flatMap((c) => {
      const item = byId.get(c.item_id);
      return item ? [{ ...c, item }] : [];
    }),
    waiting: numericVotes(waiting),
    waitingCount: Number(waitingCount.n),
    firstResponses,
    awaitingAnswer,
    trendCreatedAt: trend.map((t) => t.created_at),
    sides: new Map(members.map((m) => [m.user_id, m.side as Side])),
  };
}

/**
 * Items first answered by marketing in the period (their first move out of `new`, recorded in
 * items.first_response_at), with when they were filed: the digest's response time.
 */
export async function listFirstResponses(
  db: Kysely<Database>,
  teamId: string,
  period: { start: Date; end: Date },
): Promise<Array<{ created_at: string; first_response_at: string }>> {
  const rows = await db
    .selectFrom('items')
    .select(['created_at', 'first_response_at'])
    .where('team_id', '=', teamId)
    .where('first_response_at', '>', period.start.toISOString())
    .where('first_response_at', '<=', period.end.toISOString())
    .execute();
  return rows.flatMap((r) => (r.first_response_at ? [{ created_at: r.created_at, first_response_at: r.first_response_at }] : []));
}

/** Items filed by `end` that still wait for marketing's first answer (status `new`). */
export async function countAwaitingAnswer(db: Kysely<Database>, teamId: string, end: Date): Promise<number> {
  const row = await db
    .selectFrom('items')
    .select(sql<number>`count(*)`.as('n'))
    .where('team_id', '=', teamId)
    .where('status', '=', 'new')
    .where('created_at', '<=', end.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
