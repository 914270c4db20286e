import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { ACTIONS, FIELD_ACTION, FIELDS, SHORTCUTS, VIEWS } from '../../src/ids.js';
import { CHANNEL, SIGNING_SECRET, TEAM } from '../support/app.js';
import { describeDb, dialect } from '../support/database.js';
import { useE2E } from '../support/e2e.js';
import type { SlackCall } from '../support/fake-slack.js';
import { type SlackResponse, sendCommand, sendInteraction } from '../support/slack-requests.js';

const opts = { secret: SIGNING_SECRET };
const en = messages('en');
const fr = messages('fr');

/** What a user typed or picked in one modal input (by block id); Slack sends null for an input left empty. */
type Answer = string | null | { option: string | null };

interface ViewBlock {
  type: string;
  block_id?: string;
  element?: { type: string; action_id: string; initial_value?: string };
}

const inputIds = (view: { blocks: ViewBlock[] }) => view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id);

/** A view_submission payload shaped like Slack's, for the modal that views.open sent. */
function viewSubmission(
  opened: SlackCall,
  answers: Record<string, Answer>,
  o: { viewId?: string; userId?: string } = {},
): Record<string, unknown> {
  const view = opened.args.view as { callback_id: string; private_metadata: string };
  const values: Record<string, Record<string, unknown>> = {};
  for (const [blockId, answer] of Object.entries(answers)) {
    values[blockId] = {
      [FIELD_ACTION]:
        answer === null || typeof answer === 'string'
          ? { type: 'plain_text_input', value: answer }
          : {
              type: 'static_select',
              selected_option: answer.option === null ? null : { text: { type: 'plain_text', text: answer.option }, value: answer.option },
            },
    };
  }
  const userId = o.userId ?? 'U0SALES1';
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'acme' },
    user: { id: userId, username: 'sales1', name: 'sales1', team_id: TEAM },
    api_app_id: 'A0001',
    token: 'verification-token',
    trigger_id: '222.333.submit',
    view: {
      id: o.viewId ?? 'V123',
      team_id: TEAM,
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      hash: '1700000000.abcdef',
      state: { values },
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

describeDb(`modals: /feedback, /flag and "Send to Terrain" (${dialect})`, () => {
  const e2e = useE2E();

  const items = () => e2e.db.db.selectFrom('items').selectAll().orderBy('id').execute();
  const cards = () => e2e.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL);
  const submit = (payload: Record<string, unknown>): Promise<SlackResponse> => sendInteraction(e2e.app.url, payload, opts);

  /** Runs `/feedback` or `/flag` without text and returns the views.open call it made. */
  const openModal = async (command: '/feedback' | '/flag', fields: Record<string, string> = {}) => {
    const trigger = `${Math.floor(Math.random() * 1e6)}.789.trig`;
    const res = await sendCommand(e2e.app.url, { command, text: '', trigger_id: trigger, ...fields }, opts);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    return e2e.fake.waitFor('views.open', (c) => c.args.trigger_id === trigger);
  };

  describe('opening', () => {
    it('/feedback with no text acknowledges and opens the feedback modal with the trigger_id and every structured input', async () => {
      const res = await sendCommand(
        e2e.app.url,
        { command: '/feedback', text: '', trigger_id: '111.222.feedback', response_url: e2e.fake.responseUrl('fb') },
        opts,
      );
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      const opened = await e2e.fake.waitFor('views.open');
      expect(opened.args.trigger_id).toBe('111.222.feedback');
      const view = opened.args.view;
      expect(view.type).toBe('modal');
      expect(view.callback_id).toBe(VIEWS.feedback);
      expect(inputIds(view)).toEqual(
        expect.arrayContaining([
          FIELDS.category,
          FIELDS.text,
          FIELDS.product,
          FIELDS.customer,
          FIELDS.revenue,
          FIELDS.urgency,
          FIELDS.competitor,
        ]),
      );
      expect(inputIds(view)).not.toContain(FIELDS.customerNeed);
      for (const block of view.blocks as ViewBlock[]) if (block.type === 'input') expect(block.element?.action_id).toBe(FIELD_ACTION);
      const byId = (id: string) => (view.blocks as ViewBlock[]).find((b) => b.block_id === id);
      expect(byId(FIELDS.category)?.element?.type).toBe('static_select');
      expect(byId(FIELDS.urgency)?.element?.type).toBe('static_select');
      expect(byId(FIELDS.text)?.element?.type).toBe('plain_text_input');
      expect(JSON.parse(view.private_metadata)).toMatchObject({ kind: 'feedback', locale: 'en', responseUrl: e2e.fake.responseUrl('fb') });
      // Opening a modal files nothing.
      await e2e.app.drain();
      expect(await items()).toHaveLength(0);
      expect(cards()).toHaveLength(0);
    });

    it('/flag with no text opens the flag modal with what misses, the customer need and why', async () => {
      const opened = await openModal('/flag');
      const view = opened.args.view;
      expect(view.callback_id).toBe(VIEWS.flag);
      expect(inputIds(view)).toEqual(expect.arrayContaining([FIELDS.text, FIELDS.customerNeed, FIELDS.reason]));
      expect(inputIds(view)).not.toContain(FIELDS.category);
      expect(JSON.parse(view.private_metadata)).toMatchObject({ kind: 'flag' });
    });
  });

  describe('submitting', () => {
    it('stores every structured field before closing the modal, posts the card and tells the submitter through the command response_url', async () => {
      const opened = await openModal('/feedback', { response_url: e2e.fake.responseUrl('cmd') });
      const res = await submit(
        viewSubmission(opened, {
          [FIELDS.category]: { option: 'competitor' },
          [FIELDS.text]: '  Rival bundles onboarding for free  ',
          [FIELDS.product]: 'Terrain Pro',
          [FIELDS.customer]: 'Globex Retail',
          [FIELDS.revenue]: '50,000',
          [FIELDS.urgency]: { option: 'high' },
          [FIELDS.competitor]: 'Rival Inc',
        }),
      );
      // The modal closes: an empty 200.
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      // Acknowledged means stored.
      const stored = await items();
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        team_id: TEAM,
        kind: 'feedback',
        category: 'competitor',
        text: 'Rival bundles onboarding for free',
        product: 'Terrain Pro',
        customer: 'Globex Retail',
        revenue: 50000,
        urgency: 'high',
        competitor: 'Rival Inc',
        customer_need: null,
        author_id: 'U0SALES1',
        status: 'new',
        card_channel_id: CHANNEL,
      });
      expect(typeof stored[0]!.revenue).toBe('number');

      const post = await e2e.fake.waitFor('chat.postMessage', (c) => c.args.channel === CHANNEL);
      const card = JSON.stringify(post.args.blocks);
      for (const shown of [
        'Rival bundles onboarding for free',
        'Terrain Pro',
        'Globex Retail',
        '50,000',
        'High',
        'Rival Inc',
        'Competitor',
      ])
        expect(card).toContain(shown);
      expect(post.args.metadata).toMatchObject({ event_type: 'terrain_item_card', event_payload: { item_id: stored[0]!.id } });

      const reply = await e2e.fake.waitFor('response_url', (c) => c.args._id === 'cmd');
      expect(reply.args.response_type).toBe('ephemeral');
      expect(reply.args.text).toContain(`https://acme.slack.com/archives/${CHANNEL}/p`);
      await e2e.app.drain();
      expect((await items())[0]).toMatchObject({ card_state: 'posted', card_ts: (post.response as { ts: string }).ts });
      // Told once, where they typed: no DM on top.
      expect(e2e.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U0SALES1')).toHaveLength(0);
    });

    it('a modal opened from the Home tab (no response_url) tells the submitter by direct message', async () => {
      const res = await sendInteraction(
        e2e.app.url,
        {
          type: 'block_actions',
          team: { id: TEAM, domain: 'acme' },
          user: { id: 'U0SALES1', username: 'sales1', name: 'sales1', team_id: TEAM },
          api_app_id: 'A0001',
          token: 'verification-token',
          trigger_id: '333.444.home',
          container: { type: 'view', view_id: 'VHOME' },
          view: { id: 'VHOME', type: 'home', team_id: TEAM, callback_id: '', private_metadata: '', state: { values: {} } },
          actions: [
            {
              type: 'button',
              action_id: ACTIONS.homeNewFlag,
              block_id: 'home_buttons',
              text: { type: 'plain_text', text: 'New flag' },
              action_ts: '1700000000.000001',
            },
          ],
        },
        opts,
      );
      expect(res.status).toBe(200);
      const opened = await e2e.fake.waitFor('views.open', (c) => c.args.trigger_id === '333.444.home');
      expect(opened.args.view.callback_id).toBe(VIEWS.flag);
      expect(JSON.parse(opened.args.view.private_metadata).responseUrl).toBeUndefined();

      const submitted = await submit(
        viewSubmission(
          opened,
          {
            [FIELDS.text]: 'The onboarding deck talks only about enterprise',
            [FIELDS.customerNeed]: 'SMBs want a 10-minute setup',
            [FIELDS.reason]: 'No SMB story at all',
            [FIELDS.product]: null,
          },
          { viewId: 'V0FLAG' },
        ),
      );
      expect(submitted.status).toBe(200);
      expect(submitted.text).toBe('');
      expect(await items()).toEqual([
        expect.objectContaining({
          kind: 'flag',
          category: null,
          text: 'The onboarding deck talks only about enterprise',
          customer_need: 'SMBs want a 10-minute setup',
          reason: 'No SMB story at all',
          product: null,
          revenue: null,
        }),
      ]);
      const dm = await e2e.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'U0SALES1');
      expect(dm.args.text).toContain('flagging');
      expect(dm.args.text).toContain(`https://acme.slack.com/archives/${CHANNEL}/p`);
      const card = await e2e.fake.waitFor('chat.postMessage', (c) => c.args.channel === CHANNEL);
      expect(JSON.stringify(card.args.blocks)).toContain('SMBs want a 10-minute setup');
    });

    it.each([
      ['an empty text', '/feedback' as const, { [FIELDS.text]: '' }, FIELDS.text, en.errors.emptyText],
      ['a whitespace-only text', '/feedback' as const, { [FIELDS.text]: ' \n\t ' }, FIELDS.text, en.errors.emptyText],
      [
        'a revenue that is not a number',
        '/feedback' as const,
        { [FIELDS.text]: 'Wants SSO', [FIELDS.revenue]: 'abc' },
        FIELDS.revenue,
        en.errors.invalidRevenue,
      ],
      [
        'a negative revenue',
        '/feedback' as const,
        { [FIELDS.text]: 'Wants SSO', [FIELDS.revenue]: '-5' },
        FIELDS.revenue,
        en.errors.invalidRevenue,
      ],
      [
        'a flag without the customer need',
        '/flag' as const,
        { [FIELDS.text]: 'The demo video is outdated', [FIELDS.customerNeed]: '  ' },
        FIELDS.customerNeed,
        en.errors.emptyText,
      ],
    ])('%s is answered inside the modal and nothing is stored', async (_name, command, answers, blockId, message) => {
      const opened = await openModal(command, { response_url: e2e.fake.responseUrl('inv') });
      const res = await submit(
        viewSubmission(opened, { ...(command === '/feedback' ? { [FIELDS.category]: { option: 'need' } } : {}), ...answers }),
      );
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ response_action: 'errors', errors: { [blockId]: message } });
      expect(await items()).toHaveLength(0);
      await e2e.app.drain();
      expect(await items()).toHaveLength(0);
      expect(e2e.fake.callsTo('chat.postMessage')).toHaveLength(0);
      expect(e2e.fake.callsTo('response_url')).toHaveLength(0);
    });

    it('every invalid field is reported at once', async () => {
      const opened = await openModal('/feedback');
      const res = await submit(viewSubmission(opened, { [FIELDS.text]: '', [FIELDS.revenue]: '12abc', [FIELDS.product]: 'p'.repeat(151) }));
      expect(res.json?.response_action).toBe('errors');
      expect(Object.keys(res.json.errors).sort()).toEqual([FIELDS.product, FIELDS.revenue, FIELDS.text].sort());
      expect(await items()).toHaveLength(0);
    });

    it('the same view submitted twice (a retry, or a double click) stores one item and posts one card', async () => {
      const opened = await openModal('/feedback', { response_url: e2e.fake.responseUrl('twice') });
      const payload = viewSubmission(
        opened,
        { [FIELDS.category]: { option: 'idea' }, [FIELDS.text]: 'A Salesforce sync' },
        { viewId: 'V0TWICE' },
      );
      const first = await submit(payload);
      const second = await submit(payload);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect([first.text, second.text]).toEqual(['', '']);
      await e2e.app.drain();
      expect(await items()).toHaveLength(1);
      expect(cards()).toHaveLength(1);
      expect(e2e.fake.callsTo('response_url').filter((c) => c.args._id === 'twice')).toHaveLength(1);

      // Both at once as well.
      const payload2 = viewSubmission(
        opened,
        {
          [FIELDS.category]: { option: 'need' },
          [FIELDS.text]: 'Same view, racing',
          [FIELDS.urgency]: { option: null },
          [FIELDS.revenue]: null,
        },
        { viewId: 'V0RACE' },
      );
      const racing = await Promise.all([submit(payload2), submit(payload2)]);
      expect(racing.map((r) => r.status)).toEqual([200, 200]);
      await e2e.app.drain();
      expect((await items()).map((i) => i.text)).toEqual(['A Salesforce sync', 'Same view, racing']);
      expect(cards()).toHaveLength(2);
    });

    it('a French user gets a French modal and French validation errors', async () => {
      e2e.fake.setUser('U0FR', { locale: 'fr-FR' });
      const opened = await openModal('/feedback', { user_id: 'U0FR' });
      const meta = JSON.parse(opened.args.view.private_metadata);
      expect(meta.locale).toBe('fr');
      expect(opened.args.view.title.text).toBe(fr.modal.feedbackTitle);
      const res = await submit(viewSubmission(opened, { [FIELDS.text]: '   ', [FIELDS.revenue]: 'beaucoup' }, { userId: 'U0FR' }));
      expect(res.json).toEqual({
        response_action: 'errors',
        errors: { [FIELDS.text]: fr.errors.emptyText, [FIELDS.revenue]: fr.errors.invalidRevenue },
      });
      expect(res.json.errors[FIELDS.text]).toMatch(/Écrivez/);
      expect(res.json.errors[FIELDS.text]).not.toBe(en.errors.emptyText);
      expect(await items()).toHaveLength(0);

      // Once corrected, the same modal files the item, and the thanks come in French too.
      const ok = await submit(
        viewSubmission(
          opened,
          {
            [FIELDS.category]: { option: 'need' },
            [FIELDS.text]: 'Les clients veulent la facturation annuelle',
            [FIELDS.revenue]: '50 000',
          },
          { userId: 'U0FR' },
        ),
      );
      expect(ok.text).toBe('');
      expect(await items()).toEqual([expect.objectContaining({ author_id: 'U0FR', revenue: 50000, locale: 'fr' })]);
      const thanks = await e2e.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'U0FR');
      expect(thanks.args.text).toContain('Merci');
    });

    // A European user writes fifty thousand as "50.000"; the form asks for a whole amount. Storing 50
    // (a thousand times less) silently is wrong: either read it as 50000 or ask again inside the modal.
    it.each(['50.000', '1.250.000'])(
      'a revenue written with dots as thousands separators (%s) is never stored as a fraction of it',
      async (typed) => {
        e2e.fake.setUser('U0FR', { locale: 'fr-FR' });
        const opened = await openModal('/feedback', { user_id: 'U0FR' });
        const res = await submit(
          viewSubmission(opened, { [FIELDS.text]: 'Budget confirmé par le client', [FIELDS.revenue]: typed }, { userId: 'U0FR' }),
        );
        const intended = Number(typed.replace(/\./g, ''));
        if (res.json?.response_action === 'errors') {
          expect(Object.keys(res.json.errors)).toEqual([FIELDS.revenue]);
          expect(await items()).toHaveLength(0);
        } else {
          expect(res.text).toBe('');
          expect((await items())[0]?.revenue).toBe(intended);
        }
      },
    );
  });

  describe('message shortcut "Send to Terrain"', () => {
    const shortcut = (message: Record<string, unknown>, responseUrl: string) => ({
      type: 'message_action',
      callback_id: SHORTCUTS.sendToTerrain,
      trigger_id: '444.555.shortcut',
      response_url: responseUrl,
      team: { id: TEAM, domain: 'acme' },
      user: { id: 'U0SALES1', username: 'sales1', name: 'sales1', team_id: TEAM },
      channel: { id: 'C0FIELD', name: 'field' },
      message_ts: message.ts,
      message,
      api_app_id: 'A0001',
      token: 'verification-token',
      action_ts: '1700000002.000300',
      is_enterprise_install: false,
    });
    const fieldMessage = {
      type: 'message',
      ts: '1700000001.000200',
      text: 'Client says <https://competitor.example|Rival> is cheaper &amp; faster',
      user: 'U0OTHER',
    };
    const permalink = 'https://acme.slack.com/archives/C0FIELD/p1700000001000200';

    it('opens the feedback modal prefilled with the message as plain text and linked to it; the item keeps its source', async () => {
      const res = await sendInteraction(e2e.app.url, shortcut(fieldMessage, e2e.fake.responseUrl('sc')), opts);
      expect(res.status).toBe(200);
      expect(res.text).toBe('');

      const opened = await e2e.fake.waitFor('views.open', (c) => c.args.trigger_id === '444.555.shortcut');
      const getPermalink = e2e.fake.callsTo('chat.getPermalink')[0];
      expect(getPermalink?.args).toMatchObject({ channel: 'C0FIELD', message_ts: '1700000001.000200' });
      const view = opened.args.view;
      expect(view.callback_id).toBe(VIEWS.feedback);
      const textInput = (view.blocks as ViewBlock[]).find((b) => b.block_id === FIELDS.text);
      expect(textInput?.element?.initial_value).toBe('Client says Rival (https://competitor.example) is cheaper & faster');
      expect(JSON.stringify(view.blocks)).toContain(`<${permalink}|`);
      expect(JSON.parse(view.private_metadata)).toMatchObject({
        kind: 'feedback',
        sourceChannelId: 'C0FIELD',
        sourceTs: '1700000001.000200',
        sourcePermalink: permalink,
        responseUrl: e2e.fake.responseUrl('sc'),
      });

      const submitted = await submit(
        viewSubmission(
          opened,
          {
            [FIELDS.category]: { option: 'competitor' },
            [FIELDS.text]: 'Client says Rival (https://competitor.example) is cheaper & faster',
            [FIELDS.competitor]: 'Rival',
          },
          { viewId: 'V0SHORT' },
        ),
      );
      expect(submitted.status).toBe(200);
      expect(submitted.text).toBe('');
      expect(await items()).toEqual([
        expect.objectContaining({
          text: 'Client says Rival (https://competitor.example) is cheaper & faster',
          category: 'competitor',
          competitor: 'Rival',
          source_channel_id: 'C0FIELD',
          source_ts: '1700000001.000200',
          source_permalink: permalink,
        }),
      ]);
      const card = await e2e.fake.waitFor('chat.postMessage', (c) => c.args.channel === CHANNEL);
      const shown = JSON.stringify(card.args.blocks);
      expect(shown).toContain(en.card.source(permalink));
      expect(shown).toContain('cheaper &amp; faster');
      const reply = await e2e.fake.waitFor('response_url', (c) => c.args._id === 'sc');
      expect(reply.args.response_type).toBe('ephemeral');
      expect(reply.args.text).toContain(`https://acme.slack.com/archives/${CHANNEL}/p`);
    });

    it('a message with no text is answered privately and opens nothing', async () => {
      const res = await sendInteraction(
        e2e.app.url,
        shortcut(
          { type: 'message', ts: '1700000001.000300', text: '', user: 'U0OTHER', files: [{ id: 'F1' }] },
          e2e.fake.responseUrl('empty'),
        ),
        opts,
      );
      expect(res.status).toBe(200);
      const reply = await e2e.fake.waitFor('response_url', (c) => c.args._id === 'empty');
      expect(reply.args.response_type).toBe('ephemeral');
      expect(reply.args.text).toBe(en.errors.shortcutEmpty);
      await e2e.app.drain();
      expect(e2e.fake.callsTo('views.open')).toHaveLength(0);
      expect(await items()).toHaveLength(0);
    });

    it('a message longer than 3,000 characters gives the text back instead of opening a modal', async () => {
      const long = `${'The customer listed every missing report in detail. '.repeat(62)}END`;
      expect(long.length).toBeGreaterThan(3000);
      await sendInteraction(
        e2e.app.url,
        shortcut({ type: 'message', ts: '1700000001.000400', text: long, user: 'U0OTHER' }, e2e.fake.responseUrl('long')),
        opts,
      );
      const reply = await e2e.fake.waitFor('response_url', (c) => c.args._id === 'long');
      expect(reply.args.text).toContain(en.errors.tooLong(long.length, 3000));
      const givenBack = (reply.args.blocks as Array<{ text: { text: string } }>)
        .slice(1)
        .map((b) => b.text.text)
        .join(' ');
      expect(givenBack.replace(/\s+/g, ' ')).toBe(long.trim().replace(/\s+/g, ' '));
      for (const b of reply.args.blocks) expect(b.text.text.length).toBeLessThanOrEqual(3000);
      await e2e.app.drain();
      expect(e2e.fake.callsTo('views.open')).toHaveLength(0);
      expect(await items()).toHaveLength(0);
    });
  });
});
