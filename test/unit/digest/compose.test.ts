import { describe, expect, it } from 'vitest';
import type { ItemWithSupport } from '../../../db/customers.js';
import type { DigestRows } from '../../../db/digest.js';
import type { Item, ItemStatus, Side } from '../../../db/schema.js';
import {
  composeDigest,
  countCompetitors,
  type DigestItem,
  peopleNamed,
  rankTopItems,
  rankVoices,
  sparkline,
} from '../../../src/digest/compose.js';
import { rankScore } from '../../../src/domain/ranking.js';
import { storedItem } from '../../support/fixtures.js';

const DAY = 86_400_000;

const END = new Date('2026-01-12T08:00:00.000Z');
const START = new Date('2026-01-05T08:00:00.000Z');
const PERIOD = { start: START, end: END };

type Row = ItemWithSupport;

function item(id: number, over: Partial<Row> = {}): Row {
  return storedItem(id, {
    team_id: 'T0TEAM',
    category: 'idea',
    author_id: 'U0SALES',
    author_side: null,
    card_channel_id: 'C0CARDS',
    ...over,
  });
}

function rows(over: Partial<DigestRows> = {}): DigestRows {
  return {
    itemsFiled: [],
    votesCast: [],
    votedItems: [],
    statusChanges: [],
    waiting: [],
    waitingCount: 0,
    responses: { waitsMs: [], waitingCount: 0 },
    trend: [0, 0, 0, 0, 0, 0, 0, 0],
    sides: new Map<string, Side>(),
    ...over,
  };
}

const vote = (item_id: number, user_id: string, voted_at = '2026-01-08T10:00:00.000Z') => ({ item_id, user_id, voted_at });

function change(i: Row, from: ItemStatus, to: ItemStatus, by = 'U0MKT', at = '2026-01-09T10:00:00.000Z') {
  return { item_id: i.id, from_status: from, to_status: to, by_user_id: by, created_at: at, item: i };
}

const linkFor = (i: Pick<Item, 'card_channel_id' | 'card_ts'>) =>
  i.card_ts ? `https://acme.slack.com/archives/${i.card_channel_id}/p${i.card_ts.replace('.', '')}` : null;

function digestItem(id: number, over: Partial<DigestItem> = {}): DigestItem {
  return {
    id,
    kind: 'feedback',
    category: null,
    text: `Item ${id}`,
    authorId: 'U0SALES',
    status: 'new',
    createdAt: '2026-01-07T10:00:00.000Z',
    votes: 0,
    customers: 0,
    revenueAtStake: null,
    periodVotes: 0,
    link: null,
    ...over,
  };
}

describe('sparkline', () => {
  it('draws one bar per value, on eight levels scaled to the largest', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([0, 2, 4, 6, 8, 10, 12, 14])).toBe('▁▂▃▄▅▆▇█');
  });

  it('draws the largest value as a full bar and zero as the lowest', () => {
    expect(sparkline([0, 100])).toBe('▁█');
    expect(sparkline([3, 0, 3])).toBe('█▁█');
  });

  it('rounds to the nearest level', () => {
    // 1/14 of the largest is half a level: rounds up to the second bar; 1/100 stays on the first.
    expect(sparkline([1, 14])).toBe('▂█');
    expect(sparkline([1, 100])).toBe('▁█');
  });

  it('draws all-zero weeks as a flat line of the lowest bar', () => {
    expect(sparkline([0, 0, 0, 0, 0, 0, 0, 0])).toBe('▁▁▁▁▁▁▁▁');
  });

  it('draws a single value as a full bar, or the lowest one when it is zero', () => {
    expect(sparkline([5])).toBe('█');
    expect(sparkline([0])).toBe('▁');
  });

  it('draws nothing for no values', () => {
    expect(sparkline([])).toBe('');
  });

  it('draws equal values as full bars', () => {
    expect(sparkline([2, 2, 2])).toBe('███');
  });
});

describe('rankTopItems', () => {
  it('ranks by this period’s votes, not all of them: what was voted months ago does not top every digest', () => {
    const ranked = rankTopItems([
      digestItem(1, { periodVotes: 1, votes: 10 }),
      digestItem(2, { periodVotes: 3, votes: 3 }),
      digestItem(3, { periodVotes: 2, votes: 2 }),
    ]);
    expect(ranked.map((i) => i.id)).toEqual([2, 3, 1]);
  });

  it('ranks with rankScore, as Home and search do: customers and revenue at stake lift an item voted a little less this week', () => {
    const backed = digestItem(1, { periodVotes: 2, votes: 2, customers: 1, revenueAtStake: 90_000 });
    const voted = digestItem(2, { periodVotes: 4, votes: 4 });
    expect(rankScore({ votes: 2, customers: 1, revenueAtStake: 90_000 })).toBeGreaterThan(
      rankScore({ votes: 4, customers: 0, revenueAtStake: null }),
    );
    expect(rankTopItems([voted, backed]).map((i) => i.id)).toEqual([1, 2]);
    // The same score as `rankScore` of the period's support, whatever the votes of other weeks.
    expect(rankTopItems([digestItem(3, { periodVotes: 5, votes: 5 }), { ...backed, votes: 40 }]).map((i) => i.id)).toEqual([1, 3]);
  });

  it('with the same votes this period, more revenue at stake ranks higher (none counts as zero)', () => {
    const ranked = rankTopItems([
      digestItem(1, { periodVotes: 2, revenueAtStake: null, votes: 9 }),
      digestItem(2, { periodVotes: 2, revenueAtStake: 10_000 }),
      digestItem(3, { periodVotes: 2, revenueAtStake: 50_000 }),
    ]);
    expect(ranked.map((i) => i.id)).toEqual([3, 2, 1]);
  });

  it('then by all votes', () => {
    const ranked = rankTopItems([
      digestItem(1, { periodVotes: 2, revenueAtStake: 5, votes: 2 }),
      digestItem(2, { periodVotes: 2, revenueAtStake: 5, votes: 7 }),
    ]);
    expect(ranked.map((i) => i.id)).toEqual([2, 1]);
  });

  it('then the oldest (smallest id) first', () => {
    const ranked = rankTopItems([digestItem(9, { periodVotes: 1 }), digestItem(4, { periodVotes: 1 }), digestItem(7, { periodVotes: 1 })]);
    expect(ranked.map((i) => i.id)).toEqual([4, 7, 9]);
  });

  it('does not reorder its input', () => {
    const input = [digestItem(1), digestItem(2, { periodVotes: 5 })];
    rankTopItems(input);
    expect(input.map((i) => i.id)).toEqual([1, 2]);
  });
});

describe('countCompetitors', () => {
  it('counts names case-insensitively, keeping the first spelling', () => {
    expect(countCompetitors(['Acme', 'ACME', 'acme'])).toEqual([{ name: 'Acme', count: 3 }]);
  });

  it('trims names and folds inner spaces', () => {
    expect(countCompetitors(['  Big  Corp ', 'big corp', 'Big\tCorp'])).toEqual([{ name: 'Big Corp', count: 3 }]);
  });

  it('ignores missing and blank names', () => {
    expect(countCompetitors([null, '', '   ', 'Acme'])).toEqual([{ name: 'Acme', count: 1 }]);
    expect(countCompetitors([])).toEqual([]);
  });

  it('lists the most mentioned first, ties by name', () => {
    expect(countCompetitors(['Zeta', 'Beta', 'Alpha', 'Beta', 'zeta', 'Gamma'])).toEqual([
      { name: 'Beta', count: 2 },
      { name: 'Zeta', count: 2 },
      { name: 'Alpha', count: 1 },
      { name: 'Gamma', count: 1 },
    ]);
  });
});

describe('rankVoices', () => {
  it('counts what each person filed and voted', () => {
    expect(rankVoices(['U1', 'U1', 'U2'], ['U2', 'U3'])).toEqual([
      { userId: 'U1', filed: 2, voted: 0 },
      { userId: 'U2', filed: 1, voted: 1 },
      { userId: 'U3', filed: 0, voted: 1 },
    ]);
  });

  it('ranks by filed plus voted, then by filed, then by user id', () => {
    const voices = rankVoices(['UB', 'UC', 'UC'], ['UA', 'UA', 'UA', 'UB', 'UB', 'UD']);
    expect(voices.map((v) => v.userId)).toEqual(['UB', 'UA', 'UC', 'UD']);
  });

  it('is empty when nobody spoke up', () => {
    expect(rankVoices([], [])).toEqual([]);
  });
});

describe('composeDigest', () => {
  it('keeps the period it was given', () => {
    expect(composeDigest(rows(), PERIOD, linkFor).period).toBe(PERIOD);
  });

  it('counts new items by kind', () => {
    const data = composeDigest(
      rows({ itemsFiled: [item(1), item(2), item(3, { kind: 'flag', category: null }), item(4)] }),
      PERIOD,
      linkFor,
    );
    expect(data.counts.feedback).toBe(3);
    expect(data.counts.flags).toBe(1);
    expect(data.filed.map((i) => i.id)).toEqual([1, 2, 3, 4]);
  });

  it('counts an item on its author_side, else on the member’s side, and an author whose side nobody knows on no side', () => {
    const data = composeDigest(
      rows({
        itemsFiled: [
          item(1, { author_id: 'U0A', author_side: 'marketing' }), // recorded side wins over the member's
          item(2, { author_id: 'U0A', author_side: null }), // member side: sales
          item(3, { author_id: 'U0B', author_side: null }), // member side: marketing
          item(4, { author_id: 'U0UNKNOWN', author_side: null }), // nobody knows: on no side, not on "other"
          item(5, { author_id: 'U0UNKNOWN', author_side: 'sales' }),
          item(6, { author_id: 'U0C', author_side: null }), // said "other"
        ],
        sides: new Map<string, Side>([
          ['U0A', 'sales'],
          ['U0B', 'marketing'],
          ['U0C', 'other'],
        ]),
      }),
      PERIOD,
      linkFor,
    );
    expect(data.counts.feedback).toBe(6);
    expect(data.counts.bySide.sales.items).toBe(2);
    expect(data.counts.bySide.marketing.items).toBe(2);
    expect(data.counts.bySide.other.items).toBe(1);
  });

  it('an item whose author said no side is counted on no side at all', () => {
    const data = composeDigest(
      rows({
        itemsFiled: [item(1, { author_id: 'U0UNKNOWN', author_side: null })],
        sides: new Map<string, Side>([['U0A', 'sales']]),
      }),
      PERIOD,
      linkFor,
    );
    expect(data.counts.feedback).toBe(1);
    expect(data.counts.bySide).toEqual({
      sales: { items: 0, votes: 0 },
      marketing: { items: 0, votes: 0 },
      other: { items: 0, votes: 0 },
    });
  });

  it('counts votes by the voter’s side, and a voter whose side nobody knows on no side', () => {
    const voted = item(7, { votes: 4 });
    const data = composeDigest(
      rows({
        votesCast: [vote(7, 'U0A'), vote(7, 'U0B'), vote(7, 'U0C'), vote(7, 'U0NOBODY')],
        votedItems: [voted],
        sides: new Map<string, Side>([
          ['U0A', 'sales'],
          ['U0B', 'sales'],
          ['U0C', 'marketing'],
        ]),
      }),
      PERIOD,
      linkFor,
    );
    expect(data.counts.votes).toBe(4);
    expect(data.counts.bySide).toEqual({
      sales: { items: 0, votes: 2 },
      marketing: { items: 0, votes: 1 },
      other: { items: 0, votes: 0 },
    });
  });

  it('ranks the items voted this period, with their votes this period and in all', () => {
    const a = item(1, { votes: 5, revenue: null });
    const b = item(2, { votes: 2, revenue: 80_000 });
    const c = item(3, { votes: 2, revenue: null });
    const data = composeDigest(
      rows({
        votesCast: [vote(1, 'U1'), vote(2, 'U1'), vote(2, 'U2'), vote(3, 'U3'), vote(3, 'U4')],
        votedItems: [a, c, b],
      }),
      PERIOD,
      linkFor,
    );
    expect(data.topItems.map((i) => [i.id, i.periodVotes, i.votes])).toEqual([
      [2, 2, 2],
      [3, 2, 2],
      [1, 1, 5],
    ]);
  });

  it('shows each item with its fields, period votes and link', () => {
    const i = item(12, {
      kind: 'flag',
      category: null,
      text: 'Deck is outdated',
      author_id: 'U0FIELD',
      revenue: 50_000,
      status: 'acknowledged',
      created_at: '2026-01-06T09:00:00.000Z',
      votes: 3,
      card_channel_id: 'C0CARDS',
      card_ts: '1767690000.000100',
    });
    const data = composeDigest(rows({ itemsFiled: [i], votesCast: [vote(12, 'U1')], votedItems: [i] }), PERIOD, linkFor);
    expect(data.filed[0]).toEqual({
      id: 12,
      kind: 'flag',
      category: null,
      text: 'Deck is outdated',
      authorId: 'U0FIELD',
      status: 'acknowledged',
      createdAt: '2026-01-06T09:00:00.000Z',
      votes: 3,
      customers: 0,
      revenueAtStake: 50_000,
      periodVotes: 1,
      link: 'https://acme.slack.com/archives/C0CARDS/p1767690000000100',
    });
  });

  it('counts the customers behind an item once each, the item’s own customer not twice, and what they have at stake', () => {
    const row = (account: string, revenue: number | null) => ({
      item_id: 12,
      account_key: account.toLowerCase(),
      account,
      revenue,
      added_by: 'U0S2',
    });
    const i = item(12, { customer: 'Globex', revenue: 50_000, votes: 2, customers: [row('GLOBEX', 80_000), row('Initech', 30_000)] });
    const data = composeDigest(rows({ votesCast: [vote(12, 'U1')], votedItems: [i] }), PERIOD, linkFor);
    expect(data.topItems[0]).toMatchObject({ id: 12, votes: 2, periodVotes: 1, customers: 2, revenueAtStake: 80_000 });
  });

  it('gives an item without a posted card no link', () => {
    const data = composeDigest(rows({ itemsFiled: [item(1, { card_ts: null })] }), PERIOD, linkFor);
    expect(data.filed[0]!.link).toBeNull();
  });

  it('lists the new flags in filing order', () => {
    const data = composeDigest(rows({ itemsFiled: [item(1, { kind: 'flag' }), item(2), item(3, { kind: 'flag' })] }), PERIOD, linkFor);
    expect(data.newFlags.map((i) => i.id)).toEqual([1, 3]);
    expect(data.newFlags.every((i) => i.kind === 'flag')).toBe(true);
  });

  it('credits what shipped this period to its author and its voters', () => {
    const shippedItem = item(5, { author_id: 'U0RAISER', status: 'shipped', votes: 6 });
    const planned = item(6, { status: 'planned', votes: 1 });
    const data = composeDigest(
      rows({
        statusChanges: [change(planned, 'new', 'planned'), change(shippedItem, 'planned', 'shipped', 'U0MKT', '2026-01-10T10:00:00.000Z')],
      }),
      PERIOD,
      linkFor,
    );
    expect(data.shipped).toHaveLength(1);
    expect(data.shipped[0]!.item.id).toBe(5);
    expect(data.shipped[0]!.item.authorId).toBe('U0RAISER');
    expect(data.shipped[0]!.voters).toBe(6);
    expect(data.moved.map((m) => [m.item.id, m.from, m.to, m.by, m.at])).toEqual([
      [6, 'new', 'planned', 'U0MKT', '2026-01-09T10:00:00.000Z'],
      [5, 'planned', 'shipped', 'U0MKT', '2026-01-10T10:00:00.000Z'],
    ]);
  });

  it('does not credit a change away from shipped as shipped', () => {
    const i = item(5, { status: 'planned' });
    const data = composeDigest(rows({ statusChanges: [change(i, 'shipped', 'planned')] }), PERIOD, linkFor);
    expect(data.shipped).toEqual([]);
    expect(data.moved).toHaveLength(1);
  });

  it('passes on what is waiting and how much waits in all', () => {
    const data = composeDigest(
      rows({ waiting: [item(1, { created_at: '2025-12-01T10:00:00.000Z' }), item(2)], waitingCount: 42 }),
      PERIOD,
      linkFor,
    );
    expect(data.waiting.map((i) => i.id)).toEqual([1, 2]);
    expect(data.waitingCount).toBe(42);
  });

  it('counts the competitors and the voices of the period', () => {
    const data = composeDigest(
      rows({
        itemsFiled: [
          item(1, { competitor: 'Acme', author_id: 'U1' }),
          item(2, { competitor: ' acme ', author_id: 'U1' }),
          item(3, { competitor: 'Globex', author_id: 'U2' }),
          item(4, { author_id: 'U3' }),
        ],
        votesCast: [vote(9, 'U3'), vote(9, 'U4')],
        votedItems: [item(9)],
      }),
      PERIOD,
      linkFor,
    );
    expect(data.competitors).toEqual([
      { name: 'Acme', count: 2 },
      { name: 'Globex', count: 1 },
    ]);
    expect(data.voices).toEqual([
      { userId: 'U1', filed: 2, voted: 0 },
      { userId: 'U3', filed: 1, voted: 1 },
      { userId: 'U2', filed: 1, voted: 0 },
      { userId: 'U4', filed: 0, voted: 1 },
    ]);
  });

  it('shows the weekly counts the rows give, oldest week first (the database counts them: test/db/digest.test.ts)', () => {
    const data = composeDigest(rows({ trend: [0, 0, 0, 0, 0, 0, 1, 2] }), PERIOD, linkFor);
    expect(data.trend).toEqual([0, 0, 0, 0, 0, 0, 1, 2]);
  });

  it('is quiet with no items, no votes and no changes, even with items waiting', () => {
    expect(composeDigest(rows(), PERIOD, linkFor).quiet).toBe(true);
    expect(composeDigest(rows({ waiting: [item(1)], waitingCount: 1, trend: [0, 0, 0, 0, 1, 0, 0, 0] }), PERIOD, linkFor).quiet).toBe(true);
  });

  it('is not quiet with one item, one vote or one change', () => {
    expect(composeDigest(rows({ itemsFiled: [item(1)] }), PERIOD, linkFor).quiet).toBe(false);
    expect(composeDigest(rows({ votesCast: [vote(1, 'U1')], votedItems: [item(1)] }), PERIOD, linkFor).quiet).toBe(false);
    expect(composeDigest(rows({ statusChanges: [change(item(1), 'new', 'acknowledged')] }), PERIOD, linkFor).quiet).toBe(false);
  });
});

describe('composeDigest: marketing’s answers and who is named', () => {
  it('passes on the response times of the period and what still waits', () => {
    const data = composeDigest(rows({ responses: { waitsMs: [2 * DAY], waitingCount: 5 } }), PERIOD, linkFor);
    expect(data.responses).toEqual({ answered: 1, medianMs: 2 * DAY, stillWaiting: 5 });
  });

  it('takes the median of the waits for a first answer', () => {
    const HOUR = 3_600_000;
    const data = composeDigest(rows({ responses: { waitsMs: [2 * HOUR, 50 * HOUR, 6 * HOUR], waitingCount: 4 } }), PERIOD, linkFor);
    expect(data.responses).toEqual({ answered: 3, medianMs: 6 * HOUR, stillWaiting: 4 });
  });

  it('has no median when nothing was answered', () => {
    expect(composeDigest(rows({ responses: { waitsMs: [], waitingCount: 2 } }), PERIOD, linkFor).responses).toEqual({
      answered: 0,
      medianMs: null,
      stillWaiting: 2,
    });
  });

  it('keeps the scheduled period it is named after, when given', () => {
    const scheduled = { start: START, end: new Date(END.getTime() + DAY) };
    expect(composeDigest(rows(), PERIOD, linkFor, scheduled).labelPeriod).toEqual(scheduled);
    expect(composeDigest(rows(), PERIOD, linkFor).labelPeriod).toBeUndefined();
  });

  it('names the authors of new flags and of what waits, and the top three voices, once each', () => {
    const data = composeDigest(
      rows({
        itemsFiled: [
          item(1, { kind: 'flag', author_id: 'U0FLAGGER' }),
          item(2, { author_id: 'U0A' }),
          item(3, { author_id: 'U0B' }),
          item(4, { author_id: 'U0C' }),
          item(5, { author_id: 'U0D' }),
        ],
        votesCast: [vote(2, 'U0A'), vote(2, 'U0B')],
        waiting: [item(9, { author_id: 'U0WAITER', created_at: '2025-12-01T10:00:00.000Z' }), item(10, { author_id: 'U0FLAGGER' })],
        waitingCount: 2,
      }),
      PERIOD,
      linkFor,
    );
    // Voices: U0A and U0B (2 each), then U0C of the three with 1 (ties by id); U0D is named nowhere.
    expect(peopleNamed(data).sort()).toEqual(['U0A', 'U0B', 'U0C', 'U0FLAGGER', 'U0WAITER']);
  });
});
