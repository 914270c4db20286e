import type { ItemWithSupport } from '../../db/customers.js';
import type { DigestRows } from '../../db/digest.js';
import type { FeedbackCategory, Item, ItemKind, ItemStatus, Side } from '../../db/schema.js';
import { rankItems, type Support, withSupport } from '../domain/ranking.js';
import { median } from '../domain/triage.js';

/** How a digest shows one item. */
export interface DigestItem {
  id: number;
  kind: ItemKind;
  category: FeedbackCategory | null;
  text: string;
  authorId: string;
  status: ItemStatus;
  createdAt: string;
  /** All votes so far. */
  votes: number;
  /** Accounts behind it, each once (its own customer and those added). */
  customers: number;
  /** What those accounts have at stake, each counted once; null when nobody gave a figure. */
  revenueAtStake: number | null;
  /** Votes cast during the period. */
  periodVotes: number;
  link: string | null;
}

export interface SideCounts {
  items: number;
  votes: number;
}

/** Marketing's answers: how fast the items answered in the period were answered, and how many still wait. */
export interface Responses {
  /** Items whose first answer (their first move out of `new`) came in the period. */
  answered: number;
  /** The median time from filing to that first answer; null when none was answered. */
  medianMs: number | null;
  /** Items filed by the period's end and still `new`. */
  stillWaiting: number;
}

export interface DigestData {
  period: { start: Date; end: Date };
  /**
   * The whole scheduled period the digest belongs to, when it is not `period` itself (a preview, or a
   * digest posted early, covers it up to now): what the digest is called after.
   */
  labelPeriod?: { start: Date; end: Date };
  /** `bySide` counts only people whose side is known: the unknown are in no side, not in "other". */
  counts: { feedback: number; flags: number; votes: number; bySide: Record<Side, SideCounts> };
  /** New items per week, oldest first, the last week being the period's. */
  trend: number[];
  /** Items that got votes this period, best first. */
  topItems: DigestItem[];
  newFlags: DigestItem[];
  moved: Array<{ item: DigestItem; from: ItemStatus; to: ItemStatus; by: string; at: string }>;
  /** Shipped this period: who raised it, how many backed it. */
  shipped: Array<{ item: DigestItem; voters: number }>;
  waiting: DigestItem[];
  waitingCount: number;
  responses: Responses;
  competitors: Array<{ name: string; count: number }>;
  voices: Array<{ userId: string; filed: number; voted: number }>;
  filed: DigestItem[];
  quiet: boolean;
}

export const TREND_WEEKS = 8;
export const WAITING_DAYS = 7;

const BARS = '▁▂▃▄▅▆▇█';

/** A small Unicode sparkline: one bar per value, scaled to the largest. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values.map((v) => (max === 0 ? BARS[0] : BARS[Math.min(7, Math.round((v / max) * 7))])).join('');
}

/**
 * What ranks an item in a weekly digest: the votes of the period with its customers and revenue at stake
 * (`rankScore`, as on Home and in search). The period's votes, not all of them: an item that was voted
 * for months ago would otherwise top every digest, while the list is about what the field backed now.
 */
export const periodSupport = (item: DigestItem): Support => ({ ...item, votes: item.periodVotes });

/** Best first by `rankScore` of the period's support; ties to the most voted in all, then the oldest. */
export function rankTopItems(items: readonly DigestItem[]): DigestItem[] {
  return rankItems(items, periodSupport);
}

/** Competitors named in the period's feedback, counted case-insensitively, most mentioned first. */
export function countCompetitors(names: ReadonlyArray<string | null>): Array<{ name: string; count: number }> {
  const byKey = new Map<string, { name: string; count: number }>();
  for (const raw of names) {
    const name = raw?.trim().replace(/\s+/g, ' ');
    if (!name) continue;
    const key = name.toLocaleLowerCase();
    const entry = byKey.get(key) ?? { name, count: 0 };
    entry.count += 1;
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** The people who spoke up most: items filed plus votes cast in the period. */
export function rankVoices(
  filedBy: readonly string[],
  votedBy: readonly string[],
): Array<{ userId: string; filed: number; voted: number }> {
  const people = new Map<string, { userId: string; filed: number; voted: number }>();
  const get = (userId: string) => {
    const p = people.get(userId) ?? { userId, filed: 0, voted: 0 };
    people.set(userId, p);
    return p;
  };
  for (const u of filedBy) get(u).filed += 1;
  for (const u of votedBy) get(u).voted += 1;
  return [...people.values()].sort(
    (a, b) => b.filed + b.voted - (a.filed + a.voted) || b.filed - a.filed || a.userId.localeCompare(b.userId),
  );
}

/** Who the digest names (without pinging): authors of new flags and of what waits, the top voices. */
export function peopleNamed(data: DigestData): string[] {
  return [
    ...new Set([
      ...data.newFlags.map((i) => i.authorId),
      ...data.waiting.map((i) => i.authorId),
      ...data.voices.slice(0, 3).map((v) => v.userId),
    ]),
  ];
}

/** Turns the period's rows into what the digest says, ranked. Pure: no Slack, no SQL. */
export function composeDigest(
  rows: DigestRows,
  period: { start: Date; end: Date },
  linkFor: (item: Pick<Item, 'card_channel_id' | 'card_ts'>) => string | null,
  labelPeriod?: { start: Date; end: Date },
): DigestData {
  const periodVotes = new Map<number, number>();
  for (const v of rows.votesCast) periodVotes.set(v.item_id, (periodVotes.get(v.item_id) ?? 0) + 1);
  const view = (row: ItemWithSupport): DigestItem => {
    const i = withSupport(row);
    return {
      id: i.id,
      kind: i.kind,
      category: i.category,
      text: i.text,
      authorId: i.author_id,
      status: i.status,
      createdAt: i.created_at,
      votes: i.votes,
      customers: i.customers,
      revenueAtStake: i.revenueAtStake,
      periodVotes: periodVotes.get(i.id) ?? 0,
      link: linkFor(i),
    };
  };

  const bySide: Record<Side, SideCounts> = {
    sales: { items: 0, votes: 0 },
    marketing: { items: 0, votes: 0 },
    other: { items: 0, votes: 0 },
  };
  // Someone who never said their side is on none: counting them as "other" would make a side up.
  for (const i of rows.itemsFiled) {
    const side = i.author_side ?? rows.sides.get(i.author_id);
    if (side) bySide[side].items += 1;
  }
  for (const v of rows.votesCast) {
    const side = rows.sides.get(v.user_id);
    if (side) bySide[side].votes += 1;
  }

  const filed = rows.itemsFiled.map(view);
  const moved = rows.statusChanges.map((c) => ({
    item: view(c.item),
    from: c.from_status,
    to: c.to_status,
    by: c.by_user_id,
    at: c.created_at,
  }));
  const shipped = moved.filter((m) => m.to === 'shipped').map((m) => ({ item: m.item, voters: m.item.votes }));

  return {
    period,
    ...(labelPeriod ? { labelPeriod } : {}),
    counts: {
      feedback: filed.filter((i) => i.kind === 'feedback').length,
      flags: filed.filter((i) => i.kind === 'flag').length,
      votes: rows.votesCast.length,
      bySide,
    },
    trend: rows.trend,
    topItems: rankTopItems(rows.votedItems.map(view)),
    newFlags: filed.filter((i) => i.kind === 'flag'),
    moved,
    shipped,
    waiting: rows.waiting.map(view),
    waitingCount: rows.waitingCount,
    responses: {
      answered: rows.responses.waitsMs.length,
      medianMs: median(rows.responses.waitsMs),
      stillWaiting: rows.responses.waitingCount,
    },
    competitors: countCompetitors(rows.itemsFiled.map((i) => i.competitor)),
    voices: rankVoices(
      rows.itemsFiled.map((i) => i.author_id),
      rows.votesCast.map((v) => v.user_id),
    ),
    filed,
    quiet: filed.length === 0 && rows.votesCast.length === 0 && moved.length === 0,
  };
}
