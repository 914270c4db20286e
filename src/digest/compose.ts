import type { DigestRows } from '../../db/digest.js';
import type { FeedbackCategory, Item, ItemKind, ItemStatus, Side } from '../../db/schema.js';

/** How a digest shows one item. */
export interface DigestItem {
  id: number;
  kind: ItemKind;
  category: FeedbackCategory | null;
  text: string;
  authorId: string;
  revenue: number | null;
  status: ItemStatus;
  createdAt: string;
  /** All votes so far. */
  votes: number;
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
const WEEK = 7 * 86_400_000;

const BARS = '▁▂▃▄▅▆▇█';

/** A small Unicode sparkline: one bar per value, scaled to the largest. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values.map((v) => (max === 0 ? BARS[0] : BARS[Math.min(7, Math.round((v / max) * 7))])).join('');
}

/** New items per week over `weeks` weeks ending at `end` (the last bucket is (end - 7 days, end]). */
export function weeklyCounts(createdAt: readonly string[], end: Date, weeks = TREND_WEEKS): number[] {
  const counts = new Array<number>(weeks).fill(0);
  for (const at of createdAt) {
    const age = end.getTime() - Date.parse(at);
    if (age < 0) continue;
    // Bucket k (from the end) holds (end - 7(k+1) days, end - 7k days], like the periods themselves.
    const bucket = weeks - 1 - Math.floor(age / WEEK);
    if (bucket >= 0) counts[bucket]! += 1;
  }
  return counts;
}

/** Best first: votes cast this period, then revenue at stake, then all votes, then the oldest. */
export function rankTopItems(items: readonly DigestItem[]): DigestItem[] {
  return [...items].sort(
    (a, b) => b.periodVotes - a.periodVotes || (b.revenue ?? 0) - (a.revenue ?? 0) || b.votes - a.votes || a.id - b.id,
  );
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

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** How long each item answered in the period waited for its first answer, and the median of it. */
export function responseTimes(answered: ReadonlyArray<{ created_at: string; first_response_at: string }>, stillWaiting: number): Responses {
  const waits = answered.map((a) => Math.max(0, Date.parse(a.first_response_at) - Date.parse(a.created_at)));
  return { answered: answered.length, medianMs: median(waits), stillWaiting };
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
  const view = (i: Item & { votes: number }): DigestItem => ({
    id: i.id,
    kind: i.kind,
    category: i.category,
    text: i.text,
    authorId: i.author_id,
    revenue: i.revenue,
    status: i.status,
    createdAt: i.created_at,
    votes: i.votes,
    periodVotes: periodVotes.get(i.id) ?? 0,
    link: linkFor(i),
  });

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
    trend: weeklyCounts(rows.trendCreatedAt, period.end),
    topItems: rankTopItems(rows.votedItems.map(view)),
    newFlags: filed.filter((i) => i.kind === 'flag'),
    moved,
    shipped,
    waiting: rows.waiting.map(view),
    waitingCount: rows.waitingCount,
    responses: responseTimes(rows.firstResponses, rows.awaitingAnswer),
    competitors: countCompetitors(rows.itemsFiled.map((i) => i.competitor)),
    voices: rankVoices(
      rows.itemsFiled.map((i) => i.author_id),
      rows.votesCast.map((v) => v.user_id),
    ),
    filed,
    quiet: filed.length === 0 && rows.votesCast.length === 0 && moved.length === 0,
  };
}
