import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { buildItemCard, type CardItem } from '../../../src/blocks/card.js';
import { NO_DETAILS } from '../../../src/domain/items.js';
import { en } from '../../../src/i18n/en.js';
import { fr } from '../../../src/i18n/fr.js';

const HOSTILE = '<!channel> <!here> <!everyone> <!subteam^S0123|@sales> <@U0EVIL> <http://evil|bank> &amp;';

const feedback = (over: Partial<CardItem> = {}): CardItem => ({
  id: 42,
  kind: 'feedback',
  category: 'idea',
  text: 'Customers want an offline mode',
  ...NO_DETAILS,
  author_id: 'U0AUTHOR',
  author_side: 'sales',
  source_permalink: null,
  ...over,
});

const flag = (over: Partial<CardItem> = {}): CardItem =>
  feedback({ kind: 'flag', category: null, text: 'The pricing deck is outdated', customer_need: 'Current prices', ...over });

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

/** Every `<…>` Slack would parse in a string. */
const markup = (s: string) => s.match(/<[^>]*>/g) ?? [];

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

  for (const [name, item] of [
    ['a feedback', hostile],
    ['a flag', { ...hostile, kind: 'flag' as const, category: null }],
  ] as const) {
    it(`${name} card escapes every user field, so no mention or disguised link survives in blocks or fallback text`, () => {
      for (const [t, locale] of [
        [en, 'en'],
        [fr, 'fr'],
      ] as const) {
        const card = buildItemCard(item, t, locale, '+1');
        const json = JSON.stringify(card.blocks);
        for (const where of [json, card.text]) {
          expect(where).not.toContain('<!channel>');
          expect(where).not.toContain('<!here>');
          expect(where).not.toContain('<!everyone>');
          expect(where).not.toContain('<!subteam');
          expect(where).not.toContain('<http://evil');
          expect(where).not.toContain('<@U0EVIL>');
        }
        // The only markup left is Terrain's own: the author's mention.
        expect(json.match(/<[^>]*>/g)).toEqual(['<@U0AUTHOR>']);
        expect(markup(card.text)).toEqual([]);
        // Each field is there, escaped (user text shown, not dropped).
        const escaped =
          '&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;!subteam^S0123|@sales&gt; &lt;@U0EVIL&gt; &lt;http://evil|bank&gt; &amp;amp;';
        const all = texts(card.blocks).join('\n');
        expect(all.split(escaped).length - 1).toBe(6);
        expect(card.text).toContain(escaped);
      }
    });
  }

  it('a feedback card shows its category, text, facts, author and vote hint', () => {
    const card = buildItemCard(
      feedback({ product: 'Terrain Pro', customer: 'Globex', revenue: 50000, urgency: 'medium', competitor: 'Acme' }),
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
    expect(sections[1]).toBe('*Product:* Terrain Pro   *Customer:* Globex   *At stake:* 50,000   *Urgency:* Medium   *Competitor:* Acme');
    const contextBlock = card.blocks.at(-1) as { type: string; elements: { text: string }[] };
    expect(contextBlock.type).toBe('context');
    expect(contextBlock.elements.map((e) => e.text)).toEqual(['From <@U0AUTHOR> (Sales)', 'React with :fire: to vote · #42']);
    expect(card.text).toBe('Feedback: Customers want an offline mode');
  });

  it('a feedback without a category is titled as plain feedback', () => {
    const card = buildItemCard(feedback({ category: null }), en, 'en', '+1');
    expect(texts(card.blocks)[0]).toBe(':speech_balloon: Field feedback · Feedback');
  });

  it('a flag card looks different from a feedback card', () => {
    const f = buildItemCard(feedback(), en, 'en', '+1');
    const g = buildItemCard(flag({ reason: 'Prices changed in May' }), en, 'en', '+1');
    expect(texts(g.blocks)[0]).toBe(':triangular_flag_on_post: Flag: this misses what customers need');
    expect(texts(g.blocks)[0]).not.toBe(texts(f.blocks)[0]);
    expect(sectionTexts(g.blocks)).toEqual([
      'The pricing deck is outdated',
      '*Customer need:* Current prices',
      '*Why:* Prices changed in May',
    ]);
    expect(g.text).toBe('Flag: The pricing deck is outdated');
    expect(f.text.startsWith('Feedback:')).toBe(true);
  });

  it('speaks French with French amounts', () => {
    const card = buildItemCard(flag({ revenue: 50000 }), fr, 'fr', '+1');
    expect(texts(card.blocks)[0]).toContain('Signalement');
    const facts = sectionTexts(card.blocks).find((s) => s.startsWith('*En jeu'));
    expect(facts?.replace(/\s/g, ' ')).toBe('*En jeu :* 50 000');
    expect(card.text.startsWith('Signalement : ')).toBe(true);
  });

  it('shows no facts section when there are no facts, and no side when it is unknown', () => {
    const card = buildItemCard(feedback({ author_side: null }), en, 'en', '+1');
    expect(sectionTexts(card.blocks)).toEqual(['Customers want an offline mode']);
    expect(JSON.stringify(card.blocks)).toContain('"From <@U0AUTHOR>"');
  });

  it('a revenue of zero is still shown', () => {
    const card = buildItemCard(feedback({ revenue: 0 }), en, 'en', '+1');
    expect(sectionTexts(card.blocks)).toContain('*At stake:* 0');
  });

  it('links the original message only for an https permalink without markup', () => {
    const ok = buildItemCard(feedback({ source_permalink: 'https://acme.slack.com/archives/C1/p1700000000000100' }), en, 'en', '+1');
    expect(JSON.stringify(ok.blocks)).toContain('<https://acme.slack.com/archives/C1/p1700000000000100|Original message>');
    for (const bad of [
      'http://acme.slack.com/archives/C1/p1',
      'https://evil|bank',
      'https://x.com/a>b',
      'https://x.com/<!channel>',
      'javascript:alert(1)',
    ]) {
      const card = buildItemCard(feedback({ source_permalink: bad }), en, 'en', '+1');
      expect(JSON.stringify(card.blocks), bad).not.toContain('Original message');
      expect(JSON.stringify(card.blocks)).not.toContain(bad);
    }
  });

  it('a crafted author id does not become markup', () => {
    const card = buildItemCard(feedback({ author_id: 'U1><!channel' }), en, 'en', '+1');
    expect(JSON.stringify(card.blocks)).not.toContain('<!channel');
    expect(JSON.stringify(card.blocks).match(/<[^>]*>/g)).toBeNull();
  });

  it('no section text is over 3,000 characters, even with every field at its longest and full of `&`', () => {
    const item = flag({
      text: '&'.repeat(600),
      customer_need: '<'.repeat(250),
      reason: '>'.repeat(250),
      product: '&'.repeat(30),
      customer: '&'.repeat(30),
      competitor: '&'.repeat(30),
      revenue: 9_999_999_999_999,
      urgency: 'medium',
    });
    for (const t of [en, fr]) {
      const card = buildItemCard(item, t, t === en ? 'en' : 'fr', '+1');
      const sections = sectionTexts(card.blocks);
      expect(sections[0]).toHaveLength(3000);
      for (const s of sections) expect(s.length).toBeLessThanOrEqual(3000);
      expect(card.blocks.length).toBeLessThanOrEqual(50);
    }
  });

  it('the fallback text is short, cut before escaping so no entity is broken', () => {
    const card = buildItemCard(feedback({ text: `${'word '.repeat(100)}&` }), en, 'en', '+1');
    expect(card.text.length).toBeLessThan(320);
    expect(card.text.endsWith('…')).toBe(true);
    const long = buildItemCard(feedback({ text: '&'.repeat(1000) }), en, 'en', '+1');
    expect(long.text).toMatch(/^Feedback: (&amp;)+…$/);
  });
});
