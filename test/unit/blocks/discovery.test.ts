import { describe, expect, it } from 'vitest';
import { buildMergeCredit, buildMergeModal, mergeAnswer } from '../../../src/blocks/merge.js';
import { buildSearchResults, MAX_RESULTS, type SearchShown } from '../../../src/blocks/search.js';
import { buildSuggestion, parseVoteInsteadValue, type SimilarShown, voteInsteadValue } from '../../../src/blocks/similar.js';
import { cardPermalink, urlOfTeamDomain } from '../../../src/domain/links.js';
import { messages } from '../../../src/i18n/index.js';
import { ACTIONS, MERGE_FIELDS, VIEWS } from '../../../src/ids.js';

const en = messages('en');
const fr = messages('fr');
const DANGER = 'Hey <!channel> <@U0BOSS> <https://evil.example|bank> & more';
const sectionTexts = (blocks: ReadonlyArray<{ type: string; text?: unknown }>) =>
  blocks.flatMap((b) => (b.type === 'section' ? [(b.text as { text: string }).text] : []));

describe('the suggestion of similar items', () => {
  const similar = (n: number): SimilarShown[] =>
    Array.from({ length: n }, (_, i) => ({ id: i + 1, text: `${DANGER} ${'x'.repeat(400)}`, status: 'new', votes: i, link: null }));

  it('offers three items at most, each with a vote button, and a button to post anyway', () => {
    const content = buildSuggestion(en, 9, similar(5), 2);
    expect(content.blocks).toHaveLength(5);
    const votes = content.blocks.filter((b) => b.type === 'section' && 'accessory' in b && b.accessory);
    expect(votes.map((b) => (b as { accessory: { action_id: string; value: string } }).accessory)).toMatchObject([
      { action_id: ACTIONS.voteInstead, value: '1:9' },
      { action_id: ACTIONS.voteInstead, value: '2:9' },
      { action_id: ACTIONS.voteInstead, value: '3:9' },
    ]);
    expect(content.blocks.at(-1)).toMatchObject({ type: 'actions', elements: [{ action_id: ACTIONS.postAnyway, value: '9' }] });
    expect(content.text).toBe(en.similar.intro(2).replace(/\*/g, ''));
  });

  it('escapes what the items say and keeps each line short', () => {
    for (const text of sectionTexts(buildSuggestion(en, 9, similar(3), 2).blocks)) {
      expect(text).not.toContain('<!channel>');
      expect(text).not.toContain('<@U0BOSS>');
      expect(text).not.toContain('<https://evil');
      expect(text.length).toBeLessThan(400);
    }
  });

  it('links each item to its card when it has one, in the reader’s language', () => {
    const [, line] = sectionTexts(
      buildSuggestion(
        fr,
        9,
        [{ id: 3, text: 'Mode hors ligne', status: 'planned', votes: 1, link: 'https://acme.slack.com/archives/C1/p1' }],
        2,
      ).blocks,
    );
    expect(line).toBe('<https://acme.slack.com/archives/C1/p1|n° 3> « Mode hors ligne »\n_Prévu · 1 vote_');
  });

  it('button values go there and back, and nothing else is read as one', () => {
    expect(parseVoteInsteadValue(voteInsteadValue(3, 9))).toEqual({ similarId: 3, newItemId: 9 });
    for (const bad of [undefined, '', '3', '3:', ':9', '3:9:1', 'a:b', '3;9', '1234567890:1'])
      expect(parseVoteInsteadValue(bad)).toBeUndefined();
  });
});

describe('search results', () => {
  const result = (id: number, overrides: Partial<SearchShown> = {}): SearchShown => ({
    id,
    kind: 'feedback',
    text: DANGER,
    status: 'acknowledged',
    votes: 1,
    customers: 2,
    link: null,
    ...overrides,
  });

  it('a line per item with its status, votes and customers, within Slack’s limits, escaped', () => {
    const content = buildSearchResults(
      en,
      'offline <!here>',
      Array.from({ length: 30 }, (_, i) => result(i + 1)),
      { partial: false, more: true },
    );
    expect(content.blocks).toHaveLength(MAX_RESULTS + 2);
    const [title, ...lines] = sectionTexts(content.blocks);
    expect(title).toBe(en.search.found('offline &lt;!here&gt;'));
    expect(lines[0]).toBe(
      `*#1* · Feedback · *Acknowledged* · 1 vote · 2 customers\n“Hey &lt;!channel&gt; &lt;@U0BOSS&gt; &lt;https://evil.example|bank&gt; &amp; more”`,
    );
    expect(JSON.stringify(content)).not.toContain('<!');
    expect(content.blocks.at(-1)).toMatchObject({ type: 'context', elements: [{ text: en.search.more }] });
  });

  it('flags read as flags; a card link wraps the handle; nothing found is one friendly line', () => {
    const flag = buildSearchResults(
      en,
      'deck',
      [result(4, { kind: 'flag', link: 'https://acme.slack.com/archives/C1/p2', votes: 0, customers: 1 })],
      {
        partial: true,
        more: false,
      },
    );
    expect(sectionTexts(flag.blocks)).toEqual([
      en.search.someWords('deck'),
      `<https://acme.slack.com/archives/C1/p2|#4> · Flag · *Acknowledged* · 0 votes · 1 customer\n“Hey &lt;!channel&gt; &lt;@U0BOSS&gt; &lt;https://evil.example|bank&gt; &amp; more”`,
    ]);
    expect(buildSearchResults(en, 'kiosk', [], { partial: false, more: false })).toEqual({
      text: en.search.none('kiosk'),
      blocks: [expect.anything()],
    });
  });
});

describe('merging', () => {
  it('the modal offers look-alikes (labels within 75 characters) and a number to type', () => {
    const candidates = Array.from({ length: 120 }, (_, i) => ({ id: i + 10, text: `A long description ${'word '.repeat(30)}` }));
    const view = buildMergeModal(en, { id: 7, text: DANGER }, candidates, 'en');
    expect(view.callback_id).toBe(VIEWS.mergeItem);
    expect(JSON.parse(view.private_metadata!)).toEqual({ duplicateId: 7, locale: 'en' });
    const select = view.blocks.find((b) => 'block_id' in b && b.block_id === MERGE_FIELDS.original) as {
      element: { options: Array<{ text: { text: string }; value: string }> };
    };
    expect(select.element.options).toHaveLength(100);
    expect(select.element.options[0]).toMatchObject({ value: '10' });
    for (const o of select.element.options) expect(o.text.text.length).toBeLessThanOrEqual(75);
    expect(view.blocks.find((b) => 'block_id' in b && b.block_id === MERGE_FIELDS.number)).toMatchObject({ optional: true });
    expect(JSON.stringify(view.blocks)).not.toContain('<!channel>');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(buildMergeModal(fr, { id: 7, text: 'x' }, [], 'fr').title.text.length).toBeLessThanOrEqual(24);
  });

  it('without look-alikes, the number is required', () => {
    const view = buildMergeModal(en, { id: 7, text: 'x' }, [], 'en');
    expect(view.blocks.map((b) => ('block_id' in b ? b.block_id : b.type))).toEqual(['section', MERGE_FIELDS.number]);
    expect(view.blocks[1]).toMatchObject({ optional: false });
  });

  it('says why a merge was not done, naming the items by their handles', () => {
    const asked = { duplicateId: 7, originalId: 3 };
    expect(mergeAnswer(en, { ok: false, why: 'unknown_duplicate' }, asked)).toBe(en.merge.unknown('#7'));
    expect(mergeAnswer(en, { ok: false, why: 'unknown_original' }, asked)).toBe(en.merge.unknown('#3'));
    expect(mergeAnswer(en, { ok: false, why: 'same_item' }, asked)).toBe(en.merge.sameItem('#7'));
    expect(mergeAnswer(fr, { ok: false, why: 'cycle' }, asked)).toBe(fr.merge.cycle('n° 7', 'n° 3'));
    expect(mergeAnswer(en, { ok: false, why: 'already_merged', mergedInto: 5 }, asked)).toBe(en.merge.alreadyMerged('#7', '#5'));
    expect(mergeAnswer(en, { ok: true, duplicateId: 7, rootId: 1, followed: true, alreadyDone: true }, asked)).toBe(
      en.merge.alreadyDone('#7', '#1'),
    );
  });

  it('the credit quotes the duplicate, escaped, under one mention', () => {
    const credit = buildMergeCredit(en, '<@U0SALES2>', { id: 7, text: DANGER });
    expect(credit.text).toBe('<@U0SALES2> raised this too (#7):');
    expect(JSON.stringify(credit)).not.toContain('<!channel>');
    expect(JSON.stringify(credit).match(/<@/g)).toHaveLength(2); // the credit's mention, in the text and the block
  });
});

describe('card links', () => {
  it('are built from the workspace address, or not at all', () => {
    const card = { card_channel_id: 'C0TERRAIN', card_ts: '1700000000.000100' };
    expect(cardPermalink('https://acme.slack.com/', card)).toBe('https://acme.slack.com/archives/C0TERRAIN/p1700000000000100');
    expect(cardPermalink('https://acme.slack.com', card)).toBe('https://acme.slack.com/archives/C0TERRAIN/p1700000000000100');
    expect(cardPermalink(undefined, card)).toBeNull();
    expect(cardPermalink('https://evil.example/', card)).toBeNull();
    expect(cardPermalink('https://acme.slack.com/', { ...card, card_ts: null })).toBeNull();
    expect(cardPermalink('https://acme.slack.com/', { ...card, card_channel_id: '<!here>' })).toBeNull();
    expect(urlOfTeamDomain('acme')).toBe('https://acme.slack.com/');
    for (const bad of ['', 'acme.evil.com', 'a b', '<!here>', undefined, 42]) expect(urlOfTeamDomain(bad)).toBeUndefined();
  });
});
