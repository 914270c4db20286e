import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { buildItemCard, type CardItem, type CardView, STATUS_NOTE_ACTION, slackDate } from '../../../src/blocks/card.js';
import { type CustomerRow, tallyCustomers } from '../../../src/domain/customers.js';
import { NO_DETAILS } from '../../../src/domain/items.js';
import { en } from '../../../src/i18n/en.js';
import { fr } from '../../../src/i18n/fr.js';

const HOSTILE = '<!channel> <!here> <!everyone> <!subteam^S0123|@sales> <@U0EVIL> <http://evil|bank> &amp;';
const ESCAPED =
  '&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;!subteam^S0123|@sales&gt; &lt;@U0EVIL&gt; &lt;http://evil|bank&gt; &amp;amp;';

const feedback = (over: Partial<CardItem> = {}): CardItem => ({
  id: 42,
  kind: 'feedback',
  category: 'idea',
  text: 'Customers want an offline mode',
  ...NO_DETAILS,
  author_id: 'U0AUTHOR',
  author_side: 'sales',
  source_permalink: null,
  status: 'new',
  ...over,
});

const flag = (over: Partial<CardItem> = {}): CardItem =>
  feedback({ kind: 'flag', category: null, text: 'The pricing deck is outdated', customer_need: 'Current prices', ...over });

/** The card's view model around an item: no customers added, no move yet, dollars. */
const view = (item: CardItem, over: Partial<CardView> = {}, rows: CustomerRow[] = []): CardView => ({
  item,
  customers: tallyCustomers(item, rows),
  currency: 'USD',
  lastChange: null,
  mergedInto: null,
  ...over,
});

/** Every mrkdwn or plain text of the blocks, in order. */
function texts(blocks: KnownBlock[]): string[] {
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

const sectionTexts = (blocks: KnownBlock[]) =>
  blocks.filter((b) => b.type === 'section').map((b) => (b as { text: { text: string } }).text.text);
const header = (blocks: KnownBlock[]) => (blocks[0] as { type: string; text: { text: string } }).text.text;
const contextTexts = (blocks: KnownBlock[]) =>
  (blocks.find((b) => b.type === 'context') as { elements: { text: string }[] } | undefined)?.elements.map((e) => e.text) ?? [];
const actionsOf = (blocks: KnownBlock[]) =>
  blocks.filter((b) => b.type === 'actions') as Array<{
    block_id?: string;
    elements: Array<{
      type: string;
      action_id: string;
      value?: string;
      text?: { text: string };
      options?: { value: string; text: { text: string } }[];
    }>;
  }>;

/** Every `<…>` Slack would parse in a string. */
const markup = (s: string) => s.match(/<[^>]*>/g) ?? [];
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('buildItemCard', () => {
  const hostile = feedback({
    text: HOSTILE,
    product: HOSTILE,
    customer: HOSTILE,
    competitor: HOSTILE,
    customer_need: HOSTILE,
    reason: HOSTILE,
    revenue: 1000,
    urgency: 'high',
  });

  for (const [name, item, shown] of [
    ['a feedback', hostile, 6],
    // A flag's product is its title (plain text, never parsed), not a fact.
    ['a flag', { ...hostile, kind: 'flag' as const, category: null }, 5],
  ] as const) {
    it(`${name} card escapes every user field, so no mention or disguised link survives in blocks or fallback text`, () => {
      for (const [t, locale] of [
        [en, 'en'],
        [fr, 'fr'],
      ] as const) {
        const lastChange = { to: 'declined' as const, by: 'U0MKT', at: '2026-11-23T10:00:00.000Z', note: HOSTILE, reason: HOSTILE };
        const card = buildItemCard(
          view({ ...item, status: 'declined' }, { lastChange }, [{ account_key: 'x', account: HOSTILE, revenue: 5, added_by: 'U0SALES2' }]),
          t,
          locale,
          '+1',
        );
        const json = JSON.stringify(card.blocks);
        for (const where of [json, card.text]) {
          for (const bad of ['<!channel>', '<!here>', '<!everyone>', '<!subteam', '<http://evil', '<@U0EVIL>'])
            expect(where).not.toContain(bad);
        }
        // The only markup left is Terrain's own: the author's and the marketer's mentions, and the date.
        const own = json.match(/<[^>]*>/g)?.map((m) => (m.startsWith('<!date^') ? '<!date>' : m));
        expect(new Set(own)).toEqual(new Set(['<@U0AUTHOR>', '<@U0MKT>', '<!date>']));
        expect(markup(card.text)).toEqual([]);
        const all = texts(card.blocks).join('\n');
        // Each user field is there, escaped: shown, not dropped (plus the added account, the note and the reason).
        expect(all.split(ESCAPED).length - 1).toBe(shown + 3);
        expect(card.text).toContain(ESCAPED);
      }
    });
  }

  it('a feedback card shows its category once, its text, facts with the currency, author, number and vote hint', () => {
    const card = buildItemCard(
      view(feedback({ product: 'Terrain Pro', customer: 'Globex', revenue: 50000, urgency: 'medium', competitor: 'Acme' }), {
        currency: 'EUR',
      }),
      en,
      'en',
      'fire',
    );
    expect(card.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: ':speech_balloon: Field feedback · Idea', emoji: true },
    });
    const sections = sectionTexts(card.blocks);
    expect(sections[0]).toBe('Customers want an offline mode');
    expect(sections[1]).toBe('*Product:* Terrain Pro   *Customer:* Globex   *At stake:* €50,000   *Urgency:* Medium   *Competitor:* Acme');
    expect(contextTexts(card.blocks)).toEqual(['From <@U0AUTHOR> (Sales)', 'Item #42', 'React with :fire: to vote']);
    expect(card.text).toBe('Feedback: Customers want an offline mode');
  });

  it('a quick /feedback with no kind says "Field feedback" once, in English and in French', () => {
    expect(header(buildItemCard(view(feedback({ category: null })), en, 'en', '+1').blocks)).toBe(':speech_balloon: Field feedback');
    expect(header(buildItemCard(view(feedback({ category: null })), fr, 'fr', '+1').blocks)).toBe(':speech_balloon: Retour terrain');
    expect(header(buildItemCard(view(feedback({ category: 'need' })), fr, 'fr', '+1').blocks)).toBe(
      ':speech_balloon: Retour terrain · Besoin',
    );
  });

  it('a flag’s title says what is flagged first: its product, else the start of its text', () => {
    const withProduct = buildItemCard(view(flag({ product: 'Pricing deck', reason: 'Prices changed in May' })), en, 'en', '+1');
    expect(header(withProduct.blocks)).toBe(':triangular_flag_on_post: Pricing deck · misses what customers need');
    expect(sectionTexts(withProduct.blocks)).toEqual([
      'The pricing deck is outdated',
      '*Customer need:* Current prices',
      '*Why:* Prices changed in May',
    ]);
    expect(withProduct.text).toBe('Flag: The pricing deck is outdated');

    // No product: the text is the title, and is not said twice.
    const short = buildItemCard(view(flag()), fr, 'fr', '+1');
    expect(header(short.blocks)).toBe(':triangular_flag_on_post: The pricing deck is outdated · ne répond pas au besoin client');
    expect(sectionTexts(short.blocks)).toEqual(['*Besoin client :* Current prices']);

    // A long text: its start is the title, the whole of it below.
    const long = `${'The onboarding video still shows the old interface '.repeat(3)}and confuses prospects`;
    const cut = buildItemCard(view(flag({ text: long })), en, 'en', '+1');
    expect(header(cut.blocks)).toMatch(/^:triangular_flag_on_post: The onboarding video .*… · misses what customers need$/);
    expect(sectionTexts(cut.blocks)[0]).toBe(long);
  });

  it('a flag card looks different from a feedback card', () => {
    expect(header(buildItemCard(view(flag()), en, 'en', '+1').blocks)).not.toBe(
      header(buildItemCard(view(feedback()), en, 'en', '+1').blocks),
    );
  });

  it('amounts carry the workspace currency, written the reader’s way', () => {
    const fr50 = buildItemCard(view(feedback({ revenue: 50000 }), { currency: 'EUR' }), fr, 'fr', '+1');
    expect(spaces(sectionTexts(fr50.blocks).find((s) => s.startsWith('*En jeu'))!)).toBe('*En jeu :* 50 000 €');
    const usd = buildItemCard(view(feedback({ revenue: 50000 }), { currency: 'USD' }), en, 'en', '+1');
    expect(sectionTexts(usd.blocks)).toContain('*At stake:* $50,000');
    const zero = buildItemCard(view(feedback({ revenue: 0 }), { currency: 'USD' }), en, 'en', '+1');
    expect(sectionTexts(zero.blocks)).toContain('*At stake:* $0');
  });

  it('customers added show their count and names, and the revenue at stake counts each account once', () => {
    const rows: CustomerRow[] = [
      { account_key: 'globex', account: 'GLOBEX', revenue: 80000, added_by: 'U0SALES2' },
      { account_key: 'initech', account: 'Initech', revenue: 20000, added_by: 'U0SALES2' },
      { account_key: 'umbrella', account: 'Umbrella', revenue: null, added_by: 'U0SALES3' },
    ];
    const card = buildItemCard(view(feedback({ customer: 'Globex', revenue: 50000 }), { currency: 'EUR' }, rows), en, 'en', '+1');
    // Globex is the item's own customer: its own figure (50,000) counts, not the one added later.
    expect(sectionTexts(card.blocks)[1]).toBe('*Customers (3):* Globex, Initech, Umbrella   *At stake:* €70,000');
    const many = Array.from({ length: 8 }, (_, i) => ({
      account_key: `a${i}`,
      account: `Account ${i}`,
      revenue: null,
      added_by: 'U0SALES2',
    }));
    const crowded = buildItemCard(view(feedback(), {}, many), fr, 'fr', '+1');
    expect(sectionTexts(crowded.blocks)[1]).toBe('*Clients (8) :* Account 0, Account 1, Account 2, Account 3, Account 4, 3 de plus');
  });

  it('a new item offers every move in one actions block: buttons, Add a customer, and a menu with notes and Decline', () => {
    const card = buildItemCard(view(feedback()), en, 'en', '+1');
    const blocks = actionsOf(card.blocks);
    expect(blocks).toHaveLength(1);
    const [block] = blocks;
    expect(block!.block_id).toBe('triage_42');
    expect(block!.elements.map((e) => [e.action_id, e.value, e.text?.text])).toEqual([
      ['item_status_acknowledged', 'acknowledged', 'Acknowledge'],
      ['item_status_planned', 'planned', 'Planned'],
      ['item_status_shipped', 'shipped', 'Shipped'],
      ['add_customer', '42', 'Add a customer'],
      [STATUS_NOTE_ACTION, undefined, undefined],
    ]);
    expect(block!.elements.at(-1)!.options!.map((o) => [o.value, o.text.text])).toEqual([
      ['acknowledged', 'Acknowledge with a note…'],
      ['planned', 'Planned, with a note…'],
      ['shipped', 'Shipped, with a note…'],
      ['declined', 'Decline…'],
    ]);
    // Action ids are unique within the block, as Slack wants.
    const ids = block!.elements.map((e) => e.action_id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows only the moves that make sense from where the item is; shipped and declined items reopen', () => {
    const moves = (status: CardItem['status']) =>
      actionsOf(buildItemCard(view(feedback({ status })), en, 'en', '+1').blocks)[0]?.elements.map((e) => e.value ?? e.action_id);
    expect(moves('acknowledged')).toEqual(['planned', 'shipped', '42', STATUS_NOTE_ACTION]);
    expect(moves('planned')).toEqual(['shipped', '42', STATUS_NOTE_ACTION]);
    expect(moves('shipped')).toEqual(['acknowledged']);
    expect(moves('declined')).toEqual(['acknowledged', '42']);
    const reopen = actionsOf(buildItemCard(view(feedback({ status: 'declined' })), fr, 'fr', '+1').blocks)[0]!.elements[0]!;
    expect(reopen.text?.text).toBe('Rouvrir');
  });

  it('a moved card shows its status, who moved it and when (each reader’s time zone), the reason and the note', () => {
    const at = '2026-11-23T10:05:00.000Z';
    const card = buildItemCard(
      view(feedback({ status: 'declined' }), {
        lastChange: { to: 'declined', by: 'U0MKT', at, note: 'We push the export', reason: 'Not for retail' },
      }),
      en,
      'en',
      '+1',
    );
    const status = sectionTexts(card.blocks).find((s) => s.startsWith(':no_entry_sign:'));
    expect(status).toBe(
      ':no_entry_sign: *Declined* · by <@U0MKT>, <!date^1795428300^{date_short_pretty} at {time}|2026-11-23 10:05 UTC>\n' +
        '*Why declined:* Not for retail\n*Marketing’s note:* We push the export',
    );
    expect(card.text).toBe('Feedback: Customers want an offline mode (Declined)');
    const french = buildItemCard(
      view(feedback({ status: 'planned' }), { lastChange: { to: 'planned', by: 'U0MKT', at, note: null, reason: null } }),
      fr,
      'fr',
      '+1',
    );
    expect(sectionTexts(french.blocks)).toContain(
      ':calendar: *Prévu* · par <@U0MKT>, <!date^1795428300^{date_short_pretty} à {time}|2026-11-23 10:05 UTC>',
    );
    expect(slackDate(at, '{time}')).toBe('<!date^1795428300^{time}|2026-11-23 10:05 UTC>');
  });

  it('a merged item says where it went, with a link when known, and has no controls', () => {
    const linked = buildItemCard(
      view(feedback({ status: 'merged' }), { mergedInto: { id: 7, link: 'https://acme.slack.com/archives/C1/p1700000000000100' } }),
      en,
      'en',
      '+1',
    );
    expect(sectionTexts(linked.blocks)).toContain(
      ':twisted_rightwards_arrows: *Merged into <https://acme.slack.com/archives/C1/p1700000000000100|#7>*: vote and add customers there.',
    );
    expect(actionsOf(linked.blocks)).toEqual([]);
    expect(contextTexts(linked.blocks)).not.toContain('React with :+1: to vote');
    const bare = buildItemCard(
      view(feedback({ status: 'merged' }), { mergedInto: { id: 7, link: 'javascript:alert(1)' } }),
      fr,
      'fr',
      '+1',
    );
    expect(sectionTexts(bare.blocks)).toContain(':twisted_rightwards_arrows: *Fusionné dans #7* : votez et ajoutez les clients là-bas.');
    expect(actionsOf(bare.blocks)).toEqual([]);
  });

  it('shows no facts section when there are no facts, and no side when it is unknown', () => {
    const card = buildItemCard(view(feedback({ author_side: null })), en, 'en', '+1');
    expect(sectionTexts(card.blocks)).toEqual(['Customers want an offline mode']);
    expect(JSON.stringify(card.blocks)).toContain('"From <@U0AUTHOR>"');
  });

  it('links the original message only for an https permalink without markup', () => {
    const ok = buildItemCard(view(feedback({ source_permalink: 'https://acme.slack.com/archives/C1/p1700000000000100' })), en, 'en', '+1');
    expect(JSON.stringify(ok.blocks)).toContain('<https://acme.slack.com/archives/C1/p1700000000000100|Original message>');
    for (const bad of [
      'http://acme.slack.com/archives/C1/p1',
      'https://evil|bank',
      'https://x.com/a>b',
      'https://x.com/<!channel>',
      'javascript:alert(1)',
    ]) {
      const card = buildItemCard(view(feedback({ source_permalink: bad })), en, 'en', '+1');
      expect(JSON.stringify(card.blocks), bad).not.toContain('Original message');
      expect(JSON.stringify(card.blocks)).not.toContain(bad);
    }
  });

  it('a crafted author id does not become markup', () => {
    const card = buildItemCard(view(feedback({ author_id: 'U1><!channel' })), en, 'en', '+1');
    expect(JSON.stringify(card.blocks)).not.toContain('<!channel');
    expect(JSON.stringify(card.blocks).match(/<[^>]*>/g)).toBeNull();
  });

  it('within Slack’s limits with every field at its longest and full of `&`: 3,000 characters a section, 50 blocks', () => {
    const item = flag({
      text: '&'.repeat(600),
      customer_need: '<'.repeat(250),
      reason: '>'.repeat(250),
      product: '&'.repeat(30),
      customer: '&'.repeat(30),
      competitor: '&'.repeat(30),
      revenue: 9_999_999_999_999,
      urgency: 'medium',
      status: 'declined',
    });
    const rows = Array.from({ length: 200 }, (_, i) => ({
      account_key: `k${i}`,
      account: '&'.repeat(30),
      revenue: 9_999_999_999,
      added_by: 'U0S',
    }));
    const lastChange = {
      to: 'declined' as const,
      by: 'U0MKT',
      at: '2026-11-23T10:00:00.000Z',
      note: '&'.repeat(200),
      reason: '<'.repeat(200),
    };
    for (const t of [en, fr]) {
      const card = buildItemCard(view(item, { lastChange }, rows), t, t === en ? 'en' : 'fr', '+1');
      const sections = sectionTexts(card.blocks);
      expect(sections[0]).toHaveLength(3000);
      for (const s of sections) expect(s.length).toBeLessThanOrEqual(3000);
      expect(card.blocks.length).toBeLessThanOrEqual(50);
      expect(header(card.blocks).length).toBeLessThanOrEqual(150);
    }
  });

  it('the fallback text is short, cut before escaping so no entity is broken', () => {
    const card = buildItemCard(view(feedback({ text: `${'word '.repeat(100)}&` })), en, 'en', '+1');
    expect(card.text.length).toBeLessThan(320);
    expect(card.text.endsWith('…')).toBe(true);
    const long = buildItemCard(view(feedback({ text: '&'.repeat(1000) })), en, 'en', '+1');
    expect(long.text).toMatch(/^Feedback: (&amp;)+…$/);
  });
});
