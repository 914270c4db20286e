import { describe, expect, it } from 'vitest';
import { inZone, messages } from '../../src/i18n/index.js';
import { ACTIONS } from '../../src/ids.js';
import { CHANNEL, SIGNING_SECRET, TEAM } from '../support/app.js';
import { describeDb, dialect } from '../support/database.js';
import { useE2E } from '../support/e2e.js';
import type { SlackCall } from '../support/fake-slack.js';
import { reactionEvent, sendCommand, sendEvent } from '../support/slack-requests.js';

const opts = { secret: SIGNING_SECRET };
const en = messages('en');
const fr = messages('fr');

describeDb(`/terrain, /afterwork and the Home tab (${dialect})`, () => {
  const e2e = useE2E();

  const items = () => e2e.db.db.selectFrom('items').selectAll().orderBy('id').execute();
  const members = () => e2e.db.db.selectFrom('members').selectAll().orderBy('user_id').execute();
  const workspaces = () => e2e.db.db.selectFrom('workspaces').selectAll().execute();

  /** Sends `/terrain <text>` (or another command) and returns the private answer it gets. */
  const run = async (command: string, text: string, fields: Record<string, string> = {}): Promise<SlackCall> => {
    const id = `r${Math.random().toString(36).slice(2)}`;
    const res = await sendCommand(e2e.app.url, { command, text, response_url: e2e.fake.responseUrl(id), ...fields }, opts);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const reply = await e2e.fake.waitFor('response_url', (c) => c.args._id === id);
    expect(reply.args.response_type).toBe('ephemeral');
    return reply;
  };

  describe('help', () => {
    it.each(['help', '', '  HELP  '])('/terrain %j answers privately with the commands', async (text) => {
      const reply = await run('/terrain', text);
      for (const command of ['/feedback', '/flag', '/terrain setup', '/terrain team', 'Send to Terrain'])
        expect(reply.args.text).toContain(command);
      expect(reply.args.text).toBe(en.terrain.help);
      expect(JSON.stringify(reply.args.blocks)).toContain('/terrain setup');
      // Nothing posted in a channel, nothing stored but the user's profile.
      await e2e.app.drain();
      expect(e2e.fake.callsTo('chat.postMessage')).toHaveLength(0);
      expect(await workspaces()).toHaveLength(0);
    });

    it('answers in French to a French user', async () => {
      e2e.fake.setUser('U0FR', { locale: 'fr-FR' });
      const reply = await run('/terrain', 'aide', { user_id: 'U0FR' });
      expect(reply.args.text).toBe(fr.terrain.help);
      expect(reply.args.text).toContain('ce message');
      expect(reply.args.text).not.toBe(en.terrain.help);
    });

    it('an unknown subcommand answers with help naming the word, escaped', async () => {
      const reply = await run('/terrain', '<!channel>&frob <@U0BOSS> more');
      expect(reply.args.text).toContain(en.terrain.unknown('&lt;!channel&gt;&amp;frob'));
      expect(reply.args.text).toContain(en.terrain.help);
      const sent = JSON.stringify([reply.args.text, reply.args.blocks]);
      expect(sent).not.toContain('<!channel>');
      expect(sent).not.toContain('<@U0BOSS>');
    });

    it('an unknown subcommand in French for a French user', async () => {
      e2e.fake.setUser('U0FR', { locale: 'fr-FR' });
      const reply = await run('/terrain', 'bonjour', { user_id: 'U0FR' });
      expect(reply.args.text).toContain(fr.terrain.unknown('bonjour'));
      expect(reply.args.text).toContain(fr.terrain.help);
    });
  });

  describe('team', () => {
    it('/terrain team marketing stores the side before answering, and the next item carries it', async () => {
      const res = await sendCommand(
        e2e.app.url,
        { command: '/terrain', text: 'team marketing', user_id: 'U0MKT1', response_url: e2e.fake.responseUrl('team') },
        opts,
      );
      expect(res.status).toBe(200);
      // Acknowledged means stored.
      expect(await members()).toEqual([expect.objectContaining({ team_id: TEAM, user_id: 'U0MKT1', side: 'marketing' })]);
      const reply = await e2e.fake.waitFor('response_url', (c) => c.args._id === 'team');
      expect(reply.args.text).toBe(en.terrain.teamDone(en.side.marketing));

      const filed = await sendCommand(
        e2e.app.url,
        { command: '/feedback', text: 'Prospects love the new pricing page', user_id: 'U0MKT1', response_url: e2e.fake.responseUrl('fb') },
        opts,
      );
      expect(await items()).toEqual([expect.objectContaining({ author_id: 'U0MKT1', author_side: 'marketing' })]);
      // Someone who has said their side is not asked again.
      expect(filed.json.text).toContain('its card goes up');
      expect(JSON.stringify(filed.json.blocks)).not.toContain('set_side_');
      const card = await e2e.fake.waitFor('chat.postMessage', (c) => c.args.channel === CHANNEL);
      expect(JSON.stringify(card.args.blocks)).toContain('(Marketing)');

      // Changing sides later is one more upsert, not a second row.
      await run('/terrain', 'team sales', { user_id: 'U0MKT1' });
      await e2e.app.drain();
      expect(await members()).toEqual([expect.objectContaining({ user_id: 'U0MKT1', side: 'sales' })]);
    });

    it.each(['team pirate', 'team'])('/terrain %j answers with the usage and stores no side', async (text) => {
      const reply = await run('/terrain', text, { user_id: 'U0SALES9' });
      expect(reply.args.text).toBe(en.terrain.teamUsage);
      await e2e.app.drain();
      // The user's Slack profile (locale) may be cached; no side is.
      for (const m of await members()) expect(m.side).toBeNull();
      await sendCommand(
        e2e.app.url,
        { command: '/feedback', text: 'Needs a mobile app', user_id: 'U0SALES9', response_url: e2e.fake.responseUrl() },
        opts,
      );
      expect((await items())[0]).toMatchObject({ author_side: null });
    });
  });

  describe('setup', () => {
    it('/terrain setup stores the channel before answering, joins it, and the next card goes there instead of TERRAIN_CHANNEL', async () => {
      e2e.fake.on('conversations.info', (args) => ({
        ok: true,
        channel: { id: args.channel, name: 'field-voice', is_channel: true, is_member: false },
      }));
      const res = await sendCommand(
        e2e.app.url,
        { command: '/terrain', text: 'setup', channel_id: 'C0SHARED', response_url: e2e.fake.responseUrl('setup') },
        opts,
      );
      expect(res.status).toBe(200);
      expect(await workspaces()).toEqual([expect.objectContaining({ team_id: TEAM, channel_id: 'C0SHARED' })]);
      const reply = await e2e.fake.waitFor('response_url', (c) => c.args._id === 'setup');
      expect(reply.args.text).toBe(en.terrain.setupDone('<#C0SHARED>'));
      expect(e2e.fake.callsTo('conversations.join').map((c) => c.args.channel)).toEqual(['C0SHARED']);

      await sendCommand(e2e.app.url, { command: '/feedback', text: 'Banks ask for SOC 2', response_url: e2e.fake.responseUrl() }, opts);
      expect((await items())[0]).toMatchObject({ card_channel_id: 'C0SHARED' });
      await e2e.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C0SHARED');
      await e2e.app.drain();
      expect(e2e.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL)).toHaveLength(0);
      expect(e2e.fake.messages('C0SHARED')).toHaveLength(1);
    });

    it('/terrain setup in a channel Terrain is already in does not join again', async () => {
      await run('/terrain', 'setup', { channel_id: 'C0ALREADY' });
      expect(e2e.fake.callsTo('conversations.info').map((c) => c.args.channel)).toEqual(['C0ALREADY']);
      expect(e2e.fake.callsTo('conversations.join')).toHaveLength(0);
      expect(await workspaces()).toEqual([expect.objectContaining({ channel_id: 'C0ALREADY' })]);
    });

    it('in a private channel Terrain cannot join, the user is told to /invite @Terrain', async () => {
      e2e.fake.on('conversations.info', () => ({ ok: false, error: 'channel_not_found' }));
      e2e.fake.on('conversations.join', () => ({ ok: false, error: 'channel_not_found' }));
      const reply = await run('/terrain', 'setup', { channel_id: 'G0PRIVATE' });
      expect(reply.args.text).toContain('/invite @Terrain');
      expect(reply.args.text).toBe(en.terrain.setupInviteFirst('<#G0PRIVATE>'));
    });

    it('in a direct message the user is told to run it in a channel, and nothing is stored', async () => {
      const reply = await run('/terrain', 'setup', { channel_id: 'D0DIRECT', channel_name: 'directmessage' });
      expect(reply.args.text).toBe(en.terrain.setupNotAChannel);
      await e2e.app.drain();
      expect(await workspaces()).toHaveLength(0);
      expect(e2e.fake.callsTo('conversations.join')).toHaveLength(0);
      // Cards still go to TERRAIN_CHANNEL.
      await sendCommand(
        e2e.app.url,
        { command: '/feedback', text: 'Still the default channel', response_url: e2e.fake.responseUrl() },
        opts,
      );
      expect((await items())[0]).toMatchObject({ card_channel_id: CHANNEL });
    });
  });

  describe('Home tab', () => {
    it('app_home_opened publishes a Home view listing that user’s items with their status and votes', async () => {
      const file = async (command: string, text: string, user_id: string) => {
        await sendCommand(e2e.app.url, { command, text, user_id, response_url: e2e.fake.responseUrl() }, opts);
        await e2e.app.drain();
        return (await items()).at(-1)!;
      };
      const feedback = await file('/feedback', 'Retail wants offline mode', 'U0SALES1');
      const flag = await file('/flag', 'The ROI calculator ignores <b>churn</b> & discounts', 'U0SALES1');
      await file('/feedback', 'Somebody else’s feedback', 'U0SALES2');
      expect(feedback.card_ts).not.toBeNull();
      // Two people vote for the feedback (one of them twice, with a skin tone): two votes.
      for (const [user, reaction] of [
        ['U0MKT1', '+1'],
        ['U0MKT2', '+1'],
        ['U0MKT2', '+1::skin-tone-3'],
      ] as const) {
        const res = await sendEvent(
          e2e.app.url,
          reactionEvent('reaction_added', { user, reaction, channel: CHANNEL, ts: feedback.card_ts! }),
          opts,
        );
        expect(res.status).toBe(200);
      }
      await e2e.db.db.updateTable('items').set({ status: 'planned' }).where('id', '=', flag.id).execute();

      const res = await sendEvent(
        e2e.app.url,
        { type: 'app_home_opened', user: 'U0SALES1', channel: 'D0HOME1', tab: 'home', event_ts: `${(Date.now() / 1000).toFixed(6)}` },
        opts,
      );
      expect(res.status).toBe(200);
      const published = await e2e.fake.waitFor('views.publish');
      expect(published.args.user_id).toBe('U0SALES1');
      const view = published.args.view;
      expect(view.type).toBe('home');
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      const lines = (view.blocks as Array<{ type: string; text?: { text: string }; accessory?: { action_id: string; url: string } }>)
        .filter((b) => b.type === 'section')
        .map((b) => b.text!.text);
      const shown = JSON.stringify(view.blocks);
      expect(shown).toContain(ACTIONS.homeNewFeedback);
      expect(shown).toContain(ACTIONS.homeNewFlag);
      // Each with the day it was filed, on the reader's clock (the fake Slack's users are in Paris).
      const day = (at: string) => inZone(at, 'Europe/Paris', 'en').format('D MMM');
      expect(lines).toContain(en.home.itemLine(en.kind.feedback, 'Retail wants offline mode', en.status.new, 2, day(feedback.created_at)));
      expect(lines).toContain(
        en.home.itemLine(
          en.kind.flag,
          'The ROI calculator ignores &lt;b&gt;churn&lt;/b&gt; &amp; discounts',
          en.status.planned,
          0,
          day(flag.created_at),
        ),
      );
      expect(shown).toContain('2 votes');
      expect(shown).toContain('0 votes');
      // Somebody else's item is not among this user's own, only among this week's top open items.
      const ownList = shown.slice(shown.indexOf(en.home.yourItems), shown.indexOf(en.home.topTitle));
      expect(ownList).not.toContain('Somebody else');
      expect(shown.slice(shown.indexOf(en.home.topTitle))).toContain('Somebody else');
      // Each posted item links to its card.
      const buttons = (view.blocks as Array<{ accessory?: { action_id: string; url: string } }>).flatMap((b) =>
        b.accessory ? [b.accessory] : [],
      );
      expect(
        buttons
          .map((b) => b.action_id)
          .filter((id) => /^open_card_\d+$/.test(id))
          .sort(),
      ).toEqual([`${ACTIONS.openCard}_${feedback.id}`, `${ACTIONS.openCard}_${flag.id}`].sort());
      expect(buttons.find((b) => b.action_id === `${ACTIONS.openCard}_${feedback.id}`)?.url).toBe(
        `https://acme.slack.com/archives/${CHANNEL}/p${feedback.card_ts!.replace('.', '')}`,
      );
    });

    it('a user with nothing filed sees an empty list, in their language; the messages tab publishes nothing', async () => {
      e2e.fake.setUser('U0FR', { locale: 'fr-FR' });
      await sendEvent(
        e2e.app.url,
        { type: 'app_home_opened', user: 'U0FR', channel: 'D0HOME2', tab: 'messages', event_ts: '1700000000.000100' },
        opts,
      );
      await e2e.app.drain();
      expect(e2e.fake.callsTo('views.publish')).toHaveLength(0);

      await sendEvent(
        e2e.app.url,
        { type: 'app_home_opened', user: 'U0FR', channel: 'D0HOME2', tab: 'home', event_ts: '1700000000.000200' },
        opts,
      );
      const published = await e2e.fake.waitFor('views.publish');
      expect(published.args.user_id).toBe('U0FR');
      const shown = JSON.stringify(published.args.view.blocks);
      expect(shown).toContain(JSON.stringify(fr.home.none).slice(1, -1));
      expect(shown).toContain(JSON.stringify(fr.home.title).slice(1, -1));
    });
  });
});
