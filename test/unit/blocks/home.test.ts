import type { AnyBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { DashboardItem } from '../../../db/dashboard.js';
import { buildHome, HOME_LISTS, type HomeData } from '../../../src/blocks/home.js';
import { NO_DETAILS } from '../../../src/domain/items.js';
import { en } from '../../../src/i18n/en.js';
import { fr } from '../../../src/i18n/fr.js';
import { ACTIONS } from '../../../src/ids.js';

const NOW = new Date('2026-11-23T08:00:00.000Z');

function item(id: number, over: Partial<DashboardItem> = {}): DashboardItem {
  return {
    id,
    team_id: 'T0123',
    kind: 'feedback',
    category: 'idea',
    text: `Item number ${id}`,
    ...NO_DETAILS,
    author_id: 'U0AUTHOR',
    author_side: 'sales',
    source_channel_id: null,
    source_ts: null,
    source_permalink: null,
    status: 'new',
    merged_into: null,
    card_channel_id: 'C0123',
    card_ts: `1700000000.${String(id).padStart(6, '0')}`,
    card_state: 'posted',
    first_response_at: null,
    reply_to: null,
    locale: 'en',
    client_key: null,
    created_at: '2026-11-18T09:00:00.000Z',
    updated_at: '2026-11-18T09:00:00.000Z',
    votes: 0,
    customers: 0,
    customer_revenue: 0,
    ...over,
  };
}

const link = (i: DashboardItem) => `https://acme.slack.com/archives/${i.card_channel_id}/p${i.card_ts!.replace('.', '')}`;

function data(over: Partial<HomeData> = {}): HomeData {
  return {
    t: en,
    locale: 'en',
    timezone: 'Europe/Paris',
    now: NOW,
    side: 'sales',
    muted: false,
    answers: false,
    own: [],
    top: [],
    waiting: { items: [], total: 0 },
    nextDigest: new Date('2026-11-30T08:00:00.000Z'),
    voteEmoji: '+1',
    linkFor: (i) => (i.card_ts ? link(i) : null),
    ...over,
  };
}

type Block = AnyBlock & {
  text?: { text: string };
  accessory?: { action_id: string; url?: string; value?: string; text: { text: string } };
  elements?: Array<{ action_id?: string; value?: string; style?: string; text: { text: string } }>;
};
const blocksOf = (d: HomeData) => buildHome(d).blocks as Block[];
const sectionTexts = (blocks: Block[]) => blocks.filter((b) => b.type === 'section').map((b) => b.text!.text);
const headers = (blocks: Block[]) => blocks.filter((b) => b.type === 'header').map((b) => b.text!.text);
const actionIds = (blocks: Block[]) => JSON.stringify(blocks).match(/"action_id":"[^"]+"/g) ?? [];

describe('buildHome', () => {
  it('with nothing filed, says so, offers both buttons, and ends with the help for the tab', () => {
    const view = buildHome(data());
    expect(view.type).toBe('home');
    const json = JSON.stringify(view.blocks);
    expect(json).toContain(en.home.none);
    expect(json).toContain(`"action_id":"${ACTIONS.homeNewFeedback}"`);
    expect(json).toContain(`"action_id":"${ACTIONS.homeNewFlag}"`);
    expect(sectionTexts(view.blocks as Block[]).at(-1)).toBe(en.home.help('+1'));
    // Written for a tab: no "this message", no "this channel".
    expect(en.home.help('+1')).not.toMatch(/this (message|channel)/);
    expect(fr.home.help('+1')).not.toMatch(/ce (message|canal)/);
  });

  it('lists each own item with its kind, date in the reader’s zone, status and votes, and customers where there are some', () => {
    const lines = sectionTexts(
      blocksOf(
        data({
          own: [
            item(1, { votes: 1 }),
            item(2, { kind: 'flag', status: 'planned', votes: 3, customers: 2, created_at: '2026-11-22T23:30:00.000Z' }),
          ],
        }),
      ),
    );
    expect(lines).toContain('Feedback · Item number 1\n_18 Nov · New · 1 vote_');
    expect(lines).toContain('Flag · Item number 2\n_23 Nov · Planned · 3 votes · 2 customers_');
    const inNewYork = sectionTexts(
      blocksOf(data({ timezone: 'America/New_York', own: [item(2, { created_at: '2026-11-22T23:30:00.000Z' })] })),
    );
    expect(inNewYork).toContain('Feedback · Item number 2\n_22 Nov · New · 0 votes_');
  });

  it('escapes the item text, so no mention or disguised link survives', () => {
    const json = JSON.stringify(
      buildHome(data({ own: [item(1, { text: '<!channel> <!here> <!subteam^S1|@all> <http://evil|bank> &' })] })).blocks,
    );
    expect(json).not.toMatch(/<!channel>|<!here>|<!subteam|<http:\/\/evil/);
    expect(json).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;!subteam^S1|@all&gt; &lt;http://evil|bank&gt; &amp;');
  });

  it('shortens long item text and keeps every section within 3,000 characters', () => {
    const blocks = blocksOf(
      data({
        own: [item(1, { text: '&'.repeat(3000) })],
        answers: true,
        waiting: { items: [item(2, { text: '<'.repeat(3000) })], total: 1 },
      }),
    );
    const line = sectionTexts(blocks).find((s) => s.startsWith('Feedback ·'));
    expect(line!.length).toBeLessThan(1100);
    for (const s of sectionTexts(blocks)) expect(s.length).toBeLessThanOrEqual(3000);
  });

  it('links each item to its card (from the workspace URL), and shows an item without a card without a button', () => {
    const blocks = blocksOf(data({ own: [item(7), item(8, { card_ts: null })] }));
    const withButton = blocks.filter((b) => b.type === 'section' && b.accessory?.url);
    expect(withButton).toHaveLength(1);
    expect(withButton[0]!.accessory).toEqual({
      type: 'button',
      action_id: `${ACTIONS.openCard}_7`,
      text: { type: 'plain_text', text: en.home.open, emoji: true },
      url: 'https://acme.slack.com/archives/C0123/p1700000000000007',
    });
  });

  it('shows this week’s top open items, ranked as given, with their backing', () => {
    const top = [item(3, { votes: 5, customers: 2, revenue: 10_000, customer_revenue: 40_000, status: 'planned' }), item(4, { votes: 2 })];
    const blocks = blocksOf(data({ top }));
    expect(headers(blocks)).toContain(en.home.topTitle);
    expect(sectionTexts(blocks)).toContain('1. Item number 3\n_Planned · 5 votes · 2 customers · 50,000 at stake_');
    expect(sectionTexts(blocks)).toContain('2. Item number 4\n_New · 2 votes_');
    expect(JSON.stringify(blocksOf(data()))).toContain(en.home.topNone);
  });

  describe('for a marketer and for a salesperson', () => {
    const waiting = {
      items: [item(20, { created_at: '2026-11-02T08:00:00.000Z', votes: 4 }), item(21, { created_at: '2026-11-20T08:00:00.000Z' })],
      total: 12,
    };

    it('a marketer (or a Terrain admin) sees what waits for an answer first, oldest first, with how long it has waited', () => {
      const blocks = blocksOf(data({ side: 'marketing', answers: true, waiting, own: [item(1)] }));
      expect(headers(blocks)).toEqual([en.home.title, en.home.waitingTitle(12), en.home.yourItems, en.home.topTitle]);
      const lines = sectionTexts(blocks);
      expect(lines).toContain(en.home.waitingLine('Item number 20', '21 days', '4 votes'));
      expect(lines).toContain(en.home.waitingLine('Item number 21', '3 days', '0 votes'));
      expect(lines.findIndex((l) => l.startsWith('Item number 20'))).toBeLessThan(lines.findIndex((l) => l.startsWith('Item number 21')));
      expect(JSON.stringify(blocks)).toContain(en.home.more(10));
      expect(JSON.stringify(blocks)).not.toContain('<@');
      expect(actionIds(blocks)).toContain(`"action_id":"${ACTIONS.openCard}_waiting_20"`);
    });

    it('in French, the marketer’s tab waits “depuis 21 jours”', () => {
      const lines = sectionTexts(blocksOf(data({ t: fr, locale: 'fr', side: 'marketing', answers: true, waiting })));
      expect(lines).toContain(fr.home.waitingLine('Item number 20', '21 jours', '4 votes'));
      expect(lines.some((l) => l.includes('En attente depuis 21 jours'))).toBe(true);
    });

    it('says who filed what waits, by name, without a ping', () => {
      const names = new Map([['U0AUTHOR', 'Sam <Seller>']]);
      const lines = sectionTexts(blocksOf(data({ side: 'marketing', answers: true, waiting, names })));
      expect(lines).toContain(en.home.waitingLine('Item number 20', '21 days', 'from Sam &lt;Seller&gt; · 4 votes'));
    });

    it('says so when nothing waits', () => {
      expect(JSON.stringify(blocksOf(data({ answers: true })))).toContain(en.home.waitingNone);
    });

    it('a salesperson sees their own items first, and no list of what waits', () => {
      const blocks = blocksOf(data({ side: 'sales', own: [item(1)] }));
      expect(headers(blocks)).toEqual([en.home.title, en.home.yourItems, en.home.topTitle]);
      expect(JSON.stringify(blocks)).not.toContain(en.home.waitingTitle(0).slice(0, 10));
    });
  });

  it('offers the sides as one-click buttons, the current one marked', () => {
    const blocks = blocksOf(data({ side: 'marketing' }));
    const picker = blocks.find((b) => b.type === 'actions' && b.elements?.some((e) => e.action_id?.startsWith(ACTIONS.setSide)))!;
    expect(picker.elements!.map((e) => [e.action_id, e.value, e.text.text, e.style])).toEqual([
      [`${ACTIONS.setSide}_sales`, 'sales', 'Sales', undefined],
      [`${ACTIONS.setSide}_marketing`, 'marketing', '✓ Marketing', 'primary'],
      [`${ACTIONS.setSide}_other`, 'other', 'Other', undefined],
    ]);
    expect(sectionTexts(blocks)).toContain(en.home.sideKnown('Marketing'));
    const unknown = blocksOf(data({ side: null }));
    expect(sectionTexts(unknown)).toContain(en.home.sideUnknown);
    expect(JSON.stringify(unknown)).not.toContain('"style":"primary","text":{"type":"plain_text","text":"✓');
    expect(JSON.stringify(unknown)).not.toContain('✓');
  });

  it('says when sides also follow the workspace’s user groups', () => {
    expect(JSON.stringify(blocksOf(data({ sidesFromGroups: true })))).toContain(en.home.sidesFromGroups);
    expect(JSON.stringify(blocksOf(data()))).not.toContain(en.home.sidesFromGroups);
  });

  it('shows whether updates are muted, with the one-click button that changes it', () => {
    const on = blocksOf(data({ muted: false })).find((b) => b.accessory?.action_id === ACTIONS.muteUpdates)!;
    expect(on.text!.text).toBe(en.home.updatesOn);
    expect(on.accessory).toMatchObject({ value: 'mute', text: { text: en.home.mute } });
    const muted = blocksOf(data({ muted: true })).find((b) => b.accessory?.action_id === ACTIONS.muteUpdates)!;
    expect(muted.text!.text).toBe(en.home.updatesMuted);
    expect(muted.accessory).toMatchObject({ value: 'unmute', text: { text: en.home.unmute } });
  });

  it('says when the next digest comes, on the reader’s clock and in their language', () => {
    expect(JSON.stringify(blocksOf(data()))).toContain(en.home.nextDigest('Monday 30 November, 09:00'));
    expect(JSON.stringify(blocksOf(data({ timezone: 'America/New_York' })))).toContain(en.home.nextDigest('Monday 30 November, 03:00'));
    expect(JSON.stringify(blocksOf(data({ t: fr, locale: 'fr' })))).toContain(fr.home.nextDigest('lundi 30 novembre, 09:00'));
    expect(JSON.stringify(blocksOf(data({ nextDigest: null })))).toContain(en.home.noDigest);
  });

  it.each([
    ['en', en, 'sales', false],
    ['fr', fr, 'sales', false],
    ['en', en, 'marketing', true],
    ['fr', fr, 'marketing', true],
  ] as const)('stays within 100 blocks with hundreds of items (%s, %s), every action id once', (locale, t, side, answers) => {
    const many = Array.from({ length: 500 }, (_, i) => item(i + 1, { votes: i % 7, customers: i % 3 }));
    const blocks = blocksOf(data({ t, locale, side, answers, own: many, top: many, waiting: { items: many, total: 500 } }));
    expect(blocks.length).toBeLessThanOrEqual(100);
    expect(blocks.filter((b) => b.type === 'section' && b.accessory?.url)).toHaveLength(
      HOME_LISTS.own + HOME_LISTS.top + (answers ? HOME_LISTS.waiting : 0),
    );
    expect(sectionTexts(blocks).at(-1)).toBe(t.home.help('+1'));
    const ids = actionIds(blocks);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('speaks French with the French catalogue', () => {
    const lines = sectionTexts(blocksOf(data({ t: fr, locale: 'fr', own: [item(1, { status: 'shipped', votes: 2 })] })));
    expect(lines).toContain('Retour terrain · Item number 1\n_18 nov. · Livré · 2 votes_');
    expect(headers(blocksOf(data({ t: fr, locale: 'fr' })))).toContain(fr.home.yourItems);
  });
});
