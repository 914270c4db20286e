import { expect, it } from 'vitest';
import { setMemberSide, setUpdatesMuted } from '../../db/members.js';
import { saveWorkspaceSettings } from '../../db/workspaces.js';
import { messages } from '../../src/i18n/index.js';
import { ACTIONS, CUSTOMER_FIELDS, FIELD_ACTION, TRIAGE_FIELDS, VIEWS } from '../../src/ids.js';
import { CHANNEL, SIGNING_SECRET, startTestApp, TEAM, type TestApp } from '../support/app.js';
import { runCliCaptured } from '../support/cli.js';
import { describeDb, dialect } from '../support/database.js';
import { useE2E } from '../support/e2e.js';
import type { SlackCall } from '../support/fake-slack.js';
import { outboxRows } from '../support/outbox.js';
import { reactionEvent, sendCommand, sendEvent, sendInteraction } from '../support/slack-requests.js';

const opts = { secret: SIGNING_SECRET };
const en = messages('en');
const fr = messages('fr');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const AUTHOR = 'U0SALES1';
const MARKETER = 'U0MKT1';

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(25);
  }
}

const user = (id: string) => ({ id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: TEAM });
let clicks = 0;

/** A click on one of a card's controls, as Slack sends it (a button, or an option of the "⋯" menu). */
function cardClick(
  userId: string,
  card: { itemId: number; ts: string },
  action: { actionId: string; value: string; menu?: boolean },
  responseUrl: string,
): Record<string, unknown> {
  clicks += 1;
  const element = action.menu
    ? { type: 'overflow', selected_option: { text: { type: 'plain_text', text: action.value }, value: action.value } }
    : { type: 'button', value: action.value, text: { type: 'plain_text', text: action.value } };
  return {
    type: 'block_actions',
    team: { id: TEAM, domain: 'acme' },
    user: user(userId),
    api_app_id: 'A0001',
    token: 'verification-token',
    trigger_id: `1000.${clicks}.abc`,
    response_url: responseUrl,
    container: { type: 'message', message_ts: card.ts, channel_id: CHANNEL, is_ephemeral: false },
    channel: { id: CHANNEL, name: 'terrain' },
    message: { type: 'message', ts: card.ts, text: 'card' },
    actions: [
      {
        action_id: action.actionId,
        block_id: `triage_${card.itemId}`,
        action_ts: `1700000000.${String(clicks).padStart(6, '0')}`,
        ...element,
      },
    ],
  };
}

/** A modal of Terrain's submitted, with the view it opened (its callback id and private_metadata) and the answers. */
function submission(userId: string, opened: Record<string, any>, answers: Record<string, string>, viewId = `V${++clicks}`) {
  const values = Object.fromEntries(
    Object.entries(answers).map(([block, value]) => [block, { [FIELD_ACTION]: { type: 'plain_text_input', value } }]),
  );
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'acme' },
    user: user(userId),
    api_app_id: 'A0001',
    token: 'verification-token',
    trigger_id: `1000.${clicks}.abc`,
    view: {
      id: viewId,
      team_id: TEAM,
      type: 'modal',
      callback_id: opened.callback_id,
      private_metadata: opened.private_metadata,
      blocks: opened.blocks,
      hash: '1700000000.abcdef',
      state: { values },
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

describeDb(`triage on the card, closing the loop, customers (${dialect})`, () => {
  const e2e = useE2E();
  let seq = 0;
  const eventTs = () => `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, '0')}`;

  const side = (userId: string, s: 'sales' | 'marketing' | 'other') => setMemberSide(e2e.db.db, TEAM, userId, s, new Date());

  /** Files quick feedback as `author` and waits until its card is posted and recorded. */
  const fileCard = async (text = 'Retail customers want offline mode', author = AUTHOR, app: TestApp = e2e.app) => {
    const res = await sendCommand(app.url, { command: '/feedback', text, user_id: author, response_url: e2e.fake.responseUrl() }, opts);
    expect(res.status).toBe(200);
    const post = await e2e.fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === CHANNEL && JSON.stringify(c.args.blocks).includes(text),
    );
    await app.drain();
    const ts = (post.response as { ts: string }).ts;
    const item = await e2e.db.db.selectFrom('items').select(['id']).where('card_ts', '=', ts).executeTakeFirstOrThrow();
    return { itemId: item.id, ts };
  };

  const vote = async (userId: string, ts: string, app: TestApp = e2e.app) => {
    const res = await sendEvent(
      app.url,
      reactionEvent('reaction_added', { user: userId, reaction: '+1', channel: CHANNEL, ts, eventTs: eventTs() }),
      opts,
    );
    expect(res.status).toBe(200);
  };

  const click = async (
    userId: string,
    card: { itemId: number; ts: string },
    action: { actionId: string; value: string; menu?: boolean },
    app = e2e.app,
  ) => {
    const id = `click-${++seq}`;
    const res = await sendInteraction(app.url, cardClick(userId, card, action, e2e.fake.responseUrl(id)), opts);
    expect(res.status).toBe(200);
    return id;
  };
  const move = (userId: string, card: { itemId: number; ts: string }, to: string, app = e2e.app) =>
    click(userId, card, { actionId: `item_status_${to}`, value: to }, app);

  const item = (id: number) => e2e.db.db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const history = (id: number) => e2e.db.db.selectFrom('status_changes').selectAll().where('item_id', '=', id).orderBy('id').execute();
  const dmsTo = (userId: string): SlackCall[] =>
    e2e.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === userId && c.status === 200 && !c.rateLimited);
  const updatesOf = (ts: string): SlackCall[] =>
    e2e.fake.callsTo('chat.update').filter((c) => c.args.ts === ts && c.status === 200 && !c.rateLimited);
  const lastCard = (ts: string) => JSON.stringify(updatesOf(ts).at(-1)?.args.blocks ?? null);
  const answer = (id: string) => e2e.fake.waitFor('response_url', (c) => c.args._id === id);

  it('a salesperson is refused privately and nothing changes; a marketer and a Terrain admin move the card', async () => {
    const card = await fileCard();
    await side(AUTHOR, 'sales');
    e2e.fake.reset();

    const refused = await move(AUTHOR, card, 'planned');
    // Nothing stored, even before anything is sent.
    expect(await history(card.itemId)).toEqual([]);
    expect((await item(card.itemId)).status).toBe('new');
    const reply = await answer(refused);
    expect(reply.args).toMatchObject({ response_type: 'ephemeral', text: en.triage.refused });
    await e2e.app.drain();
    expect(e2e.fake.callsTo('chat.update')).toEqual([]);
    expect(e2e.fake.callsTo('chat.postMessage')).toEqual([]);
    expect((await item(card.itemId)).first_response_at).toBeNull();

    // A marketer: stored before Slack has its answer (no drain), with its history row and the response time.
    await side(MARKETER, 'marketing');
    await move(MARKETER, card, 'acknowledged');
    const [first] = await history(card.itemId);
    expect(first).toMatchObject({
      team_id: TEAM,
      from_status: 'new',
      to_status: 'acknowledged',
      by_user_id: MARKETER,
      note: null,
      reason: null,
    });
    const acknowledged = await item(card.itemId);
    expect(acknowledged.status).toBe('acknowledged');
    expect(acknowledged.first_response_at).toBe(first!.created_at);

    // A Terrain admin by their Slack role, with no side.
    e2e.fake.setUser('U0BOSS', { is_admin: true });
    await move('U0BOSS', card, 'planned');
    expect((await history(card.itemId)).map((h) => [h.from_status, h.to_status, h.by_user_id])).toEqual([
      ['new', 'acknowledged', MARKETER],
      ['acknowledged', 'planned', 'U0BOSS'],
    ]);
    const planned = await item(card.itemId);
    expect(planned.status).toBe('planned');
    // The first answer's time stays the first.
    expect(planned.first_response_at).toBe(first!.created_at);
  });

  it('the card is updated in place with its status, who moved it and when, and the moves left', async () => {
    const card = await fileCard();
    await side(MARKETER, 'marketing');
    e2e.fake.reset();
    await move(MARKETER, card, 'planned');
    await e2e.app.drain();
    const [update] = updatesOf(card.ts);
    expect(update!.args.channel).toBe(CHANNEL);
    const [change] = await history(card.itemId);
    const unix = Math.floor(Date.parse(change!.created_at) / 1000);
    const blocks = JSON.stringify(update!.args.blocks);
    expect(blocks).toContain(`:calendar: *Planned* · by <@${MARKETER}>, <!date^${unix}^{date_short_pretty} at {time}|`);
    expect(update!.args.text).toBe('Feedback: Retail customers want offline mode (Planned)');
    const actions = (update!.args.blocks as Array<{ type: string; elements?: Array<{ action_id: string }> }>).filter(
      (b) => b.type === 'actions',
    );
    expect(actions).toHaveLength(1);
    expect(actions[0]!.elements!.map((e) => e.action_id)).toEqual(['item_status_shipped', ACTIONS.addCustomer, 'item_status_note']);
    // No new message in the channel: the card itself changed.
    expect(e2e.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL)).toEqual([]);
  });

  it('the same click delivered twice changes once, updates the card once and tells each person once', async () => {
    const card = await fileCard();
    await side(MARKETER, 'marketing');
    e2e.fake.reset();
    const payload = cardClick(MARKETER, card, { actionId: 'item_status_shipped', value: 'shipped' }, e2e.fake.responseUrl('twice'));
    const [a, b] = await Promise.all([sendInteraction(e2e.app.url, payload, opts), sendInteraction(e2e.app.url, payload, opts)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await sendInteraction(e2e.app.url, payload, opts);
    await e2e.app.drain();
    expect(await history(card.itemId)).toHaveLength(1);
    expect(updatesOf(card.ts)).toHaveLength(1);
    expect(dmsTo(AUTHOR)).toHaveLength(1);
    // Nobody is told "nothing changed" for their own double click.
    expect(e2e.fake.callsTo('response_url')).toEqual([]);
  });

  it('one message per person, in their own language, linking to the card: none for the mover, none for the muted, one for an author who voted', async () => {
    const card = await fileCard();
    await side(MARKETER, 'marketing');
    e2e.fake.setUser('U0FR', { locale: 'fr-FR' });
    for (const voter of [AUTHOR, 'U0FR', 'U0MUTED', MARKETER, 'U0SALES2']) await vote(voter, card.ts);
    await setUpdatesMuted(e2e.db.db, TEAM, 'U0MUTED', true, new Date());
    e2e.fake.reset();

    await move(MARKETER, card, 'planned');
    await e2e.app.drain();
    expect(dmsTo(AUTHOR)).toHaveLength(1);
    expect(dmsTo('U0FR')).toHaveLength(1);
    expect(dmsTo('U0SALES2')).toHaveLength(1);
    expect(dmsTo('U0MUTED')).toEqual([]);
    expect(dmsTo(MARKETER)).toEqual([]);

    const permalink = `https://acme.slack.com/archives/${CHANNEL}/p${card.ts.replace('.', '')}`;
    const english = JSON.stringify(dmsTo(AUTHOR)[0]!.args.blocks);
    expect(english).toContain(':calendar: *Planned* · “Retail customers want offline mode”');
    expect(english).toContain(JSON.stringify(en.loop.why.author).slice(1, -1));
    expect(english).toContain(`<${permalink}|See the card>`);
    expect(english).toContain(`"action_id":"${ACTIONS.muteUpdates}","value":"mute"`);
    const french = JSON.stringify(dmsTo('U0FR')[0]!.args.blocks);
    expect(french).toContain(':calendar: *Prévu* · “Retail customers want offline mode”');
    expect(french).toContain(JSON.stringify(fr.loop.why.voter).slice(1, -1));
    expect(french).toContain(`<${permalink}|Voir la carte>`);
    expect(french).toContain(fr.loop.mute);
  });

  it('Decline asks why: the modal needs a reason, and the reason is on the card and in every message', async () => {
    const card = await fileCard();
    await side(MARKETER, 'marketing');
    e2e.fake.setUser('U0FR', { locale: 'fr-FR' });
    await vote('U0FR', card.ts);
    e2e.fake.reset();

    // "Decline…" from the card's menu opens the modal and changes nothing yet.
    await click(MARKETER, card, { actionId: 'item_status_note', value: 'declined', menu: true });
    const opened = (await e2e.fake.waitFor('views.open')).args.view;
    expect(opened.callback_id).toBe(VIEWS.declineReason);
    expect(opened.title.text).toBe(en.triage.declineTitle);
    expect((await item(card.itemId)).status).toBe('new');

    const empty = await sendInteraction(e2e.app.url, submission(MARKETER, opened, { [TRIAGE_FIELDS.reason]: '   ' }), opts);
    expect(empty.json).toEqual({ response_action: 'errors', errors: { [TRIAGE_FIELDS.reason]: en.errors.emptyText } });
    expect(await history(card.itemId)).toEqual([]);

    const done = await sendInteraction(
      e2e.app.url,
      submission(MARKETER, opened, {
        [TRIAGE_FIELDS.reason]: 'Retail is not our market <!channel>',
        [TRIAGE_FIELDS.note]: 'We push the CSV export instead',
      }),
      opts,
    );
    expect(done.status).toBe(200);
    expect(done.text).toBe('');
    expect(await history(card.itemId)).toMatchObject([
      { from_status: 'new', to_status: 'declined', reason: 'Retail is not our market <!channel>', note: 'We push the CSV export instead' },
    ]);
    await e2e.app.drain();
    const cardNow = lastCard(card.ts);
    expect(cardNow).toContain('*Why declined:* Retail is not our market &lt;!channel&gt;');
    expect(cardNow).toContain('*Marketing’s note:* We push the CSV export instead');
    expect(cardNow).not.toContain('<!channel>');
    const french = JSON.stringify(dmsTo('U0FR')[0]!.args.blocks);
    expect(french).toContain('*Raison du refus :* Retail is not our market &lt;!channel&gt;');
    expect(french).toContain('*Note du marketing :* We push the CSV export instead');
    expect(JSON.stringify(dmsTo(AUTHOR)[0]!.args.blocks)).toContain('*Why declined:* Retail is not our market');
  });

  it('a decline forged or submitted by someone who may not triage is refused in the modal, and nothing is stored', async () => {
    const card = await fileCard();
    await side(MARKETER, 'marketing');
    await click(MARKETER, card, { actionId: 'item_status_note', value: 'declined', menu: true });
    const opened = (await e2e.fake.waitFor('views.open')).args.view;
    await side('U0SALES2', 'sales');
    const res = await sendInteraction(e2e.app.url, submission('U0SALES2', opened, { [TRIAGE_FIELDS.reason]: 'Because' }), opts);
    expect(res.json.response_action).toBe('update');
    expect(JSON.stringify(res.json.view.blocks)).toContain(JSON.stringify(en.triage.refused).slice(1, -1));
    await e2e.app.drain();
    expect(await history(card.itemId)).toEqual([]);
    expect((await item(card.itemId)).status).toBe('new');
  });

  it('a move with a note: the menu opens the note modal; the note travels to the card and the messages', async () => {
    const card = await fileCard();
    await side(MARKETER, 'marketing');
    e2e.fake.reset();
    await click(MARKETER, card, { actionId: 'item_status_note', value: 'planned', menu: true });
    const opened = (await e2e.fake.waitFor('views.open')).args.view;
    expect(opened.callback_id).toBe(VIEWS.statusNote);
    const res = await sendInteraction(e2e.app.url, submission(MARKETER, opened, { [TRIAGE_FIELDS.note]: 'In the Q3 release' }), opts);
    expect(res.text).toBe('');
    expect(await history(card.itemId)).toMatchObject([{ to_status: 'planned', note: 'In the Q3 release', reason: null }]);
    await e2e.app.drain();
    expect(lastCard(card.ts)).toContain('*Marketing’s note:* In the Q3 release');
    expect(JSON.stringify(dmsTo(AUTHOR)[0]!.args.blocks)).toContain('*Marketing’s note:* In the Q3 release');
  });

  it('shipped: a reply in the card’s thread credits who raised it and who brought customers, and counts the votes', async () => {
    const card = await fileCard();
    await side(MARKETER, 'marketing');
    await side('U0SALES2', 'sales');
    for (const voter of ['U0V1', 'U0V2', 'U0V3']) await vote(voter, card.ts);
    await click('U0SALES2', card, { actionId: ACTIONS.addCustomer, value: String(card.itemId) });
    const opened = (await e2e.fake.waitFor('views.open')).args.view;
    await sendInteraction(e2e.app.url, submission('U0SALES2', opened, { [CUSTOMER_FIELDS.account]: 'Globex' }), opts);
    await e2e.app.drain();
    e2e.fake.reset();

    await move(MARKETER, card, 'shipped');
    await e2e.app.drain();
    const thread = e2e.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL);
    expect(thread).toHaveLength(1);
    expect(thread[0]!.args.thread_ts).toBe(card.ts);
    expect(thread[0]!.args.text).toBe(
      `:tada: *Shipped!* Raised by <@${AUTHOR}>, with customers brought by <@U0SALES2>, backed by 3 votes. Thank you, field!`,
    );
    // The customer's adder hears it too, thanked for it; voters are counted in the thread, not named.
    expect(JSON.stringify(dmsTo('U0SALES2')[0]!.args.blocks)).toContain(en.loop.thanks.customer);
    expect(thread[0]!.args.text).not.toContain('U0V1');
  });

  it('a customer added twice counts once; the card shows customers and the revenue at stake in the workspace currency', async () => {
    await saveWorkspaceSettings(e2e.db.db, TEAM, { currency: 'EUR' }, new Date());
    const card = await fileCard();
    await side('U0SALES2', 'sales');
    await side('U0SALES3', 'sales');
    e2e.fake.reset();

    const add = async (userId: string, answers: Record<string, string>) => {
      await click(userId, card, { actionId: ACTIONS.addCustomer, value: String(card.itemId) });
      const opened = (await e2e.fake.waitFor('views.open', (c) => c.args.trigger_id === `1000.${clicks}.abc`)).args.view;
      expect(opened.callback_id).toBe(VIEWS.addCustomer);
      return sendInteraction(e2e.app.url, submission(userId, opened, answers), opts);
    };
    const rows = () => e2e.db.db.selectFrom('item_customers').selectAll().orderBy('created_at').execute();

    expect((await add('U0SALES2', { [CUSTOMER_FIELDS.account]: 'Crème Brûlée Ltd', [CUSTOMER_FIELDS.revenue]: '50 000' })).text).toBe('');
    expect(await rows()).toMatchObject([
      { account_key: 'creme brulee ltd', account: 'Crème Brûlée Ltd', revenue: 50_000, added_by: 'U0SALES2' },
    ]);
    await e2e.app.drain();
    expect(lastCard(card.ts)).toContain('*Customers (1):* Crème Brûlée Ltd   *At stake:* €50,000');

    // The same account, written otherwise, with another figure: said in the modal, nothing changes.
    const again = await add('U0SALES3', { [CUSTOMER_FIELDS.account]: '  CREME  brulee ltd ', [CUSTOMER_FIELDS.revenue]: '90000' });
    expect(again.json).toEqual({ response_action: 'errors', errors: { [CUSTOMER_FIELDS.account]: en.customers.already } });
    expect(await rows()).toHaveLength(1);
    expect((await rows())[0]!.revenue).toBe(50_000);

    await add('U0SALES3', {
      [CUSTOMER_FIELDS.account]: 'Initech',
      [CUSTOMER_FIELDS.revenue]: '€20,000',
      [CUSTOMER_FIELDS.note]: 'Renewal in May',
    });
    await e2e.app.drain();
    expect(lastCard(card.ts)).toContain('*Customers (2):* Crème Brûlée Ltd, Initech   *At stake:* €70,000');
    expect(await rows()).toHaveLength(2);

    // An amount that is not one is answered in the modal.
    const bad = await add('U0SALES3', { [CUSTOMER_FIELDS.account]: 'Umbrella', [CUSTOMER_FIELDS.revenue]: '12.5k' });
    expect(bad.json).toEqual({ response_action: 'errors', errors: { [CUSTOMER_FIELDS.revenue]: en.errors.invalidRevenue } });
  });

  it('only the sales and marketing sides and Terrain admins add customers: anyone else is told privately how to say their side', async () => {
    const card = await fileCard();
    await side('U0OTHER', 'other');
    e2e.fake.reset();
    const id = await click('U0OTHER', card, { actionId: ACTIONS.addCustomer, value: String(card.itemId) });
    expect((await answer(id)).args.text).toBe(en.customers.refused);
    await e2e.app.drain();
    expect(e2e.fake.callsTo('views.open')).toEqual([]);

    // A forged submission is refused where it would be stored.
    const forged = submission(
      'U0OTHER',
      { callback_id: VIEWS.addCustomer, private_metadata: JSON.stringify({ itemId: card.itemId, locale: 'en' }) },
      {
        [CUSTOMER_FIELDS.account]: 'Globex',
      },
    );
    const res = await sendInteraction(e2e.app.url, forged, opts);
    expect(res.json.response_action).toBe('update');
    expect(await e2e.db.db.selectFrom('item_customers').selectAll().execute()).toEqual([]);
  });

  it('the settings choose the currency amounts are shown in', async () => {
    e2e.fake.setUser('U0BOSS', { is_admin: true });
    const select = (value: string) => ({ [FIELD_ACTION]: { type: 'static_select', selected_option: { value } } });
    const res = await sendInteraction(
      e2e.app.url,
      {
        type: 'view_submission',
        team: { id: TEAM, domain: 'acme' },
        user: user('U0BOSS'),
        api_app_id: 'A0001',
        token: 'verification-token',
        trigger_id: '1000.1.settings',
        view: {
          id: 'VSETTINGS',
          team_id: TEAM,
          type: 'modal',
          callback_id: VIEWS.settings,
          private_metadata: '',
          state: {
            values: {
              digest_day: select('1'),
              digest_time: { [FIELD_ACTION]: { type: 'timepicker', selected_time: '09:00' } },
              digest_timezone: { [FIELD_ACTION]: { type: 'plain_text_input', value: 'Europe/London' } },
              digest_cron: { [FIELD_ACTION]: { type: 'plain_text_input', value: null } },
              language: select('en'),
              currency: select('GBP'),
            },
          },
        },
      },
      opts,
    );
    expect(res.status).toBe(200);
    expect((await e2e.db.db.selectFrom('workspaces').select('currency').executeTakeFirstOrThrow()).currency).toBe('GBP');
    await sendCommand(
      e2e.app.url,
      { command: '/feedback', text: 'Pricing page too complex', user_id: AUTHOR, response_url: e2e.fake.responseUrl() },
      opts,
    );
    await e2e.app.drain();
    await e2e.db.db.updateTable('items').set({ revenue: 12_000 }).execute();
    const [card] = await e2e.db.db.selectFrom('items').select(['id', 'card_ts']).execute();
    await side(MARKETER, 'marketing');
    await move(MARKETER, { itemId: card!.id, ts: card!.card_ts! }, 'acknowledged');
    await e2e.app.drain();
    expect(lastCard(card!.card_ts!)).toContain('*At stake:* £12,000');
  });

  it('"Mute these updates" in a message: stored, answered privately with an undo; the muted get no more messages until they unmute', async () => {
    const card = await fileCard();
    await side(MARKETER, 'marketing');
    await vote('U0V1', card.ts);
    await move(MARKETER, card, 'acknowledged');
    await e2e.app.drain();
    const dm = dmsTo('U0V1')[0]!;
    const muteClick = (value: 'mute' | 'unmute', id: string) =>
      sendInteraction(
        e2e.app.url,
        {
          type: 'block_actions',
          team: { id: TEAM, domain: 'acme' },
          user: user('U0V1'),
          api_app_id: 'A0001',
          token: 'verification-token',
          trigger_id: `2000.${id}.abc`,
          response_url: e2e.fake.responseUrl(id),
          container: { type: 'message', message_ts: (dm.response as { ts: string }).ts, channel_id: 'D0V1', is_ephemeral: false },
          channel: { id: 'D0V1', name: 'directmessage' },
          message: { type: 'message', ts: (dm.response as { ts: string }).ts, text: 'update' },
          actions: [{ type: 'button', action_id: ACTIONS.muteUpdates, block_id: 'b', value, action_ts: `1700000001.${id.length}` }],
        },
        opts,
      );
    const muted = () => e2e.db.db.selectFrom('members').select('updates_muted').where('user_id', '=', 'U0V1').executeTakeFirstOrThrow();

    expect((await muteClick('mute', 'mute-1')).status).toBe(200);
    expect((await muted()).updates_muted).toBe(1);
    const reply = await answer('mute-1');
    expect(reply.args.text).toBe(en.loop.muted);
    expect(JSON.stringify(reply.args.blocks)).toContain(`"value":"unmute"`);

    await move(MARKETER, card, 'planned');
    await e2e.app.drain();
    expect(dmsTo('U0V1')).toHaveLength(1);
    expect(dmsTo(AUTHOR)).toHaveLength(2);

    expect((await muteClick('unmute', 'unmute-1')).status).toBe(200);
    expect((await muted()).updates_muted).toBe(0);
    expect((await answer('unmute-1')).args.text).toBe(en.loop.unmuted);
    await move(MARKETER, card, 'shipped');
    await e2e.app.drain();
    expect(dmsTo('U0V1')).toHaveLength(2);
  });

  it('a merged item’s card says "Merged into #N" with a link to the original, and offers no controls', async () => {
    const original = await fileCard('Offline mode for field reps');
    const duplicate = await fileCard('Reps need to work offline');
    e2e.fake.reset();
    // As `/terrain merge` leaves it (another part of Terrain): merged, pointing to the original, and its card updated.
    await e2e.db.db
      .updateTable('items')
      .set({ status: 'merged', merged_into: original.itemId })
      .where('id', '=', duplicate.itemId)
      .execute();
    const { enqueueCardUpdate } = await import('../../src/services/cards.js');
    await e2e.db.db
      .transaction()
      .execute((trx) => enqueueCardUpdate(trx, { teamId: TEAM, itemId: duplicate.itemId, because: 'merge:test' }, new Date()));
    e2e.app.outbox.kick();
    await e2e.app.drain();
    const blocks = updatesOf(duplicate.ts)[0]!.args.blocks as Array<{ type: string }>;
    expect(JSON.stringify(blocks)).toContain(
      `*Merged into <https://acme.slack.com/archives/${CHANNEL}/p${original.ts.replace('.', '')}|#${original.itemId}>*`,
    );
    expect(blocks.filter((b) => b.type === 'actions')).toEqual([]);

    // A stale control on it changes nothing and says why.
    await side(MARKETER, 'marketing');
    const id = await move(MARKETER, duplicate, 'planned');
    expect((await answer(id)).args.text).toBe(en.triage.merged);
    expect(await history(duplicate.itemId)).toEqual([]);
  });

  it('a stale control (the card had not caught up yet) changes nothing, says where the item is, and brings the card up to date', async () => {
    const card = await fileCard();
    await side(MARKETER, 'marketing');
    await move(MARKETER, card, 'shipped');
    await e2e.app.drain();
    e2e.fake.reset();
    const id = await move(MARKETER, card, 'planned');
    expect((await answer(id)).args.text).toBe(en.triage.already(en.status.shipped));
    await e2e.app.drain();
    expect(await history(card.itemId)).toHaveLength(1);
    expect(updatesOf(card.ts)).toHaveLength(1);
    expect(e2e.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('export adds customers, revenue_at_stake, merged_into and first_response_at', async () => {
    const card = await fileCard();
    await side(MARKETER, 'marketing');
    await side('U0SALES2', 'sales');
    await click('U0SALES2', card, { actionId: ACTIONS.addCustomer, value: String(card.itemId) });
    const opened = (await e2e.fake.waitFor('views.open')).args.view;
    await sendInteraction(
      e2e.app.url,
      submission('U0SALES2', opened, { [CUSTOMER_FIELDS.account]: 'Globex', [CUSTOMER_FIELDS.revenue]: '40000' }),
      opts,
    );
    await move(MARKETER, card, 'acknowledged');
    await e2e.app.drain();
    const { code, out } = await runCliCaptured(['export', '--format', 'json'], { DATABASE_URL: e2e.db.url });
    expect(code).toBe(0);
    const [row] = JSON.parse(out);
    const stored = await item(card.itemId);
    expect(row).toMatchObject({
      id: card.itemId,
      customers: 1,
      revenue_at_stake: 40_000,
      merged_into: null,
      first_response_at: stored.first_response_at,
    });
    expect(stored.first_response_at).not.toBeNull();
    const csv = await runCliCaptured(['export', '--format', 'csv'], { DATABASE_URL: e2e.db.url });
    expect(csv.out.split('\n')[0]).toContain(',customers,revenue_at_stake,merged_into,first_response_at');
  });

  it('a crash between the status change and its messages: another process sends each message once', async () => {
    const card = await fileCard();
    await side(MARKETER, 'marketing');
    for (const voter of ['U0V1', 'U0V2']) await vote(voter, card.ts);
    e2e.fake.reset();
    // The process that stores the change dies before sending anything: its sender is stopped first.
    await e2e.app.outbox.stop();
    await move(MARKETER, card, 'shipped');
    expect(await history(card.itemId)).toHaveLength(1);
    const queued = await outboxRows(e2e.db.db);
    expect(
      queued
        .filter((m) => m.state === 'pending')
        .map((m) => m.kind)
        .sort(),
    ).toEqual(['item_card_update', 'post', 'status_update', 'status_update', 'status_update']);
    expect(e2e.fake.callsTo('chat.update')).toEqual([]);

    const restarted = await startTestApp({ db: e2e.db, fake: e2e.fake, instanceId: 'restarted' });
    try {
      await restarted.drain();
      await sleep(300);
      await restarted.drain();
    } finally {
      await restarted.stop();
    }
    for (const u of [AUTHOR, 'U0V1', 'U0V2']) expect(dmsTo(u), u).toHaveLength(1);
    expect(updatesOf(card.ts)).toHaveLength(1);
    expect(e2e.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL && c.args.thread_ts === card.ts)).toHaveLength(1);
    expect((await outboxRows(e2e.db.db)).every((m) => m.state === 'sent')).toBe(true);
  });

  it('Slack answering 429 to chat.update and chat.postMessage: the card update and each message are still delivered once', async () => {
    const card = await fileCard();
    await side(MARKETER, 'marketing');
    await vote('U0V1', card.ts);
    e2e.fake.reset();
    e2e.fake.rateLimit('chat.update', 1, 1);
    e2e.fake.rateLimit('chat.postMessage', 1, 2);
    await move(MARKETER, card, 'planned');
    await until(async () => (await outboxRows(e2e.db.db)).every((m) => m.state === 'sent'));
    expect(e2e.fake.callsTo('chat.update').filter((c) => c.rateLimited)).toHaveLength(1);
    expect(e2e.fake.callsTo('chat.postMessage').filter((c) => c.rateLimited)).toHaveLength(2);
    expect(updatesOf(card.ts)).toHaveLength(1);
    expect(dmsTo(AUTHOR)).toHaveLength(1);
    expect(dmsTo('U0V1')).toHaveLength(1);
  });
});
