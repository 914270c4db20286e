/**
 * A workspace's history, generated in bulk (not through Slack) for the benchmarks: items filed over
 * `years` before a digest week, with their votes, status changes, customers and merges, the members with
 * their sides, and then the week itself (items filed, votes, status changes) so that its digest has real
 * content. The week is the same whatever the history, so digests of the same week over histories of
 * different sizes can be compared.
 *
 *   const seeded = await seedHistory(db, { teamId: 'T0BENCH', items: 100_000, votes: 1_000_000, now });
 *   // seeded.period is the week (now - 7 days, now]; seeded.channelId holds every card.
 *
 * Deterministic for a given `seed`: the same options give the same rows on SQLite and PostgreSQL (ids
 * aside, which the databases assign). Rows go in through kysely as multi-row inserts, in transactions,
 * chunked to stay under SQLite's limit on bound parameters.
 */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type {
  Database,
  FeedbackCategory,
  ItemCustomersTable,
  ItemStatus,
  MembersTable,
  NewItem,
  Side,
  StatusChangesTable,
  VoteReactionsTable,
} from '../db/schema.js';

export interface SeedOptions {
  teamId: string;
  /** Items filed over the history, before the week. */
  items: number;
  /** Voting reactions (rows of vote_reactions) over the history, spread over its items, some removed. */
  votes: number;
  /** How far the history goes back from `now`. Default 2. */
  years?: number;
  /** The end of the digest week: history runs up to `now - 7 days`, the week is (now - 7 days, now]. */
  now: Date;
  /** The week's own activity, the same whatever the history. Default 60 items, 400 reactions, 30 status changes. */
  week?: { items: number; votes: number; changes: number };
  /** Members (users U0000000…), each with a side but one in ten. Default 499. */
  members?: number;
  /** Where every card is. Default C0TERRAIN. */
  channelId?: string;
  /** The random sequence. Default 1. */
  seed?: number;
}

export interface SeededHistory {
  period: { start: Date; end: Date };
  channelId: string;
  userIds: string[];
  /** Rows written, week included. */
  items: number;
  reactions: number;
  statusChanges: number;
  customers: number;
  members: number;
  ms: number;
}

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** Bound parameters per statement: SQLite allows 32,766, PostgreSQL 65,535. */
const MAX_PARAMETERS = 30_000;
const CATEGORIES: FeedbackCategory[] = ['need', 'need', 'need', 'objection', 'competitor', 'idea', 'praise'];
const PRODUCTS = ['Atlas', 'Beacon', 'Cobalt', 'Drift', 'Ember', 'Fjord', null, null];
const COMPETITORS = ['Northwind', 'Contoso', 'Globex', 'Initech', 'Umbrella'];
const WORDS = (
  'offline mode sso export pricing tier onboarding invoice dashboard mobile tablet audit trail api webhook ' +
  'retail banking logistics healthcare renewal discount procurement security review latency sync calendar ' +
  'integration reporting analytics permissions roles templates brochure webinar campaign landing page trial ' +
  'contract legal gdpr residency language french german spanish support chat phone onsite training partner ' +
  'reseller warranty shipping tracking barcode printer kiosk loyalty coupon checkout payroll badge compliance'
).split(' ');

/** mulberry32: small, fast and good enough to spread rows. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
/** Slack's event_ts form (`1795428000.000100`). */
const eventTs = (ms: number, n: number) => `${Math.floor(ms / 1000)}.${String(n % 1_000_000).padStart(6, '0')}`;

interface PlannedItem {
  row: Omit<NewItem, 'merged_into'>;
  createdMs: number;
  /** Index of the item it was merged into (filed earlier, in an earlier chunk). */
  mergedInto: number | null;
  changes: Array<{ from: ItemStatus; to: ItemStatus; at: number; by: string; reason: string | null }>;
  customers: string[];
}

/** Inserts rows in statements of at most MAX_PARAMETERS bound values. */
async function insertChunked<T extends keyof Database & string>(
  trx: Transaction<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += size) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + size) as any)
      .execute();
  }
}

export async function seedHistory(db: Kysely<Database>, options: SeedOptions): Promise<SeededHistory> {
  const t0 = performance.now();
  const rand = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const exp = (mean: number) => -Math.log(1 - rand()) * mean;
  const teamId = options.teamId;
  const channelId = options.channelId ?? 'C0TERRAIN';
  const week = options.week ?? { items: 60, votes: 400, changes: 30 };
  const end = options.now.getTime();
  const weekStart = end - WEEK;
  const historyStart = end - (options.years ?? 2) * 365 * DAY;

  // Members: four in ten on sales, three on marketing, two other, one who never said.
  const memberCount = options.members ?? 499;
  const userIds = Array.from({ length: memberCount }, (_, i) => `U${String(i).padStart(7, '0')}`);
  const sideOf = (u: number): Side | null =>
    (['sales', 'sales', 'sales', 'sales', 'marketing', 'marketing', 'marketing', 'other', 'other', null] as const)[u % 10]!;
  const salesUsers = userIds.filter((_, u) => sideOf(u) === 'sales');
  const marketers = userIds.filter((_, u) => sideOf(u) === 'marketing');

  const text = () => Array.from({ length: 6 + Math.floor(rand() * 10) }, () => pick(WORDS)).join(' ');
  const planItem = (index: number, createdMs: number, until: number): PlannedItem => {
    const flag = rand() < 0.2;
    const authorIndex = rand() < 0.75 ? userIds.indexOf(pick(salesUsers)) : Math.floor(rand() * memberCount);
    const customer = !flag && rand() < 0.2 ? `Account ${Math.floor(rand() * 300)}` : null;
    const at = iso(createdMs);
    const item: PlannedItem = {
      row: {
        team_id: teamId,
        kind: flag ? 'flag' : 'feedback',
        category: flag ? null : pick(CATEGORIES),
        text: `${text()} (${index})`,
        product: pick(PRODUCTS),
        customer,
        revenue: customer && rand() < 0.4 ? Math.round(rand() * 200) * 1000 : null,
        urgency: rand() < 0.3 ? pick(['low', 'medium', 'high'] as const) : null,
        competitor: rand() < 0.1 ? pick(COMPETITORS) : null,
        customer_need: flag ? text() : null,
        reason: flag ? text() : null,
        author_id: userIds[authorIndex]!,
        author_side: sideOf(authorIndex),
        source_channel_id: null,
        source_ts: null,
        source_permalink: null,
        status: 'new',
        card_channel_id: channelId,
        card_ts: eventTs(createdMs, index),
        card_state: 'posted',
        reply_to: null,
        locale: null,
        client_key: `seed:${index}`,
        first_response_at: null,
        created_at: at,
        updated_at: at,
      },
      createdMs,
      mergedInto: null,
      changes: [],
      customers: [],
    };
    if (rand() < 0.12) {
      const accounts = new Set<string>();
      for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) accounts.add(`Account ${Math.floor(rand() * 300)}`);
      item.customers = [...accounts];
    }
    // What marketing did with it before `until`: answered (most, sooner for older items), then perhaps planned,
    // shipped or declined. Recent items still wait more often, and a few old ones were never answered.
    const age = until - createdMs;
    const staysNew = age < 14 * DAY ? 0.5 : age < 60 * DAY ? 0.1 : 0.01;
    if (rand() < staysNew) return item;
    let at2 = createdMs + exp(2 * DAY);
    const move = (to: ItemStatus, reason: string | null = null) => {
      if (at2 > until) return false;
      const from = item.row.status as ItemStatus;
      item.changes.push({ from, to, at: at2, by: pick(marketers), reason });
      item.row.status = to;
      item.row.updated_at = iso(at2);
      if (from === 'new' && to !== 'merged') item.row.first_response_at = iso(at2);
      return true;
    };
    const r = rand();
    if (r < 0.03) {
      move('merged');
      return item;
    }
    if (!move('acknowledged')) return item;
    at2 += exp(20 * DAY);
    if (r < 0.2) move('declined', 'Not on the roadmap this year');
    else if (r < 0.55 && move('planned')) {
      at2 += exp(40 * DAY);
      if (rand() < 0.6) move('shipped');
    }
    return item;
  };

  // History: items filed at random times, oldest first (ids grow with time, as they do).
  const times = Array.from({ length: options.items }, () => historyStart + rand() * (weekStart - historyStart)).sort((a, b) => a - b);
  const planned = times.map((ms, i) => planItem(i, ms, weekStart));
  // The week: its items, and status changes on older ones that were still open.
  for (let i = 0; i < week.items; i++) planned.push(planItem(options.items + i, weekStart + 1 + rand() * (WEEK - 1), end));
  for (let i = options.items; i < planned.length; i++) {
    const item = planned[i]!;
    // Filed this week: most still wait for an answer at the week's end.
    if (item.row.status !== 'new' && item.row.status !== 'acknowledged') {
      item.changes = item.changes.slice(0, 1);
      item.row.status = item.changes[0]?.to ?? 'new';
    }
  }
  const open = planned
    .slice(0, options.items)
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.row.status === 'new' || p.row.status === 'acknowledged' || p.row.status === 'planned');
  for (let n = 0; n < week.changes && open.length > 0; n++) {
    const { p } = open.splice(Math.floor(rand() * open.length), 1)[0]!;
    const from = p.row.status as ItemStatus;
    const to: ItemStatus = from === 'new' ? 'acknowledged' : from === 'acknowledged' ? 'planned' : 'shipped';
    const at = weekStart + 1 + rand() * (WEEK - 1);
    p.changes.push({ from, to, at, by: pick(marketers), reason: null });
    p.row.status = to;
    p.row.updated_at = iso(at);
    if (from === 'new') p.row.first_response_at = iso(at);
  }

  const itemSize = Math.floor(MAX_PARAMETERS / 30);
  const ids: number[] = new Array(planned.length);
  let statusChanges = 0;
  let customers = 0;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('workspaces')
      .values({ team_id: teamId, channel_id: channelId, created_at: iso(historyStart), updated_at: iso(historyStart) })
      .onConflict((oc) => oc.column('team_id').doNothing())
      .execute();
    const members: Insertable<MembersTable>[] = userIds.map((user_id, u) => ({
      team_id: teamId,
      user_id,
      side: sideOf(u),
      locale: null,
      tz: 'Europe/Paris',
      profile_fetched_at: iso(historyStart),
      is_admin: 0,
      is_owner: 0,
      is_primary_owner: 0,
      display_name: `Person ${u}`,
      updated_at: iso(historyStart),
    }));
    await insertChunked(trx, 'members', members);

    for (let start = 0; start < planned.length; start += itemSize) {
      const chunk = planned.slice(start, start + itemSize);
      const rows = chunk.map((p) => {
        // A duplicate is merged into an item of an earlier chunk, whose id is known by now; in the first
        // chunk there is none, so it was acknowledged instead.
        if (p.row.status === 'merged' && start > 0) p.mergedInto = Math.floor(rand() * start);
        else if (p.row.status === 'merged' && p.changes[0]) {
          p.changes[0].to = 'acknowledged';
          p.row.status = 'acknowledged';
          p.row.first_response_at = iso(p.changes[0].at);
        }
        return { ...p.row, merged_into: p.mergedInto === null ? null : ids[p.mergedInto]! };
      });
      const inserted = await trx.insertInto('items').values(rows).returning('id').execute();
      // Each row takes the next id: sorted, they are the rows' ids in order.
      const got = inserted.map((r) => r.id).sort((a, b) => a - b);
      for (let k = 0; k < got.length; k++) ids[start + k] = got[k]!;
    }

    const changes: Insertable<StatusChangesTable>[] = [];
    const accounts: Insertable<ItemCustomersTable>[] = [];
    planned.forEach((p, i) => {
      for (const c of p.changes) {
        changes.push({
          team_id: teamId,
          item_id: ids[i]!,
          from_status: c.from,
          to_status: c.to,
          by_user_id: c.by,
          note: null,
          reason: c.reason,
          created_at: iso(c.at),
        });
      }
      for (const account of p.customers) {
        accounts.push({
          team_id: teamId,
          item_id: ids[i]!,
          account_key: account.toLowerCase(),
          account,
          revenue: rand() < 0.5 ? Math.round(rand() * 100) * 1000 : null,
          note: null,
          added_by: p.row.author_id,
          created_at: p.row.created_at,
        });
      }
    });
    changes.sort((a, b) => (a.created_at < b.created_at ? -1 : 1));
    await insertChunked(trx, 'status_changes', changes);
    await insertChunked(trx, 'item_customers', accounts);
    statusChanges = changes.length;
    customers = accounts.length;
  });

  const reactions = await seedReactions(db, {
    teamId,
    planned,
    ids,
    historyItems: options.items,
    votes: options.votes,
    weekVotes: week.votes,
    userIds,
    weekStart,
    end,
    rand,
  });

  return {
    period: { start: new Date(weekStart), end: options.now },
    channelId,
    userIds,
    items: planned.length,
    reactions,
    statusChanges,
    customers,
    members: userIds.length,
    ms: performance.now() - t0,
  };
}

/**
 * The votes. History: each item gets a share of `votes` from a heavy-tailed popularity (a few items draw
 * hundreds of reactions, most a handful), mostly in the days after it was filed; a person sometimes adds
 * a second voting reaction, sometimes removes one. The week: reactions on its own items and on older
 * ones (recent ones more often), some by people who had voted for them long ago (not new votes).
 */
async function seedReactions(
  db: Kysely<Database>,
  s: {
    teamId: string;
    planned: PlannedItem[];
    ids: number[];
    historyItems: number;
    votes: number;
    weekVotes: number;
    userIds: string[];
    weekStart: number;
    end: number;
    rand: () => number;
  },
): Promise<number> {
  const { rand, userIds } = s;
  const users = userIds.length;
  const n = s.historyItems;
  const exp = (mean: number) => -Math.log(1 - rand()) * mean;

  // How many reactions each item draws: at most one per person, the rest goes to the next items.
  const share = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    share[i] = rand() ** -0.7;
    total += share[i]!;
  }
  const counts = new Int32Array(n);
  let carry = 0;
  let given = 0;
  for (let i = 0; i < n; i++) {
    const want = (s.votes * share[i]!) / total + carry;
    const c = Math.min(users, Math.floor(want + rand()));
    carry = want - c;
    counts[i] = c;
    given += c;
  }
  for (let i = 0; given < s.votes && n > 0; i = (i + 1) % n) {
    if (counts[i]! < users) {
      counts[i]! += 1;
      given += 1;
    }
  }
  for (let i = n - 1; given > s.votes && n > 0; i = (i + n - 1) % n) {
    if (counts[i]! > 0) {
      counts[i]! -= 1;
      given -= 1;
    }
  }

  const size = Math.floor(MAX_PARAMETERS / 7);
  let buffer: Insertable<VoteReactionsTable>[] = [];
  let written = 0;
  let seq = 0;
  const push = async (trx: Transaction<Database>, item: number, user: string, reaction: string, addedMs: number, active: boolean) => {
    buffer.push({
      team_id: s.teamId,
      item_id: s.ids[item]!,
      user_id: user,
      reaction,
      active: active ? 1 : 0,
      // A removed reaction's latest event is its removal, some time after it was added.
      event_ts: eventTs(active ? addedMs : addedMs + 3_600_000, seq++),
      added_at: iso(addedMs),
    });
    if (buffer.length >= size) await flush(trx);
  };
  const flush = async (trx: Transaction<Database>) => {
    if (buffer.length === 0) return;
    await trx.insertInto('vote_reactions').values(buffer).execute();
    written += buffer.length;
    buffer = [];
  };

  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < n; i++) {
      const created = s.planned[i]!.createdMs;
      let left = counts[i]!;
      // Distinct people for this item: a stride through everyone (users is odd-sized, the stride coprime to it).
      const first = Math.floor(rand() * users);
      const stride = strideFor(users, rand);
      for (let j = 0; left > 0; j++) {
        const user = userIds[(first + j * stride) % users]!;
        let at = rand() < 0.85 ? created + exp(4 * DAY) : created + rand() * (s.weekStart - created);
        if (at > s.weekStart) at = created + rand() * (s.weekStart - created);
        const reaction = rand() < 0.01 ? 'terrain:vote' : '+1';
        await push(trx, i, user, reaction, at, rand() >= 0.08);
        left--;
        if (left > 0 && rand() < 0.2) {
          await push(trx, i, user, 'fire', Math.min(s.weekStart, at + exp(DAY)), rand() >= 0.08);
          left--;
        }
      }
    }
    // The week's reactions: 40% on its own items, the rest on older ones, recent ones more often.
    const seen = new Set<string>();
    const weekItems = s.planned.length - n;
    for (let v = 0; v < s.weekVotes; v++) {
      const own = weekItems > 0 && (n === 0 || rand() < 0.4);
      const item = own ? n + Math.floor(rand() * weekItems) : n - 1 - Math.floor(n * rand() ** 3);
      const user = userIds[Math.floor(rand() * users)]!;
      // A reaction name history does not use on older items, so no row collides with theirs.
      const reaction = own ? '+1' : '+1::skin-tone-4';
      const key = `${item}:${user}:${reaction}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const from = Math.max(s.weekStart, s.planned[item]!.createdMs);
      await push(trx, item, user, reaction, from + rand() * (s.end - from), rand() >= 0.05);
    }
    await flush(trx);
  });
  return written;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function strideFor(users: number, rand: () => number): number {
  if (users <= 1) return 1;
  for (;;) {
    const stride = 1 + Math.floor(rand() * (users - 1));
    if (gcd(stride, users) === 1) return stride;
  }
}
