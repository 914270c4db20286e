import { beforeEach, expect, it } from 'vitest';
import { listItemsWithVotes } from '../../db/items.js';
import { getMessageByKey } from '../../db/outbox.js';
import { countVotes } from '../../db/votes.js';
import { messages } from '../../src/i18n/index.js';
import { ACTIONS, FIELD_ACTION, FIELDS, VIEWS } from '../../src/ids.js';
import { CHANNEL, SIGNING_SECRET, startTestApp, TEAM } from '../support/app.js';
import { manualClock } from '../support/clock.js';
import { describeDb, dialect } from '../support/database.js';
import { useE2E } from '../support/e2e.js';
import { allText, buttonClick, cardOf } from '../support/interactions.js';
import { reactionEvent, sendCommand, sendEvent, sendInteraction } from '../support/slack-requests.js';

const opts = { secret: SIGNING_SECRET };
const en = messages('en');
const fr = messages('fr');
const FILED = new Date('2026-11-23T10:00:00.000Z');
const GRACE = 2 * 60_000;

const ORIGINAL = 'Retail customers need an offline mode for their stores';
const LOOKALIKE = 'Stores in retail want to work offline';

describeDb(`similar items before a card is posted (${dialect})`, () => {
  const clock = manualClock(FILED);
  beforeEach(() => clock.set(FILED)); // before useE2E starts the app on this clock
  const e2e = useE2E({ clock });

  const items = () => e2e.db.db.selectFrom('items').selectAll().orderBy('id').execute();
  const file = (text: string, userId: string, responseId: string, command = '/feedback') =>
    sendCommand(e2e.app.url, { command, text, user_id: userId, response_url: e2e.fake.responseUrl(responseId) }, opts);
  const click = (userId: string, actionId: string, value: string, responseId: string) =>
    sendInteraction(e2e.app.url, buttonClick({ userId, actionId, value, responseUrl: e2e.fake.responseUrl(responseId) }), opts);
  const vote = (userId: string, ts: string) =>
    sendEvent(e2e.app.url, reactionEvent('reaction_added', { user: userId, reaction: '+1', channel: CHANNEL, ts }), opts);
  const responses = (id: string) => e2e.fake.callsTo('response_url').filter((c) => c.args._id === id);

  /** The original item, posted with its card, and an item of another workspace and closed ones that must never be offered. */
  async function original(): Promise<{ id: number; ts: string }> {
    expect((await file(ORIGINAL, 'U0SALES1', 'first')).status).toBe(200);
    await e2e.app.drain();
    const [item] = await items();
    const card = cardOf(e2e.fake, CHANNEL, item!.id);
    expect(card).toBeDefined();
    return { id: item!.id, ts: card!.ts };
  }

  it('/feedback like an open item: the acknowledgement offers it privately, the new item is stored and its card waits', async () => {
    const first = await original();
    // Closed items and another workspace's are never offered, however alike.
    for (const status of ['shipped', 'declined'] as const) {
      await file(`${ORIGINAL} (${status})`, 'U0SALES1', status);
      await e2e.app.drain();
      const last = (await items()).at(-1)!;
      await e2e.db.db.updateTable('items').set({ status }).where('id', '=', last.id).execute();
    }
    await e2e.db.db
      .insertInto('items')
      .values({ ...(await items())[0]!, id: undefined as never, team_id: 'T0OTHER', client_key: null })
      .execute();
    const before = e2e.fake.callsTo('chat.postMessage').length;

    const res = await file(LOOKALIKE, 'U0SALES2', 'second');
    expect(res.status).toBe(200);
    const stored = (await items()).find((i) => i.text === LOOKALIKE)!;
    expect(stored).toMatchObject({ author_id: 'U0SALES2', status: 'new', card_state: 'pending' }); // acknowledged means stored

    // The suggestion rides on the acknowledgement: ephemeral, no extra Web API call.
    expect(res.json.response_type).toBe('ephemeral');
    expect(res.json.text).toContain('Looks like this was already raised');
    const blocks = res.json.blocks as Array<Record<string, any>>;
    expect(blocks[0]!.text.text).toBe(en.similar.intro(2));
    const offered = blocks.filter((b) => b.accessory?.action_id === ACTIONS.voteInstead);
    expect(offered).toHaveLength(1);
    expect(offered[0]!.accessory.value).toBe(`${first.id}:${stored.id}`);
    expect(offered[0]!.accessory.text.text).toBe(en.similar.voteInstead);
    expect(offered[0]!.text.text).toContain(`<https://acme.slack.com/archives/${CHANNEL}/p${first.ts.replace('.', '')}|#${first.id}>`);
    expect(offered[0]!.text.text).toContain('Retail customers need an offline mode');
    expect(offered[0]!.text.text).toContain('_New · 0 votes_');
    expect(blocks.at(-1)).toMatchObject({
      type: 'actions',
      elements: [{ action_id: ACTIONS.postAnyway, value: String(stored.id), text: { text: en.similar.postAnyway } }],
    });

    const queued = await getMessageByKey(e2e.db.db, TEAM, `card:${stored.id}`);
    expect(queued).toMatchObject({ state: 'pending', next_attempt_at: new Date(FILED.getTime() + GRACE).toISOString() });
    await e2e.app.drain();
    expect(e2e.fake.callsTo('chat.postMessage').length).toBe(before);
    expect(cardOf(e2e.fake, CHANNEL, stored.id)).toBeUndefined();

    // Doing nothing: once the wait is over, the card is posted and the filer told, as for any item.
    clock.advance(GRACE - 1000);
    await e2e.app.drain();
    expect(cardOf(e2e.fake, CHANNEL, stored.id)).toBeUndefined();
    clock.advance(1000);
    await e2e.app.drain();
    expect(cardOf(e2e.fake, CHANNEL, stored.id)).toBeDefined();
    expect(responses('second').map((c) => c.args.text)).toEqual([expect.stringContaining('see the card')]);
  });

  it('an item like nothing open is posted at once, its filer thanked in the acknowledgement', async () => {
    await original();
    const res = await file('Pricing page hides the annual plan', 'U0SALES2', 'other');
    expect(res.json.text).toContain('its card goes up');
    expect(JSON.stringify(res.json.blocks)).not.toContain(ACTIONS.voteInstead);
    await e2e.app.drain();
    const other = (await items()).at(-1)!;
    expect(cardOf(e2e.fake, CHANNEL, other.id)).toBeDefined();
  });

  it('"Vote for this one instead": the vote counts once, the card is withdrawn (never posted, after the delay or a restart), the filer is told', async () => {
    const first = await original();
    await vote('U0VOTER', first.ts);
    await vote('U0SALES2', first.ts); // the filer had voted already, by reaction
    const res = await file(LOOKALIKE, 'U0SALES2', 'second');
    const fresh = (await items()).at(-1)!;
    const value = res.json.blocks.find((b: any) => b.accessory?.action_id === ACTIONS.voteInstead).accessory.value;
    const updatesBefore = e2e.fake.callsTo('chat.update').length;

    const clicked = await click('U0SALES2', ACTIONS.voteInstead, value, 'choice');
    expect(clicked.status).toBe(200);
    // Acknowledged means stored: merged before Slack has its 200.
    expect((await items()).find((i) => i.id === fresh.id)).toMatchObject({ status: 'merged', merged_into: first.id });
    expect(await getMessageByKey(e2e.db.db, TEAM, `card:${fresh.id}`)).toMatchObject({ state: 'withdrawn' });
    // A double click changes nothing.
    expect((await click('U0SALES2', ACTIONS.voteInstead, value, 'again')).status).toBe(200);
    await e2e.app.drain();

    expect(await countVotes(e2e.db.db, first.id)).toBe(2); // U0VOTER and the filer, once
    const [told] = responses('choice');
    expect(told?.args).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(told?.args.text).toContain(
      `Done: your vote is on <https://acme.slack.com/archives/${CHANNEL}/p${first.ts.replace('.', '')}|#${first.id}>`,
    );
    expect(told?.args.text).toContain('which now has 2 votes');
    expect(responses('again').map((c) => c.args.text)).toEqual([en.similar.alreadyVoted(`#${first.id}`)]);
    const update = e2e.fake.callsTo('chat.update').slice(updatesBefore);
    expect(update.map((c) => c.args.ts)).toEqual([first.ts]); // the original's card; the new one was never posted
    await expect(e2e.db.db.selectFrom('status_changes').selectAll().execute()).resolves.toMatchObject([
      { item_id: fresh.id, from_status: 'new', to_status: 'merged', by_user_id: 'U0SALES2' },
    ]);

    // A reaction removed later does not take the vote back: it was cast through Terrain.
    await sendEvent(
      e2e.app.url,
      reactionEvent('reaction_removed', { user: 'U0SALES2', reaction: '+1', channel: CHANNEL, ts: first.ts }),
      opts,
    );
    expect(await countVotes(e2e.db.db, first.id)).toBe(2);
    const listed = await listItemsWithVotes(e2e.db.db, TEAM);
    expect(listed.map((i) => [i.id, i.status, i.votes])).toEqual([
      [first.id, 'new', 2],
      [fresh.id, 'merged', 0],
    ]);

    clock.advance(GRACE * 3);
    await e2e.app.drain();
    expect(cardOf(e2e.fake, CHANNEL, fresh.id)).toBeUndefined();
    // A restarted process (a new one on the same database) does not send it either.
    const restarted = await startTestApp({ db: e2e.db, fake: e2e.fake, clock });
    try {
      await restarted.drain();
    } finally {
      await restarted.stop();
    }
    expect(cardOf(e2e.fake, CHANNEL, fresh.id)).toBeUndefined();
    expect(e2e.fake.callsTo('chat.postMessage').filter((c) => c.args.metadata?.event_payload?.item_id === fresh.id)).toHaveLength(0);
  });

  it('"Post mine anyway" posts the card at once and replaces the suggestion; only the filer may choose', async () => {
    await original();
    const res = await file(LOOKALIKE, 'U0SALES2', 'second');
    const fresh = (await items()).at(-1)!;
    const value = res.json.blocks.at(-1).elements[0].value;
    const voteValue = res.json.blocks.find((b: any) => b.accessory?.action_id === ACTIONS.voteInstead).accessory.value;

    // Someone else's clicks change nothing (a forwarded or shared message).
    await click('U0OTHER', ACTIONS.postAnyway, value, 'intruder');
    await click('U0OTHER', ACTIONS.voteInstead, voteValue, 'intruder2');
    await e2e.app.drain();
    expect(responses('intruder').map((c) => c.args.text)).toEqual([en.similar.notYours]);
    expect(responses('intruder2').map((c) => c.args.text)).toEqual([en.similar.notYours]);
    expect(cardOf(e2e.fake, CHANNEL, fresh.id)).toBeUndefined();
    expect((await items()).at(-1)).toMatchObject({ status: 'new' });

    await click('U0SALES2', ACTIONS.postAnyway, value, 'post');
    await e2e.app.drain(); // the clock has not moved: the card is due now
    expect(cardOf(e2e.fake, CHANNEL, fresh.id)).toBeDefined();
    expect(responses('post')[0]?.args).toMatchObject({ replace_original: true, text: en.similar.posting });
    expect(responses('second').map((c) => c.args.text)).toEqual([expect.stringContaining('see the card')]);
    // Clicked again, or the wait over: one card.
    await click('U0SALES2', ACTIONS.postAnyway, value, 'post-again');
    clock.advance(GRACE * 2);
    await e2e.app.drain();
    expect(e2e.fake.callsTo('chat.postMessage').filter((c) => c.args.metadata?.event_payload?.item_id === fresh.id)).toHaveLength(1);
    expect(responses('post-again')).toHaveLength(0);
  });

  it('a French filer gets the suggestion in French', async () => {
    await original();
    e2e.fake.setUser('U0FR', { locale: 'fr-FR' });
    const res = await file(LOOKALIKE, 'U0FR', 'fr');
    expect(res.json.blocks[0].text.text).toBe(fr.similar.intro(2));
    expect(JSON.stringify(res.json.blocks)).toContain(fr.similar.voteInstead);
    expect(JSON.stringify(res.json.blocks)).toContain('n° 1');
  });

  it('the modal: the suggestion goes to the filer through the outbox (by DM when no command opened it), and the card waits', async () => {
    const first = await original();
    const opened = { callback_id: VIEWS.feedback, private_metadata: JSON.stringify({ kind: 'feedback', locale: 'en' }) };
    const submission = {
      type: 'view_submission',
      team: { id: TEAM, domain: 'acme' },
      user: { id: 'U0SALES2', username: 'sales2', name: 'sales2', team_id: TEAM },
      api_app_id: 'A0001',
      token: 'verification-token',
      trigger_id: '222.333.submit',
      view: {
        id: 'VSIMILAR',
        team_id: TEAM,
        type: 'modal',
        ...opened,
        hash: '1700000000.abcdef',
        state: {
          values: {
            [FIELDS.category]: { [FIELD_ACTION]: { type: 'static_select', selected_option: { value: 'need' } } },
            [FIELDS.text]: { [FIELD_ACTION]: { type: 'plain_text_input', value: LOOKALIKE } },
          },
        },
      },
      response_urls: [],
      is_enterprise_install: false,
    };
    const res = await sendInteraction(e2e.app.url, submission, opts);
    expect(res.status).toBe(200);
    expect(res.text).toBe(''); // the modal closes
    await e2e.app.drain();
    const fresh = (await items()).at(-1)!;
    const dm = e2e.fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'U0SALES2');
    expect(dm?.args.text).toContain('Looks like this was already raised');
    expect(allText(dm?.args)).toContain(`"value":"${first.id}:${fresh.id}"`);
    expect(cardOf(e2e.fake, CHANNEL, fresh.id)).toBeUndefined();
    expect(await getMessageByKey(e2e.db.db, TEAM, `similar:${fresh.id}`)).toMatchObject({ state: 'sent' });
    // The same view submitted again (a retry) stores nothing more and suggests nothing more.
    await sendInteraction(e2e.app.url, submission, opts);
    await e2e.app.drain();
    expect((await items()).length).toBe(2);
    expect(e2e.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U0SALES2')).toHaveLength(1);
    clock.advance(GRACE);
    await e2e.app.drain();
    expect(cardOf(e2e.fake, CHANNEL, fresh.id)).toBeDefined();
  });
});
