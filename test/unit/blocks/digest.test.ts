import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { ItemWithSupport } from '../../../db/customers.js';
import type { DigestRows } from '../../../db/digest.js';
import type { Item, ItemStatus, Side } from '../../../db/schema.js';
import {
  buildDigest,
  DIGEST_SECTIONS,
  type DigestContext,
  type DigestMessages,
  type DigestSection,
  digestAsText,
  itemLink,
  LIST_IN_POST,
} from '../../../src/blocks/digest.js';
import { LIMITS } from '../../../src/blocks/kit.js';
import { composeDigest, type DigestData, type DigestItem } from '../../../src/digest/compose.js';
import { periodWeek } from '../../../src/domain/periods.js';
import { en } from '../../../src/i18n/en.js';
import { fr } from '../../../src/i18n/fr.js';
import { storedItem } from '../../support/fixtures.js';

/** One workspace (its amounts in euros) read in English and in French. */
const EN: DigestContext = { t: en, locale: 'en', timezone: 'Europe/Paris', currency: 'EUR' };
const FR: DigestContext = { t: fr, locale: 'fr', timezone: 'Europe/Paris', currency: 'EUR' };

/** The period ending Monday 4 January 2027 at 9:00 in Paris: ISO week 53 of 2026. */
const PERIOD = { start: new Date('2026-12-28T08:00:00.000Z'), end: new Date('2027-01-04T08:00:00.000Z') };
const HOSTILE = '<!channel> & | <@U0EVIL> <http://evil.example|bank>';
const link = (id: number) => `https://acme.slack.com/archives/C0CARDS/p1767600000${String(id).padStart(6, '0')}`;

function digestItem(id: number, over: Partial<DigestItem> = {}): DigestItem {
  return {
    id,
    kind: 'feedback',
    category: 'idea',
    text: `Item ${id}: ${HOSTILE}`,
    authorId: 'U0SALES',
    status: 'new',
    createdAt: '2026-12-30T10:00:00.000Z',
    votes: 1,
    customers: 0,
    revenueAtStake: null,
    periodVotes: 1,
    link: link(id),
    ...over,
  };
}

/** A stored item (as the repositories give it) for the composition tests. */
function fullRow(id: number): ItemWithSupport {
  return storedItem(id, {
    team_id: 'T0TEAM',
    author_id: 'U0SALES',
    author_side: null,
    card_channel_id: 'C0CARDS',
    card_ts: null,
    created_at: '2026-12-30T10:00:00.000Z',
  });
}

function data(over: Partial<DigestData> = {}): DigestData {
  return {
    period: PERIOD,
    counts: {
      feedback: 0,
      flags: 0,
      votes: 0,
      bySide: { sales: { items: 0, votes: 0 }, marketing: { items: 0, votes: 0 }, other: { items: 0, votes: 0 } },
    },
    trend: [0, 0, 0, 0, 0, 0, 0, 0],
    topItems: [],
    newFlags: [],
    moved: [],
    shipped: [],
    waiting: [],
    waitingCount: 0,
    responses: { answered: 0, medianMs: null, stillWaiting: 0 },
    competitors: [],
    voices: [],
    filed: [],
    quiet: false,
    ...over,
  };
}

/** A period where every section has something to say. */
function fullData(): DigestData {
  const filed = [1, 2, 3].map((id) => digestItem(id));
  const flag = digestItem(4, { kind: 'flag', category: null });
  const shipped = digestItem(5, { status: 'shipped', votes: 6, authorId: 'U0RAISER' });
  return data({
    counts: {
      feedback: 3,
      flags: 1,
      votes: 7,
      bySide: { sales: { items: 3, votes: 4 }, marketing: { items: 1, votes: 3 }, other: { items: 0, votes: 0 } },
    },
    trend: [0, 1, 2, 3, 4, 5, 6, 7],
    topItems: [digestItem(1, { votes: 4, periodVotes: 2, revenueAtStake: 50_000 }), digestItem(2, { votes: 3, periodVotes: 3 })],
    newFlags: [flag],
    moved: [
      { item: digestItem(6), from: 'new', to: 'planned', by: 'U0MKT', at: '2027-01-01T10:00:00.000Z' },
      { item: shipped, from: 'planned', to: 'shipped', by: 'U0MKT', at: '2027-01-02T10:00:00.000Z' },
    ],
    shipped: [{ item: shipped, voters: 6 }],
    waiting: [digestItem(7, { createdAt: '2026-12-01T10:00:00.000Z' })],
    waitingCount: 1,
    competitors: [{ name: 'Acme', count: 2 }],
    voices: [{ userId: 'U0SALES', filed: 3, voted: 1 }],
    filed: [...filed, flag],
  });
}

/** Every text of the blocks (mrkdwn and plain), in order. */
function texts(blocks: readonly KnownBlock[]): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push(o.text);
      else Object.values(o).forEach(visit);
    }
  };
  visit(blocks);
  return out;
}

const allBlocks = (m: DigestMessages) => [...m.main.blocks, ...m.thread.flatMap((x) => x.blocks)];
const sectionTexts = (blocks: readonly KnownBlock[]) =>
  blocks.filter((b) => b.type === 'section').map((b) => (b as { text: { text: string } }).text.text);

/**
 * What is left of a text once the app's own markup is taken out: links to the test workspace (whose
 * labels must be inert) and user mentions of valid ids. Anything Slack would parse must be gone.
 */
function assertInert(text: string) {
  const withoutLinks = text.replace(/<(https:\/\/acme\.slack\.com\/[^|>]+)\|([^>]*)>/g, (_, _url: string, label: string) => {
    expect(label, text).not.toMatch(/[<>|]/);
    return ' LINK ';
  });
  const rest = withoutLinks.replace(/<@U0[A-Z0-9]+>/g, ' MENTION ');
  expect(rest, text).not.toMatch(/[<>]/);
  expect(rest.replace(/&(amp|lt|gt);/g, ''), text).not.toContain('&');
}

describe('periodWeek', () => {
  it('names the ISO week the period sums up, from its middle', () => {
    expect(periodWeek(PERIOD, 'Europe/Paris')).toEqual({ week: 53, year: 2026 });
    expect(periodWeek({ start: new Date('2027-01-04T08:00:00Z'), end: new Date('2027-01-11T08:00:00Z') }, 'Europe/Paris')).toEqual({
      week: 1,
      year: 2027,
    });
    expect(periodWeek({ start: new Date('2026-01-05T08:00:00Z'), end: new Date('2026-01-12T08:00:00Z') }, 'Europe/Paris')).toEqual({
      week: 2,
      year: 2026,
    });
  });
});

describe('itemLink', () => {
  it('links the item’s text to its permalink', () => {
    expect(itemLink({ text: 'Offline mode', link: 'https://acme.slack.com/archives/C1/p1' })).toBe(
      '<https://acme.slack.com/archives/C1/p1|Offline mode>',
    );
  });

  it('is plain escaped text without a link', () => {
    expect(itemLink({ text: 'a <!channel> & b | c', link: null })).toBe('a &lt;!channel&gt; &amp; b ¦ c');
  });

  it('escapes the label and replaces the pipe that would end it', () => {
    expect(itemLink({ text: 'x|<y>&z', link: 'https://acme.slack.com/p1' })).toBe('<https://acme.slack.com/p1|x¦&lt;y&gt;&amp;z>');
  });

  it('puts the text on one line and shortens it', () => {
    const label = itemLink({ text: `first line\n\nsecond   line ${'word '.repeat(100)}`, link: null });
    expect(label).not.toContain('\n');
    expect(label.startsWith('first line second line word')).toBe(true);
    expect(label.endsWith('…')).toBe(true);
    expect(label.length).toBeLessThanOrEqual(90);
  });
});

describe('buildDigest', () => {
  it('names the ISO week in the header, in English and in French', () => {
    expect(buildDigest(fullData(), EN).main.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Terrain weekly digest · week 53, 2026', emoji: true },
    });
    expect(texts([buildDigest(fullData(), FR).main.blocks[0]!])).toEqual(['Bilan hebdo Terrain · semaine 53, 2026']);
  });

  it('shows the date range under the header, in the zone and language', () => {
    expect(texts([buildDigest(fullData(), EN).main.blocks[1]!])).toEqual(['28 Dec – 4 Jan 2027']);
    expect(texts([buildDigest(fullData(), FR).main.blocks[1]!])).toEqual(['28 déc. – 4 janv. 2027']);
    expect(buildDigest(fullData(), EN).main.blocks[1]!.type).toBe('context');
  });

  it('has a plain-text fallback naming the week and the counts', () => {
    expect(buildDigest(fullData(), EN).main.text).toContain('week 53');
    expect(buildDigest(fullData(), EN).main.text).toContain('3 feedback');
    expect(buildDigest(fullData(), FR).main.text).toContain('semaine 53');
  });

  it.each([
    ['en', EN],
    ['fr', FR],
  ] as const)('posts a quiet period as the header, the date range and one friendly line, nothing else (%s)', (_, ctx) => {
    const quiet = buildDigest(data({ quiet: true, waitingCount: 3, waiting: [digestItem(1)] }), ctx);
    expect(quiet.main.blocks.map((b) => b.type)).toEqual(['header', 'context', 'section']);
    expect(sectionTexts(quiet.main.blocks)).toEqual([ctx.t.digest.quiet]);
    expect(quiet.thread).toEqual([]);
    expect(quiet.main.text).toContain(ctx.t.digest.quiet);
  });

  it('shows the sections in reading order, with a divider between them', () => {
    const post = buildDigest(fullData(), EN).main;
    const body = texts(post.blocks.slice(2)).join('\n');
    const order = [
      '*This week:*',
      ':tada: *Shipped:*',
      en.digest.topTitle,
      en.digest.flagsTitle,
      en.digest.movedTitle,
      en.digest.waitingTitle,
      en.digest.competitorsTitle,
      en.digest.voicesTitle,
    ];
    const at = order.map((title) => body.indexOf(title));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(at),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(post.blocks.slice(2).map((b) => b.type)).toEqual([
      'section',
      'divider',
      'section',
      'divider',
      'section',
      'divider',
      'section',
      'divider',
      'section',
      'divider',
      'section',
      'divider',
      'section',
      'divider',
      'section',
    ]);
  });

  it('leaves empty sections out', () => {
    const sparse = data({
      counts: {
        feedback: 0,
        flags: 0,
        votes: 2,
        bySide: { sales: { items: 0, votes: 2 }, marketing: { items: 0, votes: 0 }, other: { items: 0, votes: 0 } },
      },
      topItems: [digestItem(1, { votes: 2, periodVotes: 2 })],
      voices: [{ userId: 'U0SALES', filed: 0, voted: 2 }],
    });
    const messages = buildDigest(sparse, EN);
    const body = texts(messages.main.blocks).join('\n');
    expect(body).toContain(en.digest.topTitle);
    expect(body).toContain(en.digest.voicesTitle);
    for (const absent of [
      ':tada:',
      en.digest.flagsTitle,
      en.digest.movedTitle,
      en.digest.waitingTitle,
      en.digest.competitorsTitle,
      '…and',
    ]) {
      expect(body).not.toContain(absent);
    }
    expect(messages.main.blocks.map((b) => b.type)).toEqual(['header', 'context', 'section', 'divider', 'section', 'divider', 'section']);
    expect(messages.thread).toEqual([]);
  });

  it('says a side other than sales and marketing only when it did something', () => {
    expect(texts(buildDigest(fullData(), EN).main.blocks).join('\n')).not.toContain('Other');
    const withOther = fullData();
    withOther.counts.bySide.other = { items: 1, votes: 0 };
    expect(texts(buildDigest(withOther, EN).main.blocks).join('\n')).toContain('Other 1 item, 0 votes');
  });

  it('draws the trend as a sparkline', () => {
    expect(texts(buildDigest(fullData(), EN).main.blocks).join('\n')).toContain('▁▂▃▄▅▆▇█');
  });

  it('does not list a shipped item again under what moved', () => {
    const body = texts(buildDigest(fullData(), EN).main.blocks).join('\n');
    const moved = body.slice(body.indexOf(en.digest.movedTitle));
    expect(moved).toContain(`<${link(6)}|`);
    expect(moved.slice(0, moved.indexOf(en.digest.waitingTitle))).not.toContain(`<${link(5)}|`);
    expect(body).toContain(`<${link(5)}|`);
    expect(body).toContain('raised by <@U0RAISER> and backed by 6 voters');
  });

  it('shows “+N this week · N total” for each item ranked by this week’s votes', () => {
    const body = texts(buildDigest(fullData(), EN).main.blocks).join('\n');
    expect(body).toMatch(/^1\. <[^>]+> — \+2 this week · 4 total · €50,000 at stake$/m);
    expect(body).toMatch(/^2\. <[^>]+> — \+3 this week · 3 total$/m);
    const frBody = texts(buildDigest(fullData(), FR).main.blocks).join('\n');
    expect(frBody).toMatch(/^2\. <[^>]+> — \+3 cette semaine · 3 au total$/m);
  });

  it('writes amounts at stake in the workspace’s currency, the reader’s way: €50,000 in English, 50 000 € in French', () => {
    const enBody = texts(buildDigest(fullData(), EN).main.blocks).join('\n');
    const frBody = texts(buildDigest(fullData(), FR).main.blocks).join('\n');
    expect(enBody).toContain('· €50,000 at stake');
    expect(frBody).toMatch(/· 50[\u202f\u00a0]000[\u202f\u00a0]€ en jeu/);
    expect(frBody).not.toContain('50,000');
    const inDollars = texts(buildDigest(fullData(), { ...EN, currency: 'USD' }).main.blocks).join('\n');
    expect(inDollars).toContain('· $50,000 at stake');
  });

  it('shows the customers behind an item where there are some, before what they have at stake (80 000 € in a French workspace)', () => {
    const d = data({
      topItems: [
        digestItem(1, { votes: 3, periodVotes: 1, customers: 2, revenueAtStake: 80_000 }),
        digestItem(2, { votes: 1, periodVotes: 1, customers: 1, revenueAtStake: null }),
        digestItem(3, { votes: 1, periodVotes: 1 }),
      ],
    });
    const inFrench = texts(buildDigest(d, FR).main.blocks).join('\n');
    expect(inFrench.replace(/[\u202f\u00a0]/g, ' ')).toMatch(
      /^1\. <[^>]+> — \+1 cette semaine · 3 au total · 2 clients · 80 000 € en jeu$/m,
    );
    expect(inFrench).toMatch(/^2\. <[^>]+> — \+1 cette semaine · 1 au total · 1 client$/m);
    expect(inFrench).toMatch(/^3\. <[^>]+> — \+1 cette semaine · 1 au total$/m);
    const inEnglish = texts(buildDigest(d, EN).main.blocks).join('\n');
    expect(inEnglish).toMatch(/^1\. <[^>]+> — \+1 this week · 3 total · 2 customers · €80,000 at stake$/m);
    expect(inEnglish).toMatch(/^2\. <[^>]+> — \+1 this week · 1 total · 1 customer$/m);
  });

  it.each([
    ['en', EN],
    ['fr', FR],
  ] as const)('links every item to its permalink and lets nothing unescaped through (%s)', (_, ctx) => {
    const hostile = fullData();
    hostile.competitors = [{ name: HOSTILE, count: 1 }];
    hostile.voices = [
      { userId: '<!channel>', filed: 1, voted: 0 },
      { userId: 'U0SALES', filed: 1, voted: 0 },
    ];
    hostile.newFlags = [digestItem(4, { kind: 'flag', authorId: '<!here>' })];
    const messages = buildDigest(hostile, ctx);
    const all = texts(allBlocks(messages));
    for (const text of all) assertInert(text);
    expect(all.join('\n')).not.toContain('<!channel>');
    expect(all.join('\n')).not.toContain('<!here>');
    for (const id of [1, 2, 4, 5, 6, 7]) expect(all.join('\n')).toContain(`<${link(id)}|Item ${id}: &lt;!channel&gt; &amp; ¦`);
  });

  it('shows an item without a link as escaped text', () => {
    const d = fullData();
    d.topItems = [digestItem(1, { link: null, votes: 1, periodVotes: 1 })];
    const body = texts(buildDigest(d, EN).main.blocks).join('\n');
    expect(body).toContain('1. Item 1: &lt;!channel&gt; &amp; ¦');
    for (const text of texts(buildDigest(d, EN).main.blocks)) assertInert(text);
  });

  it(`lists ${LIST_IN_POST} items in the post and the full list in the thread`, () => {
    const many = Array.from({ length: 12 }, (_, n) => digestItem(n + 1, { votes: 12 - n, periodVotes: 12 - n }));
    const messages = buildDigest(data({ topItems: many, filed: many, counts: { ...data().counts, feedback: 12 } }), EN);
    const post = texts(messages.main.blocks).join('\n');
    for (const i of many.slice(0, LIST_IN_POST)) expect(post).toContain(`<${i.link}|`);
    for (const i of many.slice(LIST_IN_POST)) expect(post).not.toContain(`<${i.link}|`);
    expect(post).toContain('…and 7 more in the thread :thread:');
    const thread = messages.thread.flatMap((m) => texts(m.blocks)).join('\n');
    expect(thread).toContain('*Everything voted this week (12)*');
    // Everything filed was voted: listed once, under the votes, and no second list of the same twelve.
    expect(thread).not.toContain('*Everything filed this week');
    for (const i of many) expect(thread.split(`<${i.link}|`)).toHaveLength(2);
    for (const m of messages.thread) expect(m.text).toBe(messages.main.text);
  });

  it('counts what waits in all, though it lists only the items it was given', () => {
    const messages = buildDigest(
      data({ waiting: Array.from({ length: 6 }, (_, n) => digestItem(n + 1, { createdAt: '2026-12-01T10:00:00Z' })), waitingCount: 40 }),
      FR,
    );
    expect(texts(messages.main.blocks).join('\n')).toContain('…et 35 de plus dans le fil :thread:');
    expect(messages.thread.flatMap((m) => texts(m.blocks)).join('\n')).toContain('*Les 6 plus anciens des 40 en attente d’une réponse*');
  });

  it('takes one more section function, and shows what it says after the others', () => {
    const afterworks: DigestSection = (d, ctx) => ({
      main: [`:beers: *After-works* (${ctx.locale}, ${d.counts.feedback} feedback)`],
      thread: [{ title: '*All after-works*', lines: ['• Thursday 18:30, Le Comptoir'] }],
    });
    const messages = buildDigest(fullData(), EN, [...DIGEST_SECTIONS, afterworks]);
    const last = messages.main.blocks[messages.main.blocks.length - 1]!;
    expect(texts([last])).toEqual([':beers: *After-works* (en, 3 feedback)']);
    expect(messages.main.blocks[messages.main.blocks.length - 2]!.type).toBe('divider');
    expect(messages.thread.flatMap((m) => texts(m.blocks)).join('\n')).toContain('*All after-works*\n• Thursday 18:30, Le Comptoir');
    // The default list is left as it was.
    expect(texts(buildDigest(fullData(), EN).main.blocks).join('\n')).not.toContain('After-works');
  });

  it('builds only the sections it is given', () => {
    const only: DigestSection = () => ({ main: ['just this'] });
    const nothing: DigestSection = () => null;
    expect(buildDigest(fullData(), EN, [nothing, only, nothing]).main.blocks.map((b) => b.type)).toEqual(['header', 'context', 'section']);
    expect(sectionTexts(buildDigest(fullData(), EN, [only]).main.blocks)).toEqual(['just this']);
  });

  it('moves what does not fit in 50 blocks to the thread, saying so at the end of the post', () => {
    const paragraphs: DigestSection = () => ({ main: Array.from({ length: 70 }, (_, n) => `paragraph ${n + 1} ${'x'.repeat(2_500)}`) });
    const messages = buildDigest(fullData(), EN, [paragraphs]);
    expect(messages.main.blocks).toHaveLength(LIMITS.messageBlocks);
    const last = messages.main.blocks[messages.main.blocks.length - 1]!;
    expect(last.type).toBe('context');
    const shown = sectionTexts(messages.main.blocks).length;
    const moved = 70 - shown;
    expect(texts([last])).toEqual([`…and ${moved} more in the thread :thread:`]);
    const thread = messages.thread.flatMap((m) => sectionTexts(m.blocks));
    expect(thread).toHaveLength(moved);
    expect([...sectionTexts(messages.main.blocks), ...thread].map((t) => t.split(' ', 2).join(' '))).toEqual(
      Array.from({ length: 70 }, (_, n) => `paragraph ${n + 1}`),
    );
  });

  it('splits a long thread into messages of at most 50 blocks, keeping every line in order', () => {
    const lines = Array.from({ length: 200 }, (_, n) => `line ${String(n + 1).padStart(3, '0')} ${'y'.repeat(990)}`);
    const long: DigestSection = () => ({ main: ['long list below'], thread: [{ title: '*Long*', lines }] });
    const messages = buildDigest(fullData(), EN, [long]);
    expect(messages.thread.length).toBeGreaterThanOrEqual(2);
    for (const m of messages.thread) {
      expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
      for (const text of sectionTexts(m.blocks)) expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    }
    const thread = messages.thread.flatMap((m) => sectionTexts(m.blocks)).join('\n');
    expect(thread.split('\n')).toEqual(['*Long*', ...lines]);
  });

  it('splits a line longer than a section over several sections', () => {
    const huge: DigestSection = () => ({ main: [`${'word '.repeat(1_500)}end`] });
    const parts = sectionTexts(buildDigest(fullData(), EN, [huge]).main.blocks);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const text of parts) expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(parts.join(' ')).toBe(`${'word '.repeat(1_500)}end`.replace(/ +/g, ' '));
  });

  it('says how many sections moved to the thread, not counting the dividers left behind', () => {
    const one: DigestSection = () => ({ main: [`one ${'x'.repeat(2_900)}`] });
    // 60 one-paragraph sections: the post shows 47 blocks of body, the rest (sections and dividers) overflows.
    const messages = buildDigest(
      fullData(),
      EN,
      Array.from({ length: 60 }, () => one),
    );
    expect(messages.main.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    const inThread = messages.thread.flatMap((m) => sectionTexts(m.blocks)).length;
    expect(inThread + sectionTexts(messages.main.blocks).length).toBe(60);
    const last = messages.main.blocks[messages.main.blocks.length - 1]!;
    expect(texts([last])).toEqual([`…and ${inThread} more in the thread :thread:`]);
  });
});

describe('buildDigest with 300 items', () => {
  const AUTHORS = ['U0ALICE', 'U0BOB', 'U0CAROL', 'U0DAN', 'U0EVE'];
  const longText = (id: number) => {
    const head = `Item ${id} ${HOSTILE} `;
    return (head + 'the customer needs this badly, '.repeat(80)).slice(0, 2_000);
  };

  function row(id: number, over: Partial<ItemWithSupport> = {}): ItemWithSupport {
    return storedItem(id, {
      team_id: 'T0TEAM',
      kind: id % 10 === 0 ? 'flag' : 'feedback',
      category: id % 10 === 0 ? null : 'need',
      text: longText(id),
      revenue: id % 7 === 0 ? id * 1_000 : null,
      competitor: id % 3 === 0 ? `${id % 2 === 0 ? 'ACME' : 'acme'} & <Co> | ${id % 40}` : null,
      author_id: AUTHORS[id % AUTHORS.length]!,
      author_side: id % 4 === 0 ? 'marketing' : null,
      card_channel_id: 'C0CARDS',
      created_at: new Date(PERIOD.start.getTime() + id * 60_000).toISOString(),
      votes: id <= 200 ? (id % 5) + 1 + (id % 3) : 0,
      ...over,
    });
  }

  function bigRows(): DigestRows {
    const itemsFiled = Array.from({ length: 300 }, (_, n) => row(n + 1));
    const votesCast = itemsFiled
      .filter((i) => i.id <= 200)
      .flatMap((i) =>
        Array.from({ length: (i.id % 5) + 1 }, (_, v) => ({ item_id: i.id, user_id: `U0VOTER${v}`, voted_at: i.created_at })),
      );
    const status = (id: number): ItemStatus => (id % 3 === 0 ? 'shipped' : id % 3 === 1 ? 'planned' : 'acknowledged');
    const statusChanges = itemsFiled.slice(200, 260).map((i) => ({
      item_id: i.id,
      from_status: 'new' as ItemStatus,
      to_status: status(i.id),
      by_user_id: 'U0MKT',
      created_at: PERIOD.end.toISOString(),
      item: { ...i, status: status(i.id) },
    }));
    const waiting = Array.from({ length: 60 }, (_, n) =>
      row(1_000 + n, { kind: 'feedback', created_at: `2026-11-${String((n % 28) + 1).padStart(2, '0')}T10:00:00.000Z` }),
    );
    return {
      itemsFiled,
      votesCast,
      votedItems: itemsFiled.filter((i) => i.id <= 200),
      statusChanges,
      waiting,
      waitingCount: 300,
      responses: { waitsMs: [], waitingCount: 300 },
      // Every item was filed in the period: the last week of the trend.
      trend: [0, 0, 0, 0, 0, 0, 0, itemsFiled.length],
      sides: new Map<string, Side>([
        ['U0ALICE', 'sales'],
        ['U0BOB', 'sales'],
        ['U0VOTER0', 'marketing'],
      ]),
    };
  }

  const linkFor = (i: Pick<Item, 'card_channel_id' | 'card_ts'>) =>
    i.card_ts ? `https://acme.slack.com/archives/${i.card_channel_id}/p${i.card_ts.replace('.', '')}` : null;

  describe.each([
    ['en', EN],
    ['fr', FR],
  ] as const)('in %s', (_, ctx) => {
    const d = composeDigest(bigRows(), PERIOD, linkFor);
    const messages = buildDigest(d, ctx);

    it('is a busy period with everything in it', () => {
      expect(d.quiet).toBe(false);
      expect(d.filed).toHaveLength(300);
      expect(d.newFlags).toHaveLength(30);
      expect(d.topItems).toHaveLength(200);
      expect(d.shipped).toHaveLength(20);
      expect(d.waiting).toHaveLength(60);
      expect(d.competitors.length).toBeGreaterThan(10);
    });

    it('keeps the post within 50 blocks and every section within 3,000 characters', () => {
      expect(messages.main.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
      for (const text of sectionTexts(messages.main.blocks)) expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      for (const text of texts(messages.main.blocks)) expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    });

    it('keeps every thread message within 50 blocks and every section within 3,000 characters', () => {
      expect(messages.thread.length).toBeGreaterThan(0);
      for (const m of messages.thread) {
        expect(m.blocks.length).toBeGreaterThan(0);
        expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
        for (const text of sectionTexts(m.blocks)) expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
        expect(m.text.length).toBeGreaterThan(0);
      }
    });

    it('links every one of the 300 items somewhere in the thread', () => {
      const thread = messages.thread.flatMap((m) => texts(m.blocks)).join('\n');
      const missing = d.filed.filter((i) => !thread.includes(`<${i.link}|`)).map((i) => i.id);
      expect(missing).toEqual([]);
    });

    it('lists the 60 waiting items given and counts all 300', () => {
      const thread = messages.thread.flatMap((m) => texts(m.blocks)).join('\n');
      expect(thread).toContain(ctx.t.digest.threadWaiting(60, 300));
      for (const i of d.waiting) expect(thread).toContain(`<${i.link}|`);
      expect(texts(messages.main.blocks).join('\n')).toContain(ctx.t.digest.more(295));
    });

    it('has a plain-text fallback', () => {
      expect(messages.main.text).toBe(ctx.t.digest.fallback(53, 270, 30, d.counts.votes));
    });

    it('shortens the 2,000-character texts in the lists', () => {
      for (const text of texts(allBlocks(messages))) expect(text).not.toContain('badly, '.repeat(20));
    });

    it('lets nothing unescaped through', () => {
      for (const text of texts(allBlocks(messages))) assertInert(text);
    });
  });
});

describe('what the digest says, read on a Monday morning', () => {
  const body = (m: DigestMessages) => texts(m.main.blocks).join('\n');
  const thread = (m: DigestMessages) => m.thread.flatMap((x) => texts(x.blocks)).join('\n');
  const headerOf = (m: DigestMessages) => texts(m.main.blocks.filter((b) => b.type === 'header'));
  /** Wednesday 11 November 13:30 to Wednesday 18 November 13:30 in New York: a week, but not an ISO week. */
  const WEDNESDAYS = { start: new Date('2026-11-11T18:30:00.000Z'), end: new Date('2026-11-18T18:30:00.000Z') };
  const NY: DigestContext = { t: en, locale: 'en', timezone: 'America/New_York', currency: 'USD' };

  describe('period labels', () => {
    it('names a Monday-to-Monday period by its ISO week, with its dates under the header', () => {
      const m = buildDigest(fullData(), EN);
      expect(headerOf(m)).toEqual(['Terrain weekly digest · week 53, 2026']);
      expect(m.main.blocks[1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '28 Dec – 4 Jan 2027' }] });
      expect(body(m)).toContain('*This week:* 3 feedback');
    });

    it('names a Wednesday-to-Wednesday week by its dates, once, and says “in this period”', () => {
      const m = buildDigest({ ...fullData(), period: WEDNESDAYS }, NY);
      expect(headerOf(m)).toEqual(['Terrain digest · 11 Nov – 18 Nov 2026']);
      expect(m.main.blocks.map((b) => b.type).slice(0, 2)).toEqual(['header', 'section']);
      expect(body(m)).not.toMatch(/week \d/);
      expect(body(m)).toContain('*In this period:* 3 feedback · 1 flag · 7 votes');
      expect(body(m)).toContain(en.digest.topTitlePeriod);
      expect(body(m)).toMatch(/— \+2 in this period · 4 total/);
      expect(m.main.text).toBe(en.digest.fallbackDates('11 Nov – 18 Nov 2026', 3, 1, 7));
    });

    it('names a month (or a first run over months) by its dates, in French too', () => {
      const month = { start: new Date('2026-10-01T07:00:00.000Z'), end: new Date('2026-11-01T08:00:00.000Z') };
      expect(headerOf(buildDigest({ ...fullData(), period: month }, FR))).toEqual(['Bilan Terrain · 1 oct. – 1 nov. 2026']);
      const months = { start: new Date('2026-08-17T07:00:00.000Z'), end: new Date('2026-11-23T08:00:00.000Z') };
      const quiet = buildDigest({ ...data({ quiet: true }), period: months }, EN);
      expect(headerOf(quiet)).toEqual(['Terrain digest · 17 Aug – 23 Nov 2026']);
      expect(sectionTexts(quiet.main.blocks)).toEqual([en.digest.quietPeriod]);
      expect(quiet.main.text).not.toContain('week 34');
    });

    it('names the week so far (a preview on Wednesday) after the week it is part of, dated up to now', () => {
      const soFar = { start: PERIOD.start, end: new Date('2026-12-30T10:00:00.000Z') };
      const m = buildDigest({ ...fullData(), period: soFar, labelPeriod: PERIOD }, EN);
      expect(headerOf(m)).toEqual(['Terrain weekly digest · week 53, 2026']);
      expect(texts([m.main.blocks[1]!])).toEqual(['28 Dec – 30 Dec 2026']);
    });
  });

  describe('by side', () => {
    it('counts only people whose side is known, and leaves the line out when nobody’s is', () => {
      const d = fullData();
      d.counts.bySide = { sales: { items: 0, votes: 0 }, marketing: { items: 0, votes: 0 }, other: { items: 0, votes: 0 } };
      expect(body(buildDigest(d, EN))).not.toContain('*By side:*');
      expect(body(buildDigest(fullData(), EN))).toContain('*By side:* Sales 3 items, 4 votes · Marketing 1 item, 3 votes');
    });

    it('does not call the unknown “Other”: 3 items filed by people without a side show on no side', () => {
      const rows: DigestRows = {
        itemsFiled: [1, 2, 3].map((id) => ({ ...fullRow(id), author_id: 'U0NOSIDE', author_side: null })),
        votesCast: [{ item_id: 1, user_id: 'U0SALES', voted_at: '2026-12-30T10:00:00.000Z' }],
        votedItems: [{ ...fullRow(1), votes: 1 }],
        statusChanges: [],
        waiting: [],
        waitingCount: 0,
        responses: { waitsMs: [], waitingCount: 3 },
        trend: [0, 0, 0, 0, 0, 0, 0, 0],
        sides: new Map<string, Side>([['U0SALES', 'sales']]),
      };
      const text = body(
        buildDigest(
          composeDigest(rows, PERIOD, () => null),
          EN,
        ),
      );
      expect(text).toContain('*This week:* 3 feedback · 0 flags · 1 vote');
      expect(text).toContain('*By side:* Sales 0 items, 1 vote · Marketing 0 items, 0 votes');
      expect(text).not.toContain('Other');
    });
  });

  it('gives the trend’s numbers with its sparkline, oldest week first', () => {
    const text = body(buildDigest(fullData(), EN));
    expect(text).toContain('*8-week trend:* ▁▂▃▄▅▆▇█  0, 1, 2, 3, 4, 5, 6, 7 _(new items per week, oldest first)_');
    expect(body(buildDigest(fullData(), FR))).toContain('▁▂▃▄▅▆▇█  0, 1, 2, 3, 4, 5, 6, 7');
  });

  describe('one item, one line', () => {
    /** Item 1 is voted, a flag, waiting and filed; items 10–19 are voted; 20–29 are flags; 30–39 wait; 40–49 are filed. */
    function overlapping(): DigestData {
      const one = digestItem(1, { kind: 'flag', votes: 9, periodVotes: 9, createdAt: '2026-11-01T10:00:00.000Z' });
      const range = (from: number, over: Partial<DigestItem> = {}) =>
        Array.from({ length: 10 }, (_, n) => digestItem(from + n, { votes: 1, periodVotes: 1, ...over }));
      const voted = [one, ...range(10)];
      const flags = [one, ...range(20, { kind: 'flag', votes: 0, periodVotes: 0 })];
      const waiting = [one, ...range(30, { votes: 0, periodVotes: 0, createdAt: '2026-11-01T10:00:00.000Z' })];
      const filed = [one, ...range(40, { votes: 0, periodVotes: 0 }), ...flags.slice(1), ...voted.slice(1)];
      return data({
        counts: { ...data().counts, feedback: 20, flags: 11, votes: 19 },
        topItems: voted,
        newFlags: flags,
        waiting,
        waitingCount: waiting.length,
        filed,
      });
    }

    it('lists an item once in the post, under the first section it belongs to', () => {
      const text = body(buildDigest(overlapping(), EN));
      expect(text.split(`<${link(1)}|`)).toHaveLength(2);
      const flags = text.slice(text.indexOf(en.digest.flagsTitle));
      expect(flags.slice(0, flags.indexOf(en.digest.waitingTitle))).toContain(`<${link(20)}|`);
      expect(flags.slice(0, flags.indexOf(en.digest.waitingTitle))).not.toContain(`<${link(1)}|`);
    });

    it('lists every item once in the thread, and says how many of a list are above', () => {
      const m = buildDigest(overlapping(), EN);
      const text = thread(m);
      for (const id of [1, ...Array.from({ length: 40 }, (_, n) => n + 10)]) {
        expect(text.split(`<${link(id)}|`), `item ${id}`).toHaveLength(2);
      }
      expect(text).toContain(`${en.digest.threadVoted(11)}\n1. <${link(1)}|`);
      expect(text).toContain(`${en.digest.threadFlags(11)} ${en.digest.listedAbove(1)}`);
      expect(text).toContain(`${en.digest.threadWaiting(11, 11)} ${en.digest.listedAbove(1)}`);
      expect(text).toContain(`${en.digest.threadFiled(31)} ${en.digest.listedAbove(21)}`);
    });

    it('lists an item that moved twice once, from where it was to where it is', () => {
      const six = digestItem(6);
      const d = data({
        moved: [
          { item: six, from: 'new', to: 'acknowledged', by: 'U0MKT', at: '2027-01-01T10:00:00.000Z' },
          { item: six, from: 'acknowledged', to: 'planned', by: 'U0MKT', at: '2027-01-02T10:00:00.000Z' },
        ],
      });
      const text = body(buildDigest(d, EN));
      expect(text).toContain(en.digest.movedLine(itemLink(six), en.status.new, en.status.planned));
      expect(text.split(`<${link(6)}|`)).toHaveLength(2);
    });
  });

  describe('mentions', () => {
    const names = new Map([
      ['U0SALES', 'Sam Seller'],
      ['U0RAISER', 'Rae <Raiser>'],
    ]);

    it('pings only whoever raised what shipped; everyone else is named without a ping', () => {
      const d = fullData();
      d.newFlags = [digestItem(4, { kind: 'flag', authorId: 'U0SALES' })];
      d.waiting = [digestItem(7, { authorId: 'U0SALES', createdAt: '2026-12-01T10:00:00.000Z' })];
      for (const ctx of [EN, FR]) {
        const m = buildDigest(d, { ...ctx, names });
        const all = [body(m), thread(m)].join('\n');
        expect(all.match(/<@/g)).toEqual(['<@']);
        expect(all).toContain('<@U0RAISER>');
        expect(all).toContain(ctx.t.digest.flagLine(itemLink(d.newFlags[0]!), 'Sam Seller'));
        expect(all).toContain(`${itemLink(d.waiting[0]!)} — Sam Seller, `);
        expect(all).toContain(ctx.t.digest.voiceLine('Sam Seller', 3, 1));
      }
    });

    it('escapes names, and names someone it cannot name “a teammate”', () => {
      const d = fullData();
      d.voices = [
        { userId: 'U0RAISER', filed: 1, voted: 0 },
        { userId: 'U0STRANGER', filed: 1, voted: 0 },
      ];
      const text = body(buildDigest(d, { ...EN, names }));
      expect(text).toContain(en.digest.voiceLine('Rae &lt;Raiser&gt;', 1, 0));
      expect(text).toContain(en.digest.voiceLine('a teammate', 1, 0));
    });
  });

  describe('a private preview', () => {
    it('has no thread and promises none: the note first, then “…and N more”', () => {
      const many = Array.from({ length: 12 }, (_, n) => digestItem(n + 1, { votes: 12 - n, periodVotes: 12 - n }));
      const m = buildDigest(data({ topItems: many, filed: many, counts: { ...data().counts, feedback: 12 } }), { ...EN, preview: true });
      expect(m.thread).toEqual([]);
      expect(m.main.blocks[0]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: en.digest.previewNote }] });
      expect(headerOf(m)).toEqual(['Terrain weekly digest · week 53, 2026']);
      expect(body(m)).toContain(en.digest.moreHere(7));
      expect(body(m)).not.toMatch(/thread|:thread:/);
      expect(m.main.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    });

    it('keeps within 50 blocks with its note when the post is full', () => {
      const paragraphs: DigestSection = () => ({ main: Array.from({ length: 70 }, (_, n) => `paragraph ${n + 1} ${'x'.repeat(2_500)}`) });
      const m = buildDigest(fullData(), { ...FR, preview: true }, [paragraphs]);
      expect(m.main.blocks).toHaveLength(LIMITS.messageBlocks);
      expect(texts([m.main.blocks.at(-1)!])[0]).toMatch(/^…et \d+ de plus$/);
      expect(m.thread).toEqual([]);
    });
  });

  describe('marketing’s answers', () => {
    it('says how many were answered, in what median time, and how many still wait', () => {
      const d = fullData();
      d.responses = { answered: 4, medianMs: 2 * 86_400_000, stillWaiting: 9 };
      expect(body(buildDigest(d, EN))).toContain(
        ":stopwatch: *Marketing's answers:* 4 items got a first answer this week, in 2 days (median) · 9 still waiting for an answer",
      );
      expect(body(buildDigest(d, FR))).toContain(
        ':stopwatch: *Réponses du marketing :* 4 éléments ont reçu une première réponse cette semaine, en 2 jours (médiane) · 9 toujours en attente d’une réponse',
      );
    });

    it('says when nothing was answered, and when nothing waits', () => {
      const none = data({ responses: { answered: 0, medianMs: null, stillWaiting: 3 } });
      expect(body(buildDigest(none, EN))).toContain(`${en.digest.noneAnswered()} · ${en.digest.stillWaiting(3)}`);
      const allAnswered = data({ responses: { answered: 1, medianMs: 5 * 3_600_000, stillWaiting: 0 } });
      expect(body(buildDigest(allAnswered, EN))).toContain(`${en.digest.answered(1, '5 hours')} · ${en.digest.noneWaiting}`);
    });

    it('comes before the list of what has waited over a week, in one section', () => {
      const d = fullData();
      d.responses = { answered: 1, medianMs: 3_600_000, stillWaiting: 1 };
      const section = sectionTexts(buildDigest(d, EN).main.blocks).find((s) => s.includes(en.digest.waitingTitle))!;
      expect(section.split('\n')[0]).toBe(
        `:stopwatch: *Marketing's answers:* ${en.digest.answered(1, 'an hour')} · ${en.digest.stillWaiting(1)}`,
      );
      expect(section.split('\n')[1]).toBe(en.digest.waitingTitle);
    });
  });
});

describe('digestAsText', () => {
  it('renders the header, the range and every line, post then thread', () => {
    const messages = buildDigest(fullData(), EN);
    const text = digestAsText(messages);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Terrain weekly digest · week 53, 2026');
    expect(lines[1]).toBe('28 Dec – 4 Jan 2027');
    expect(text).toContain('*This week:* 3 feedback · 1 flag · 7 votes');
    expect(text).toContain(en.digest.topTitle);
    expect(text).toContain(en.digest.voicesTitle);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toMatch(/\n{3,}/);
  });

  it('renders a divider as a blank line between sections', () => {
    const text = digestAsText(buildDigest(fullData(), EN));
    expect(text).toContain(`\n\n${en.digest.topTitle}`);
  });

  it('renders the thread after the post', () => {
    const many = Array.from({ length: 8 }, (_, n) => digestItem(n + 1));
    const text = digestAsText(buildDigest(data({ filed: many }), EN));
    expect(text.indexOf('*Everything filed this week (8)*')).toBeGreaterThan(text.indexOf('*This week:*'));
    for (const i of many) expect(text).toContain(`<${i.link}|`);
  });

  it('renders a quiet period as three lines', () => {
    expect(digestAsText(buildDigest(data({ quiet: true }), FR))).toBe(
      `Bilan hebdo Terrain · semaine 53, 2026\n28 déc. – 4 janv. 2027\n${fr.digest.quiet}\n`,
    );
  });
});
