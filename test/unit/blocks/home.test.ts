import type { AnyBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { ItemWithVotes } from '../../../db/items.js';
import { buildHome } from '../../../src/blocks/home.js';
import { NO_DETAILS } from '../../../src/domain/items.js';
import { en } from '../../../src/i18n/en.js';
import { fr } from '../../../src/i18n/fr.js';
import { ACTIONS } from '../../../src/ids.js';

function item(id: number, over: Partial<ItemWithVotes> = {}): ItemWithVotes {
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
    card_ts: '1700000000.000100',
    card_state: 'posted',
    first_response_at: null,
    reply_to: null,
    locale: 'en',
    client_key: null,
    created_at: '2026-11-23T09:00:00.000Z',
    updated_at: '2026-11-23T09:00:00.000Z',
    votes: 0,
    ...over,
  };
}

const sectionTexts = (blocks: AnyBlock[]) =>
  blocks.filter((b) => b.type === 'section').map((b) => (b as { text: { text: string } }).text.text);

describe('buildHome', () => {
  it('with nothing filed, says so and offers both buttons', () => {
    const view = buildHome(en, [], new Map());
    expect(view.type).toBe('home');
    const json = JSON.stringify(view.blocks);
    expect(json).toContain(en.home.none);
    expect(json).toContain(`"action_id":"${ACTIONS.homeNewFeedback}"`);
    expect(json).toContain(`"action_id":"${ACTIONS.homeNewFlag}"`);
    expect(sectionTexts(view.blocks).at(-1)).toBe(en.terrain.help);
  });

  it('lists each item with its kind, status and votes', () => {
    const view = buildHome(en, [item(1, { votes: 1 }), item(2, { kind: 'flag', status: 'planned', votes: 3 })], new Map());
    const lines = sectionTexts(view.blocks);
    expect(lines).toContain('Feedback · Item number 1\n_New · 1 vote_');
    expect(lines).toContain('Flag · Item number 2\n_Planned · 3 votes_');
    expect(JSON.stringify(view.blocks)).not.toContain(en.home.none);
  });

  it('escapes the item text, so no mention or disguised link survives', () => {
    const view = buildHome(en, [item(1, { text: '<!channel> <!here> <!subteam^S1|@all> <http://evil|bank> &' })], new Map());
    const json = JSON.stringify(view.blocks);
    expect(json).not.toMatch(/<!channel>|<!here>|<!subteam|<http:\/\/evil/);
    expect(json).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;!subteam^S1|@all&gt; &lt;http://evil|bank&gt; &amp;');
  });

  it('shortens long item text and keeps every section within 3,000 characters', () => {
    const view = buildHome(en, [item(1, { text: '&'.repeat(3000) })], new Map());
    const line = sectionTexts(view.blocks).find((s) => s.startsWith('Feedback ·'));
    expect(line).toBeDefined();
    expect(line!.length).toBeLessThan(1100);
    for (const s of sectionTexts(view.blocks)) expect(s.length).toBeLessThanOrEqual(3000);
  });

  it('offers an "Open card" button with the permalink where there is one', () => {
    const permalink = 'https://acme.slack.com/archives/C0123/p1700000000000100';
    const view = buildHome(en, [item(7), item(8)], new Map([[7, permalink]]));
    const withButton = view.blocks.filter((b) => b.type === 'section' && 'accessory' in b && b.accessory);
    expect(withButton).toHaveLength(1);
    expect((withButton[0] as { accessory: unknown }).accessory).toEqual({
      type: 'button',
      action_id: `${ACTIONS.openCard}_7`,
      text: { type: 'plain_text', text: en.home.open, emoji: true },
      url: permalink,
    });
  });

  it('has at most 100 blocks even with many items', () => {
    const many = Array.from({ length: 500 }, (_, i) => item(i + 1));
    const links = new Map(many.map((it) => [it.id, `https://acme.slack.com/archives/C1/p${it.id}`] as const));
    const view = buildHome(fr, many, links);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    // The newest items are shown and the help still closes the tab.
    expect(JSON.stringify(view.blocks)).toContain('Item number 1\\n');
    expect(sectionTexts(view.blocks).at(-1)).toBe(fr.terrain.help);
    const actionIds = JSON.stringify(view.blocks).match(/"action_id":"[^"]+"/g) ?? [];
    expect(new Set(actionIds).size).toBe(actionIds.length);
  });

  it('speaks French with the French catalogue', () => {
    const view = buildHome(fr, [item(1, { status: 'shipped', votes: 2 })], new Map());
    expect(sectionTexts(view.blocks)).toContain('Retour terrain · Item number 1\n_Livré · 2 votes_');
  });
});
