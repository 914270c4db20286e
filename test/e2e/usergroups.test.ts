import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setMemberSide } from '../../db/members.js';
import type { Side } from '../../db/schema.js';
import { saveWorkspaceSettings } from '../../db/workspaces.js';
import { messages } from '../../src/i18n/index.js';
import { FIELD_ACTION, NO_USERGROUP, SETTINGS_FIELDS, VIEWS } from '../../src/ids.js';
import { SIGNING_SECRET, startTestApp, TEAM, type TestApp } from '../support/app.js';
import { type ManualClock, manualClock } from '../support/clock.js';
import { createTestDatabase, describeDb, dialect, type TestDatabase } from '../support/database.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { sendCommand, sendInteraction, settingsSubmissionPayload } from '../support/slack-requests.js';

const opts = { secret: SIGNING_SECRET };
const en = messages('en');
const NOW = '2026-11-23T09:00:00.000Z';
const MINUTE = 60_000;

/** The workspace's user groups as Slack knows them: who is in which. */
const GROUPS = {
  S0SALES: { handle: 'sales', name: 'Sales team', users: ['U0ANNA', 'U0BEN', 'U0BOTH'] },
  S0MKT: { handle: 'marketing', name: 'Marketing', users: ['U0CLARA', 'U0BOTH'] },
  S0EMEA: { handle: 'sales-emea', name: 'Sales EMEA', users: ['U0ANNA'] },
} as Record<string, { handle: string; name: string; users: string[] }>;

/** The settings modal's answers, with the user groups picked (`null`: nothing picked). */
function settingsValues(sales: string | null, marketing: string | null) {
  const select = (value: string) => ({
    [FIELD_ACTION]: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: value }, value } },
  });
  const group = (value: string | null) => ({
    [FIELD_ACTION]: {
      type: 'external_select',
      selected_option: value ? { text: { type: 'plain_text', text: value }, value } : null,
    },
  });
  return {
    [SETTINGS_FIELDS.day]: select('1'),
    [SETTINGS_FIELDS.time]: { [FIELD_ACTION]: { type: 'timepicker', selected_time: '09:00' } },
    [SETTINGS_FIELDS.timezone]: { [FIELD_ACTION]: { type: 'plain_text_input', value: 'Europe/Paris' } },
    [SETTINGS_FIELDS.cron]: { [FIELD_ACTION]: { type: 'plain_text_input', value: null } },
    [SETTINGS_FIELDS.language]: select('en'),
    [SETTINGS_FIELDS.salesGroup]: group(sales),
    [SETTINGS_FIELDS.marketingGroup]: group(marketing),
  };
}

function submission(userId: string, values: Record<string, unknown>): Record<string, unknown> {
  return settingsSubmissionPayload(userId, values);
}

/** Slack asking for the options of a user-group picker, as the admin types `typed`. */
function suggestion(userId: string, blockId: string, typed: string): Record<string, unknown> {
  return {
    type: 'block_suggestion',
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: TEAM },
    team: { id: TEAM, domain: 'acme' },
    api_app_id: 'A0001',
    token: 'verification-token',
    container: { type: 'view', view_id: 'VSETTINGS' },
    action_id: FIELD_ACTION,
    block_id: blockId,
    value: typed,
    view: { id: 'VSETTINGS', team_id: TEAM, type: 'modal', callback_id: VIEWS.settings, private_metadata: '', state: { values: {} } },
  };
}

describeDb(`sides from Slack user groups (${dialect})`, () => {
  let db: TestDatabase;
  let fake: FakeSlack;
  let clock: ManualClock;
  let running: TestApp[] = [];

  beforeEach(async () => {
    db = await createTestDatabase();
    fake = await startFakeSlack();
    clock = manualClock(NOW);
    running = [];
    await saveWorkspaceSettings(db.db, TEAM, {}, new Date('2026-11-01T00:00:00Z'));
    fake.setUser('U0LEAD', { is_admin: true });
  });
  afterEach(async () => {
    for (const app of running) await app.stop();
    await fake.close();
    await db.drop();
  });

  const start = async (): Promise<TestApp> => {
    const app = await startTestApp({ db, fake, clock });
    running.push(app);
    return app;
  };

  /** A paid workspace: Slack lists GROUPS and their members. */
  const paidWorkspace = () => {
    fake.on('usergroups.list', () => ({
      usergroups: Object.entries(GROUPS).map(([id, g]) => ({ id, handle: g.handle, name: g.name, date_delete: 0 })),
    }));
    fake.on('usergroups.users.list', (args) => {
      const group = GROUPS[String(args.usergroup)];
      return group ? { users: group.users } : { error: 'no_such_subteam' };
    });
  };
  /** A free workspace: Slack has no user groups for it. */
  const freeWorkspace = () => {
    fake.on('usergroups.list', () => ({ error: 'paid_teams_only' }));
    fake.on('usergroups.users.list', () => ({ error: 'paid_teams_only' }));
  };

  const sides = async (): Promise<Record<string, Side | null>> =>
    Object.fromEntries(
      (await db.db.selectFrom('members').select(['user_id', 'side']).where('team_id', '=', TEAM).orderBy('user_id').execute()).map((m) => [
        m.user_id,
        m.side,
      ]),
    );
  const syncRuns = () => db.db.selectFrom('job_runs').selectAll().where('job', '=', 'usergroup_sync').orderBy('run_key').execute();
  const name = (blockId: string) => (blockId === SETTINGS_FIELDS.salesGroup ? 'sales' : 'marketing');

  describe('the settings', () => {
    it('the user-group pickers offer "none" then the groups matching what is typed', async () => {
      paidWorkspace();
      const app = await start();
      for (const blockId of [SETTINGS_FIELDS.salesGroup, SETTINGS_FIELDS.marketingGroup]) {
        const res = await sendInteraction(app.url, suggestion('U0LEAD', blockId, '@sal'), opts);
        expect(res.status, name(blockId)).toBe(200);
        expect((res.json as { options: Array<{ text: { text: string }; value: string }> }).options).toEqual([
          { text: expect.objectContaining({ text: en.settings.groupNone }), value: NO_USERGROUP },
          { text: expect.objectContaining({ text: '@sales (Sales team)' }), value: 'S0SALES' },
          { text: expect.objectContaining({ text: '@sales-emea (Sales EMEA)' }), value: 'S0EMEA' },
        ]);
      }
      const all = await sendInteraction(app.url, suggestion('U0LEAD', SETTINGS_FIELDS.marketingGroup, ''), opts);
      expect((all.json as { options: Array<{ value: string }> }).options.map((o) => o.value)).toEqual([
        NO_USERGROUP,
        'S0SALES',
        'S0MKT',
        'S0EMEA',
      ]);
    });

    it('on a free workspace the picker says there are no user groups, and the modal says so instead of offering them', async () => {
      freeWorkspace();
      const app = await start();
      const res = await sendInteraction(app.url, suggestion('U0LEAD', SETTINGS_FIELDS.salesGroup, ''), opts);
      expect((res.json as { options: Array<{ text: { text: string }; value: string }> }).options).toEqual([
        { text: expect.objectContaining({ text: en.settings.noUsergroupsOption }), value: NO_USERGROUP },
      ]);

      await sendCommand(
        app.url,
        { command: '/terrain', text: 'settings', user_id: 'U0LEAD', trigger_id: '1.2.free', response_url: fake.responseUrl() },
        opts,
      );
      const opened = await fake.waitFor('views.open', (c) => c.args.trigger_id === '1.2.free');
      const blocks = JSON.stringify(opened.args.view.blocks);
      expect(blocks).toContain(en.settings.noUsergroups);
      expect(blocks).not.toContain(SETTINGS_FIELDS.salesGroup);
    });

    it('the modal shows the groups named, by handle and name', async () => {
      paidWorkspace();
      await saveWorkspaceSettings(db.db, TEAM, { sales_usergroup_id: 'S0SALES', marketing_usergroup_id: 'S0MKT' }, new Date(NOW));
      const app = await start();
      await sendCommand(
        app.url,
        { command: '/terrain', text: 'settings', user_id: 'U0LEAD', trigger_id: '1.2.paid', response_url: fake.responseUrl() },
        opts,
      );
      const opened = await fake.waitFor('views.open', (c) => c.args.trigger_id === '1.2.paid');
      const inputs = opened.args.view.blocks as Array<{
        block_id?: string;
        element?: { initial_option?: { text: { text: string }; value: string } };
      }>;
      expect(inputs.find((b) => b.block_id === SETTINGS_FIELDS.salesGroup)?.element?.initial_option).toMatchObject({
        value: 'S0SALES',
        text: { text: '@sales (Sales team)' },
      });
      expect(inputs.find((b) => b.block_id === SETTINGS_FIELDS.marketingGroup)?.element?.initial_option?.value).toBe('S0MKT');
    });

    it('naming the groups stores them and syncs their members at once; the admin is told how many are on each side', async () => {
      paidWorkspace();
      const t0 = new Date(NOW);
      // A self-declared side outside the groups stays; a member of a group who said "other" follows the group.
      await setMemberSide(db.db, TEAM, 'U0DANA', 'other', t0);
      await setMemberSide(db.db, TEAM, 'U0BEN', 'other', t0);
      await setMemberSide(db.db, TEAM, 'U0BOTH', 'sales', t0);
      const app = await start();
      const res = await sendInteraction(app.url, submission('U0LEAD', settingsValues('S0SALES', 'S0MKT')), opts);
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      const ws = await db.db.selectFrom('workspaces').selectAll().where('team_id', '=', TEAM).executeTakeFirstOrThrow();
      expect(ws).toMatchObject({ sales_usergroup_id: 'S0SALES', marketing_usergroup_id: 'S0MKT' });
      await app.drain();
      expect(await sides()).toMatchObject({ U0ANNA: 'sales', U0BEN: 'sales', U0BOTH: 'sales', U0CLARA: 'marketing', U0DANA: 'other' });
      const answer = fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'U0LEAD');
      expect(answer?.args.text).toContain(en.settings.groupsSynced(3, 2));
    });

    it('the same group for both sides is refused in the modal, and nothing is stored', async () => {
      paidWorkspace();
      const app = await start();
      const res = await sendInteraction(app.url, submission('U0LEAD', settingsValues('S0SALES', 'S0SALES')), opts);
      expect(res.json).toEqual({ response_action: 'errors', errors: { [SETTINGS_FIELDS.marketingGroup]: en.settings.sameGroup } });
      const ws = await db.db.selectFrom('workspaces').selectAll().where('team_id', '=', TEAM).executeTakeFirstOrThrow();
      expect(ws).toMatchObject({ sales_usergroup_id: null, marketing_usergroup_id: null, digest_cron: null });
      expect(fake.callsTo('usergroups.users.list')).toHaveLength(0);
    });

    it('a group named on a workspace Slack says has no user groups: stored, nothing crashes, sides stay, and the admin is told why', async () => {
      freeWorkspace();
      await setMemberSide(db.db, TEAM, 'U0ANNA', 'marketing', new Date(NOW));
      const app = await start();
      const res = await sendInteraction(app.url, submission('U0LEAD', settingsValues('S0SALES', null)), opts);
      expect(res.status).toBe(200);
      await app.drain();
      const answer = fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'U0LEAD');
      expect(answer?.args.text).toContain(en.settings.noUsergroups);
      expect(await sides()).toMatchObject({ U0ANNA: 'marketing' });
    });

    it('"none" clears a group: its members keep their sides', async () => {
      paidWorkspace();
      await saveWorkspaceSettings(db.db, TEAM, { sales_usergroup_id: 'S0SALES' }, new Date(NOW));
      await setMemberSide(db.db, TEAM, 'U0ANNA', 'sales', new Date(NOW));
      const app = await start();
      await sendInteraction(app.url, submission('U0LEAD', settingsValues(NO_USERGROUP, null)), opts);
      await app.drain();
      const ws = await db.db.selectFrom('workspaces').selectAll().where('team_id', '=', TEAM).executeTakeFirstOrThrow();
      expect(ws.sales_usergroup_id).toBeNull();
      expect(await sides()).toMatchObject({ U0ANNA: 'sales' });
      expect(fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'U0LEAD')?.args.text).toContain(en.settings.groupsCleared);
    });
  });

  describe('the daily sync', () => {
    it('runs at start and once a day, once across replicas; a member removed keeps their side unless now in the other group', async () => {
      paidWorkspace();
      await saveWorkspaceSettings(db.db, TEAM, { sales_usergroup_id: 'S0SALES', marketing_usergroup_id: 'S0MKT' }, new Date(NOW));
      await setMemberSide(db.db, TEAM, 'U0SELF', 'other', new Date(NOW));
      const a = await start();
      const b = await start();
      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      expect(
        fake
          .callsTo('usergroups.users.list')
          .map((c) => c.args.usergroup)
          .sort(),
      ).toEqual(['S0MKT', 'S0SALES']);
      expect(await sides()).toEqual({ U0ANNA: 'sales', U0BEN: 'sales', U0BOTH: 'marketing', U0CLARA: 'marketing', U0SELF: 'other' });
      expect((await syncRuns()).map((r) => [r.run_key, r.state])).toEqual([['2026-11-23', 'done']]);

      // Later the same day: nothing more.
      clock.advance(60 * MINUTE);
      await a.scheduler.tick();
      expect(fake.callsTo('usergroups.users.list')).toHaveLength(2);

      // Overnight, Ben leaves the sales group and Anna moves to marketing.
      GROUPS.S0SALES!.users = ['U0BOTH'];
      GROUPS.S0MKT!.users = ['U0CLARA', 'U0BOTH', 'U0ANNA'];
      try {
        clock.set('2026-11-24T00:01:00Z');
        await b.scheduler.tick();
        expect(await sides()).toEqual({ U0ANNA: 'marketing', U0BEN: 'sales', U0BOTH: 'marketing', U0CLARA: 'marketing', U0SELF: 'other' });
        expect((await syncRuns()).map((r) => r.run_key)).toEqual(['2026-11-23', '2026-11-24']);
      } finally {
        GROUPS.S0SALES!.users = ['U0ANNA', 'U0BEN', 'U0BOTH'];
        GROUPS.S0MKT!.users = ['U0CLARA', 'U0BOTH'];
      }
    });

    it('a workspace without groups named makes no user-group call, and self-declared sides stay', async () => {
      paidWorkspace();
      await setMemberSide(db.db, TEAM, 'U0ANNA', 'other', new Date(NOW));
      const app = await start();
      await app.scheduler.tick();
      expect(fake.callsTo('usergroups.users.list')).toHaveLength(0);
      expect(fake.callsTo('usergroups.list')).toHaveLength(0);
      expect(await syncRuns()).toEqual([]);
      expect(await sides()).toEqual({ U0ANNA: 'other' });
    });

    it('a free workspace (Slack: paid_teams_only) keeps its self-declared sides; the day is done, nothing crashes', async () => {
      freeWorkspace();
      await saveWorkspaceSettings(db.db, TEAM, { sales_usergroup_id: 'S0SALES' }, new Date(NOW));
      await setMemberSide(db.db, TEAM, 'U0ANNA', 'marketing', new Date(NOW));
      const app = await start();
      await app.scheduler.tick();
      expect(fake.callsTo('usergroups.users.list')).toHaveLength(1);
      expect(await sides()).toEqual({ U0ANNA: 'marketing' });
      expect((await syncRuns()).map((r) => r.state)).toEqual(['done']);
      await app.scheduler.tick();
      expect(fake.callsTo('usergroups.users.list')).toHaveLength(1);
    });

    it('Slack failing mid-sync: nothing half done is lost, and it is tried again once the claim runs out, not every minute', async () => {
      paidWorkspace();
      await saveWorkspaceSettings(db.db, TEAM, { sales_usergroup_id: 'S0SALES', marketing_usergroup_id: 'S0MKT' }, new Date(NOW));
      fake.on('usergroups.users.list', (args) =>
        args.usergroup === 'S0MKT' ? { status: 500, body: { ok: false, error: 'internal_error' } } : { users: GROUPS.S0SALES!.users },
      );
      const app = await start();
      await app.scheduler.tick();
      expect(await sides()).toEqual({});
      clock.advance(MINUTE);
      await app.scheduler.tick();
      expect(fake.callsTo('usergroups.users.list')).toHaveLength(2);

      paidWorkspace();
      clock.advance(16 * MINUTE);
      await app.scheduler.tick();
      expect(await sides()).toEqual({ U0ANNA: 'sales', U0BEN: 'sales', U0BOTH: 'marketing', U0CLARA: 'marketing' });
      expect((await syncRuns()).map((r) => r.state)).toEqual(['done']);
    });
  });
});
