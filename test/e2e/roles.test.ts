import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { ACTIONS, FIELD_ACTION, SETTINGS_FIELDS, VIEWS } from '../../src/ids.js';
import { SIGNING_SECRET, TEAM } from '../support/app.js';
import { describeDb, dialect } from '../support/database.js';
import { useE2E } from '../support/e2e.js';
import type { SlackCall } from '../support/fake-slack.js';
import { sendCommand, sendInteraction, settingsSubmissionPayload } from '../support/slack-requests.js';

const opts = { secret: SIGNING_SECRET };
const en = messages('en');
const fr = messages('fr');

/** The settings modal's answers, as Slack sends them back in view.state.values. */
function settingsValues(a: { day: string; time: string; timezone: string; language: string }) {
  const select = (value: string) => ({
    [FIELD_ACTION]: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: value }, value } },
  });
  return {
    [SETTINGS_FIELDS.day]: select(a.day),
    [SETTINGS_FIELDS.time]: { [FIELD_ACTION]: { type: 'timepicker', selected_time: a.time } },
    [SETTINGS_FIELDS.timezone]: { [FIELD_ACTION]: { type: 'plain_text_input', value: a.timezone } },
    [SETTINGS_FIELDS.cron]: { [FIELD_ACTION]: { type: 'plain_text_input', value: null } },
    [SETTINGS_FIELDS.language]: select(a.language),
  };
}

const NEW_YORK = { day: '3', time: '08:30', timezone: 'America/New_York', language: 'fr' };

/** A settings modal submitted by `userId`: the modal a Terrain admin opened, or one forged from scratch. */
function settingsSubmission(userId: string, values = settingsValues(NEW_YORK)): Record<string, unknown> {
  return settingsSubmissionPayload(userId, values);
}

/** A click on the "Digest settings" button under `/terrain setup`'s answer. */
function settingsButton(userId: string, responseUrl: string, triggerId: string): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: TEAM, domain: 'acme' },
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0001',
    token: 'verification-token',
    trigger_id: triggerId,
    response_url: responseUrl,
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0SHARED', is_ephemeral: true },
    channel: { id: 'C0SHARED', name: 'field-voice' },
    actions: [
      {
        type: 'button',
        action_id: ACTIONS.openSettings,
        block_id: 'settings',
        text: { type: 'plain_text', text: en.settings.button },
        action_ts: '1700000000.000200',
      },
    ],
  };
}

describeDb(`Terrain admins (${dialect})`, () => {
  const e2e = useE2E();

  const admins = async () =>
    (await e2e.db.db.selectFrom('admins').selectAll().orderBy('created_at').orderBy('user_id').execute()).map((a) => a.user_id);
  const workspace = () => e2e.db.db.selectFrom('workspaces').selectAll().where('team_id', '=', TEAM).executeTakeFirst();

  /** Sends `/terrain <text>` as `user`; resolves once it is acknowledged, with the private answer it gets. */
  const terrain = async (user: string, text: string, fields: Record<string, string> = {}): Promise<SlackCall> => {
    const id = `r${Math.random().toString(36).slice(2)}`;
    const res = await sendCommand(
      e2e.app.url,
      { command: '/terrain', text, user_id: user, response_url: e2e.fake.responseUrl(id), ...fields },
      opts,
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const reply = await e2e.fake.waitFor('response_url', (c) => c.args._id === id);
    expect(reply.args.response_type).toBe('ephemeral');
    return reply;
  };

  /** `/terrain setup` in C0SHARED by the team lead, the first to run it: the lead becomes the first admin. */
  const leadSetsUp = async () => {
    const reply = await terrain('U0LEAD', 'setup', { channel_id: 'C0SHARED' });
    expect(reply.args.text).toBe(en.terrain.setupDone('<#C0SHARED>'));
    await e2e.app.drain();
    expect(await admins()).toEqual(['U0LEAD']);
    e2e.fake.reset();
  };

  describe('the first setup', () => {
    it('the first person to run /terrain setup on a fresh workspace becomes its Terrain admin, and is told so', async () => {
      expect(await admins()).toEqual([]);
      const res = await sendCommand(
        e2e.app.url,
        { command: '/terrain', text: 'setup', user_id: 'U0FIRST', channel_id: 'C0SHARED', response_url: e2e.fake.responseUrl('first') },
        opts,
      );
      expect(res.status).toBe(200);
      // Acknowledged means stored: the admin and the channel.
      expect(await admins()).toEqual(['U0FIRST']);
      expect(await workspace()).toMatchObject({ channel_id: 'C0SHARED', first_admin_at: expect.any(String) });
      const reply = await e2e.fake.waitFor('response_url', (c) => c.args._id === 'first');
      expect(reply.args.text).toBe(en.terrain.setupDone('<#C0SHARED>'));
      expect(JSON.stringify(reply.args.blocks)).toContain(JSON.stringify(en.roles.firstAdmin).slice(1, -1));
      // The settings modal opens for them right away.
      const opened = await e2e.fake.waitFor('views.open');
      expect(opened.args.view.callback_id).toBe(VIEWS.settings);
    });

    it('the second person to run /terrain setup does not become admin: refused privately, the channel stays', async () => {
      await terrain('U0FIRST', 'setup', { channel_id: 'C0SHARED' });
      await e2e.app.drain();
      e2e.fake.reset();

      const reply = await terrain('U0SECOND', 'setup', { channel_id: 'C0ELSEWHERE' });
      expect(reply.args.text).toBe(`${en.roles.refused.setup}\n${en.roles.whoNamed('<@U0FIRST>')}`);
      await e2e.app.drain();
      expect(await admins()).toEqual(['U0FIRST']);
      expect(await workspace()).toMatchObject({ channel_id: 'C0SHARED' });
      expect(e2e.fake.callsTo('conversations.info')).toHaveLength(0);
      expect(e2e.fake.callsTo('conversations.join')).toHaveLength(0);
      expect(e2e.fake.callsTo('views.open')).toHaveLength(0);
      expect(e2e.fake.callsTo('chat.postMessage')).toHaveLength(0);
    });

    it('two first setups at the same moment make exactly one admin', async () => {
      const send = (user: string, channel: string) =>
        sendCommand(
          e2e.app.url,
          { command: '/terrain', text: 'setup', user_id: user, channel_id: channel, response_url: e2e.fake.responseUrl(user) },
          opts,
        );
      const answers = await Promise.all([send('U0RACE1', 'C0RACE1'), send('U0RACE2', 'C0RACE2')]);
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      const [winner] = await admins();
      expect(await admins()).toEqual([winner]);
      const loser = winner === 'U0RACE1' ? 'U0RACE2' : 'U0RACE1';
      // Only the winner's channel was stored.
      expect(await workspace()).toMatchObject({ channel_id: winner === 'U0RACE1' ? 'C0RACE1' : 'C0RACE2' });
      const lost = await e2e.fake.waitFor('response_url', (c) => c.args._id === loser);
      expect(lost.args.text).toBe(`${en.roles.refused.setup}\n${en.roles.whoNamed(`<@${winner}>`)}`);
    });

    it('a Slack admin who runs the first setup becomes a named admin too, so nobody else can claim it later', async () => {
      e2e.fake.setUser('U0OWNER', { is_owner: true, is_primary_owner: true });
      await terrain('U0OWNER', 'setup', { channel_id: 'C0SHARED' });
      await e2e.app.drain();
      expect(await admins()).toEqual(['U0OWNER']);
      const reply = await terrain('U0SALES1', 'setup', { channel_id: 'C0MINE' });
      expect(reply.args.text).toBe(`${en.roles.refused.setup}\n${en.roles.whoNamed('<@U0OWNER>')}`);
      expect(await workspace()).toMatchObject({ channel_id: 'C0SHARED' });
    });

    it('setup in a direct message claims nothing: the first person is told to run it in a channel', async () => {
      const reply = await terrain('U0FIRST', 'setup', { channel_id: 'D0DIRECT' });
      expect(reply.args.text).toBe(en.terrain.setupNotAChannel);
      await e2e.app.drain();
      expect(await admins()).toEqual([]);
      expect(await workspace()).toBeUndefined();
    });
  });

  describe('settings are Terrain admins’ only', () => {
    it('/terrain settings by a member who is not an admin is refused privately, naming the admins, and opens nothing', async () => {
      await leadSetsUp();
      const reply = await terrain('U0SALES1', 'settings');
      expect(reply.args.text).toBe(`${en.roles.refused.settings}\n${en.roles.whoNamed('<@U0LEAD>')}`);
      await e2e.app.drain();
      expect(e2e.fake.callsTo('views.open')).toHaveLength(0);
    });

    it('before anyone is named, a refusal says how one becomes the first admin', async () => {
      const reply = await terrain('U0SALES1', 'settings');
      expect(reply.args.text).toBe(`${en.roles.refused.settings}\n${en.roles.whoNoneYet}`);
      await e2e.app.drain();
      expect(e2e.fake.callsTo('views.open')).toHaveLength(0);
      expect(await admins()).toEqual([]);
    });

    it('the "Digest settings" button is refused to a member who is not an admin, where they clicked it', async () => {
      await leadSetsUp();
      const res = await sendInteraction(e2e.app.url, settingsButton('U0SALES1', e2e.fake.responseUrl('button'), '444.555.button'), opts);
      expect(res.status).toBe(200);
      const reply = await e2e.fake.waitFor('response_url', (c) => c.args._id === 'button');
      expect(reply.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(reply.args.text).toBe(`${en.roles.refused.settings}\n${en.roles.whoNamed('<@U0LEAD>')}`);
      await e2e.app.drain();
      expect(e2e.fake.callsTo('views.open')).toHaveLength(0);
    });

    it('the "Digest settings" button opens the modal for a Terrain admin', async () => {
      await leadSetsUp();
      const res = await sendInteraction(e2e.app.url, settingsButton('U0LEAD', e2e.fake.responseUrl('button'), '444.555.lead'), opts);
      expect(res.status).toBe(200);
      const opened = await e2e.fake.waitFor('views.open', (c) => c.args.trigger_id === '444.555.lead');
      expect(opened.args.view.callback_id).toBe(VIEWS.settings);
    });

    it('a settings submission by a member who is not an admin is refused in the modal and stores nothing', async () => {
      await leadSetsUp();
      const before = await workspace();
      const res = await sendInteraction(e2e.app.url, settingsSubmission('U0SALES1'), opts);
      expect(res.status).toBe(200);
      expect(res.json.response_action).toBe('update');
      const view = res.json.view;
      expect(view).toMatchObject({ type: 'modal', title: { text: en.settings.title }, close: { text: en.modal.close } });
      expect(view.submit).toBeUndefined();
      expect(view.blocks[0].text.text).toBe(`${en.roles.refused.settings}\n${en.roles.whoNamed('<@U0LEAD>')}`);
      expect(await workspace()).toEqual(before);
      expect(before).toMatchObject({ digest_cron: null, digest_timezone: null, locale: null });
      await e2e.app.drain();
      expect(e2e.fake.callsTo('chat.postMessage')).toHaveLength(0);
    });

    it('a named admin’s settings submission is stored', async () => {
      await leadSetsUp();
      const res = await sendInteraction(e2e.app.url, settingsSubmission('U0LEAD'), opts);
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      expect(await workspace()).toMatchObject({ digest_cron: '30 8 * * 3', digest_timezone: 'America/New_York', locale: 'fr' });
    });

    it.each([
      ['admin', { is_admin: true }],
      ['owner', { is_owner: true }],
      ['primary owner', { is_owner: true, is_primary_owner: true }],
    ] as const)('a Slack %s (users.info) may change the settings without being named', async (_role, slackRole) => {
      await leadSetsUp();
      e2e.fake.setUser('U0SLACKADMIN', slackRole);
      const asked = await sendCommand(
        e2e.app.url,
        {
          command: '/terrain',
          text: 'settings',
          user_id: 'U0SLACKADMIN',
          trigger_id: '555.666.slack',
          response_url: e2e.fake.responseUrl(),
        },
        opts,
      );
      expect(asked.status).toBe(200);
      const opened = await e2e.fake.waitFor('views.open', (c) => c.args.trigger_id === '555.666.slack');
      expect(opened.args.view.callback_id).toBe(VIEWS.settings);
      await e2e.app.drain();
      expect(e2e.fake.callsTo('response_url')).toHaveLength(0);
      const res = await sendInteraction(e2e.app.url, settingsSubmission('U0SLACKADMIN'), opts);
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      expect(await workspace()).toMatchObject({ digest_cron: '30 8 * * 3', digest_timezone: 'America/New_York', locale: 'fr' });
      expect(await admins()).toEqual(['U0LEAD']);
    });

    it('a Slack admin may set the channel up again, and a later setup by them does not claim anything', async () => {
      await leadSetsUp();
      e2e.fake.setUser('U0SLACKADMIN', { is_admin: true });
      const reply = await terrain('U0SLACKADMIN', 'setup', { channel_id: 'C0MOVED' });
      expect(reply.args.text).toBe(en.terrain.setupDone('<#C0MOVED>'));
      expect(JSON.stringify(reply.args.blocks)).not.toContain(JSON.stringify(en.roles.firstAdmin).slice(1, -1));
      expect(await workspace()).toMatchObject({ channel_id: 'C0MOVED' });
      expect(await admins()).toEqual(['U0LEAD']);
    });

    it('when Slack is too slow to tell a member’s role, a settings submission is still answered within 3 seconds, says so, and stores nothing', async () => {
      await leadSetsUp();
      e2e.fake.setUser('U0SLOW', { is_admin: true });
      e2e.fake.on('users.info', async (args) => {
        if (args.user === 'U0SLOW') await new Promise((resolve) => setTimeout(resolve, 2500));
        return undefined;
      });
      const started = Date.now();
      const res = await sendInteraction(e2e.app.url, settingsSubmission('U0SLOW'), opts);
      const elapsed = Date.now() - started;
      expect(res.status).toBe(200);
      expect(elapsed, `answered after ${elapsed} ms`).toBeLessThan(3000);
      expect(res.json.response_action).toBe('update');
      expect(res.json.view.blocks[0].text.text).toBe(en.roles.roleUnknown);
      expect(await workspace()).toMatchObject({ digest_timezone: null });
      // Slack's late answer is still cached: the next submission goes through at once.
      await e2e.fake.waitFor('users.info', (c) => c.args.user === 'U0SLOW');
      await expect
        .poll(
          async () =>
            (await e2e.db.db.selectFrom('members').select('is_admin').where('user_id', '=', 'U0SLOW').executeTakeFirst())?.is_admin,
        )
        .toBe(1);
      const again = await sendInteraction(e2e.app.url, settingsSubmission('U0SLOW'), opts);
      expect(again.text).toBe('');
      expect(await workspace()).toMatchObject({ digest_timezone: 'America/New_York' });
    });

    it('a French member is refused in French', async () => {
      await leadSetsUp();
      e2e.fake.setUser('U0FR', { locale: 'fr-FR' });
      const reply = await terrain('U0FR', 'settings');
      expect(reply.args.text).toBe(`${fr.roles.refused.settings}\n${fr.roles.whoNamed('<@U0LEAD>')}`);
      const setup = await terrain('U0FR', 'setup', { channel_id: 'C0AILLEURS' });
      expect(setup.args.text).toBe(`${fr.roles.refused.setup}\n${fr.roles.whoNamed('<@U0LEAD>')}`);
      const res = await sendInteraction(e2e.app.url, settingsSubmission('U0FR'), opts);
      expect(res.json.view.blocks[0].text.text).toBe(`${fr.roles.refused.settings}\n${fr.roles.whoNamed('<@U0LEAD>')}`);
      expect(res.json.view.title.text).toBe(fr.settings.title);
      expect(await workspace()).toMatchObject({ channel_id: 'C0SHARED', locale: null });
    });
  });

  describe('/terrain admins', () => {
    it('anyone may list the admins; before anyone is named the list says how one becomes the first', async () => {
      const reply = await terrain('U0SALES1', 'admins');
      expect(reply.args.text).toBe(`${en.roles.listNoneYet}\n${en.roles.listHint}`);
      await leadSetsUp();
      const listed = await terrain('U0SALES1', 'admins list');
      expect(listed.args.text).toBe(`${en.roles.list('<@U0LEAD>')}\n${en.roles.listHint}`);
    });

    it('an admin names another with a mention: stored before the answer, the new admin told in their language, and they may then change the settings', async () => {
      await leadSetsUp();
      e2e.fake.setUser('U0NEW', { locale: 'fr-FR' });
      const res = await sendCommand(
        e2e.app.url,
        { command: '/terrain', text: 'admins add <@U0NEW|new.admin>', user_id: 'U0LEAD', response_url: e2e.fake.responseUrl('add') },
        opts,
      );
      expect(res.status).toBe(200);
      expect(await admins()).toEqual(['U0LEAD', 'U0NEW']);
      const stored = await e2e.db.db.selectFrom('admins').selectAll().where('user_id', '=', 'U0NEW').executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ team_id: TEAM, added_by: 'U0LEAD' });
      const reply = await e2e.fake.waitFor('response_url', (c) => c.args._id === 'add');
      expect(reply.args.text).toBe(en.roles.added('<@U0NEW>'));
      const told = await e2e.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'U0NEW');
      expect(told.args.text).toBe(fr.roles.youWereAdded('<@U0LEAD>'));

      const again = await terrain('U0LEAD', 'admins add <@U0NEW|new.admin>');
      expect(again.args.text).toBe(en.roles.alreadyAdmin('<@U0NEW>'));
      await e2e.app.drain();
      expect(e2e.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U0NEW')).toHaveLength(1);

      const submitted = await sendInteraction(e2e.app.url, settingsSubmission('U0NEW'), opts);
      expect(submitted.text).toBe('');
      expect(await workspace()).toMatchObject({ digest_timezone: 'America/New_York' });

      const listed = await terrain('U0SALES1', 'admins liste');
      expect(listed.args.text).toBe(`${en.roles.list('<@U0LEAD>, <@U0NEW>')}\n${en.roles.listHint}`);
    });

    it('an admin removes one; removing someone who is not named changes nothing and says why', async () => {
      await leadSetsUp();
      await terrain('U0LEAD', 'admins add <@U0NEW|new> <@U0TWO>');
      expect(await admins()).toEqual(['U0LEAD', 'U0NEW', 'U0TWO']);
      const reply = await terrain('U0LEAD', 'admins remove <@U0NEW|new> <@U0SLACKADMIN|boss>');
      expect(reply.args.text).toBe(`${en.roles.removed('<@U0NEW>')}\n${en.roles.notNamed('<@U0SLACKADMIN>')}`);
      expect(await admins()).toEqual(['U0LEAD', 'U0TWO']);

      // The removed admin is an ordinary member again.
      const res = await sendInteraction(e2e.app.url, settingsSubmission('U0NEW'), opts);
      expect(res.json.response_action).toBe('update');
      expect(await workspace()).toMatchObject({ digest_timezone: null });
    });

    it('a Slack admin may name admins without being named', async () => {
      e2e.fake.setUser('U0SLACKADMIN', { is_admin: true });
      const reply = await terrain('U0SLACKADMIN', 'admins ajouter <@U0NEW|new>');
      expect(reply.args.text).toBe(en.roles.added('<@U0NEW>'));
      expect(await admins()).toEqual(['U0NEW']);
      // Someone was named: the first-setup rule no longer applies.
      const setup = await terrain('U0SALES1', 'setup', { channel_id: 'C0MINE' });
      expect(setup.args.text).toBe(`${en.roles.refused.setup}\n${en.roles.whoNamed('<@U0NEW>')}`);
      expect(await admins()).toEqual(['U0NEW']);
    });

    it('a member who is not an admin cannot add or remove admins, not even themselves', async () => {
      await leadSetsUp();
      const add = await terrain('U0SALES1', 'admins add <@U0SALES1|me>');
      expect(add.args.text).toBe(`${en.roles.refused.admins}\n${en.roles.whoNamed('<@U0LEAD>')}`);
      const remove = await terrain('U0SALES1', 'admins remove <@U0LEAD|lead>');
      expect(remove.args.text).toBe(`${en.roles.refused.admins}\n${en.roles.whoNamed('<@U0LEAD>')}`);
      await e2e.app.drain();
      expect(await admins()).toEqual(['U0LEAD']);
      expect(e2e.fake.callsTo('chat.postMessage')).toHaveLength(0);
    });

    it('before anyone is named, a member cannot make themselves admin with /terrain admins add', async () => {
      const reply = await terrain('U0SALES1', 'admins add <@U0SALES1|me>');
      expect(reply.args.text).toBe(`${en.roles.refused.admins}\n${en.roles.whoNoneYet}`);
      expect(await admins()).toEqual([]);
      expect(await workspace()).toBeUndefined();
    });

    it('without a mention the usage is shown; plain-text names are told apart; nothing changes', async () => {
      await leadSetsUp();
      expect((await terrain('U0LEAD', 'admins add')).args.text).toBe(en.roles.usage);
      expect((await terrain('U0LEAD', 'admins add @alex')).args.text).toBe(en.roles.plainNames);
      e2e.fake.setUser('U0FR', { locale: 'fr-FR', is_admin: true });
      expect((await terrain('U0FR', 'admins retirer')).args.text).toBe(fr.roles.usage);
      expect(await admins()).toEqual(['U0LEAD']);
    });

    it('a crafted mention names nobody and pings nobody', async () => {
      await leadSetsUp();
      const reply = await terrain('U0LEAD', 'admins add <@U1><!channel> <@U0OK<!here>>');
      expect(reply.args.text).toBe(en.roles.usage);
      expect(JSON.stringify(reply.args)).not.toMatch(/<!(channel|here)>/);
      expect(await admins()).toEqual(['U0LEAD']);
    });
  });
});
