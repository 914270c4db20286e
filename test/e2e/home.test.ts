import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createItem, markCardPosted } from '../../db/items.js';
import { setMemberSide } from '../../db/members.js';
import { applyReaction } from '../../db/votes.js';
import { saveWorkspaceSettings } from '../../db/workspaces.js';
import { messages } from '../../src/i18n/index.js';
import { ACTIONS } from '../../src/ids.js';
import { CHANNEL, SIGNING_SECRET, startTestApp, TEAM, type TestApp } from '../support/app.js';
import { type ManualClock, manualClock } from '../support/clock.js';
import { createTestDatabase, describeDb, dialect, OUTAGE, startOutage, type TestDatabase } from '../support/database.js';
import { type FakeSlack, type SlackCall, startFakeSlack } from '../support/fake-slack.js';
import { outboxRows } from '../support/outbox.js';
import { sendCommand, sendEvent, sendInteraction } from '../support/slack-requests.js';

const opts = { secret: SIGNING_SECRET };
const en = messages('en');
const fr = messages('fr');
/** Monday 23 November 2026, 10:00 in Paris (the fake Slack's users live there). */
const NOW = '2026-11-23T09:00:00.000Z';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Block {
  type: string;
  text?: { text: string };
  accessory?: { action_id: string; url?: string; value?: string; text: { text: string } };
  elements?: Array<{ action_id?: string; value?: string; style?: string; text: { text: string } }>;
}

const blocksOf = (call: SlackCall): Block[] => call.args.view.blocks as Block[];
const headers = (blocks: Block[]) => blocks.filter((b) => b.type === 'header').map((b) => b.text!.text);
const sections = (blocks: Block[]) => blocks.filter((b) => b.type === 'section').map((b) => b.text!.text);
const picker = (blocks: Block[]) =>
  blocks
    .find((b) => b.type === 'actions' && b.elements?.some((e) => e.action_id?.startsWith(ACTIONS.setSide)))
    ?.elements?.map((e) => ({ id: e.action_id, value: e.value, text: e.text.text, primary: e.style === 'primary' }));
const muteButton = (blocks: Block[]) => blocks.find((b) => b.accessory?.action_id === ACTIONS.muteUpdates)?.accessory;
const cardLink = (ts: string) => `https://acme.slack.com/archives/${CHANNEL}/p${ts.replace('.', '')}`;

/** A click on a button of the Home tab. */
function homeClick(userId: string, actionId: string, value: string, actionTs: string): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: TEAM, domain: 'acme' },
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0001',
    token: 'verification-token',
    trigger_id: `${actionTs}.trigger`,
    container: { type: 'view', view_id: 'VHOME' },
    view: { id: 'VHOME', team_id: TEAM, type: 'home', callback_id: '', hash: 'h1', blocks: [], state: { values: {} } },
    actions: [
      { type: 'button', action_id: actionId, block_id: 'b1', value, text: { type: 'plain_text', text: value }, action_ts: actionTs },
    ],
  };
}

/** A click on a button of a private message (a filing confirmation, an update). */
function messageClick(userId: string, actionId: string, value: string, actionTs: string, responseUrl: string): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: TEAM, domain: 'acme' },
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0001',
    token: 'verification-token',
    trigger_id: `${actionTs}.trigger`,
    response_url: responseUrl,
    container: { type: 'message', message_ts: '1790000000.000100', channel_id: 'D0DM', is_ephemeral: true },
    channel: { id: 'D0DM', name: 'directmessage' },
    actions: [
      { type: 'button', action_id: actionId, block_id: 'b1', value, text: { type: 'plain_text', text: value }, action_ts: actionTs },
    ],
  };
}

describeDb(`the Home tab as a dashboard (${dialect})`, () => {
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
  });
  afterEach(async () => {
    for (const app of running) await app.stop();
    await fake.close();
    await db.drop();
  });

  const start = async (): Promise<TestApp> => {
    const app = await startTestApp({ db, fake, clock, env: { DIGEST_TIMEZONE: 'Europe/Paris' } });
    running.push(app);
    return app;
  };
  const stop = async (app: TestApp) => {
    running = running.filter((a) => a !== app);
    await app.stop();
  };

  let cardSeq = 0;
  /** An item stored with its card posted, its voters and the customers behind it. */
  const storeItem = async (o: {
    text: string;
    author: string;
    ageMs: number;
    status?: 'new' | 'acknowledged' | 'planned' | 'shipped';
    kind?: 'feedback' | 'flag';
    voters?: string[];
    /** The customer and revenue it was filed with. */
    customer?: string;
    revenue?: number;
    customers?: Array<{ account: string; revenue: number | null }>;
  }) => {
    const at = new Date(Date.parse(NOW) - o.ageMs);
    const { item } = await createItem(
      db.db,
      {
        team_id: TEAM,
        kind: o.kind ?? 'feedback',
        text: o.text,
        author_id: o.author,
        card_channel_id: CHANNEL,
        customer: o.customer ?? null,
        revenue: o.revenue ?? null,
      },
      at,
    );
    const ts = `${1_790_000_000 + ++cardSeq}.000100`;
    await markCardPosted(db.db, item.id, ts, at);
    if (o.status) await db.db.updateTable('items').set({ status: o.status }).where('id', '=', item.id).execute();
    for (const [n, voter] of (o.voters ?? []).entries()) {
      await applyReaction(db.db, {
        teamId: TEAM,
        itemId: item.id,
        userId: voter,
        reaction: '+1',
        added: true,
        eventTs: `${1_790_000_000 + cardSeq}.${String(n).padStart(6, '0')}`,
        at: new Date(Date.parse(NOW) - HOUR),
      });
    }
    for (const c of o.customers ?? []) {
      await db.db
        .insertInto('item_customers')
        .values({
          team_id: TEAM,
          item_id: item.id,
          account_key: c.account.toLowerCase(),
          account: c.account,
          revenue: c.revenue,
          note: null,
          added_by: o.author,
          created_at: at.toISOString(),
        })
        .execute();
    }
    return { id: item.id, ts };
  };

  /** A week of the field: what the marketer and the salesperson below see. */
  const seed = async () => ({
    offline: await storeItem({
      text: 'Retail chains need offline mode',
      author: 'U0SALES1',
      ageMs: 3 * DAY,
      voters: ['U0MKT2', 'U0SALES2', 'U0SALES3'],
      customers: [
        { account: 'Fnac', revenue: 40_000 },
        { account: 'Darty', revenue: 10_000 },
      ],
    }),
    pricing: await storeItem({
      text: 'Pricing page hides the SMB tier',
      author: 'U0SALES1',
      ageMs: 2 * DAY,
      kind: 'flag',
      voters: ['U0MKT2'],
    }),
    sso: await storeItem({ text: 'SSO on the starter plan', author: 'U0SALES2', ageMs: 20 * DAY, voters: ['U0SALES1'], status: 'planned' }),
    oldest: await storeItem({ text: 'Multi-currency invoices', author: 'U0SALES2', ageMs: 30 * DAY }),
    shipped: await storeItem({ text: 'Salesforce sync', author: 'U0SALES1', ageMs: 40 * DAY, status: 'shipped' }),
  });

  const openHome = async (app: TestApp, userId: string): Promise<SlackCall> => {
    fake.reset();
    const res = await sendEvent(
      app.url,
      { type: 'app_home_opened', user: userId, channel: 'D0HOME', tab: 'home', event_ts: `${Date.now() / 1000}` },
      opts,
    );
    expect(res.status).toBe(200);
    const published = await fake.waitFor('views.publish', (c) => c.args.user_id === userId);
    await app.drain();
    return published;
  };

  describe('app_home_opened', () => {
    it('publishes the dashboard for a marketer: what waits first, oldest first with how long, then their items, the top of the week, their side', async () => {
      await seed();
      await setMemberSide(db.db, TEAM, 'U0MKT1', 'marketing', new Date(NOW));
      fake.setUser('U0SALES2', { name: 'Alex Closer' });
      fake.setUser('U0SALES1', { name: 'Sam Seller' });
      const app = await start();
      const home = await openHome(app, 'U0MKT1');
      expect(home.args.view.type).toBe('home');
      const blocks = blocksOf(home);
      expect(blocks.length).toBeLessThanOrEqual(100);
      expect(headers(blocks)).toEqual([en.home.title, en.home.waitingTitle(3), en.home.yourItems, en.home.topTitle]);
      const lines = sections(blocks);
      const waiting = lines.filter((l) => l.includes('_Waiting '));
      expect(waiting).toEqual([
        en.home.waitingLine('Multi-currency invoices', 'a month', 'from Alex Closer · 0 votes'),
        en.home.waitingLine('Retail chains need offline mode', '3 days', 'from Sam Seller · 3 votes · 2 customers · $50,000 at stake'),
        en.home.waitingLine('Pricing page hides the SMB tier', '2 days', 'from Sam Seller · 1 vote'),
      ]);
      expect(JSON.stringify(blocks)).not.toContain('<@');
      // The week's top open items, ranked by votes, customers and revenue at stake; what shipped is not open.
      expect(lines.filter((l) => /^\d\. /.test(l))).toEqual([
        en.home.topLine(1, 'Retail chains need offline mode', en.status.new, '3 votes · 2 customers · $50,000 at stake'),
        en.home.topLine(2, 'Pricing page hides the SMB tier', en.status.new, '1 vote'),
        en.home.topLine(3, 'SSO on the starter plan', en.status.planned, '1 vote'),
      ]);
      expect(JSON.stringify(blocks)).toContain(en.home.none);
      expect(picker(blocks)?.find((b) => b.primary)).toEqual({
        id: `${ACTIONS.setSide}_marketing`,
        value: 'marketing',
        text: '✓ Marketing',
        primary: true,
      });
      expect(muteButton(blocks)).toMatchObject({ value: 'mute' });
      expect(JSON.stringify(blocks)).toContain(en.home.nextDigest('Monday 30 November, 09:00'));
      // Links from the workspace URL (one auth.test), not one chat.getPermalink per card.
      const oldest = blocks.find((b) => b.text?.text.startsWith('Multi-currency invoices'))!;
      expect(oldest.accessory?.url).toMatch(/^https:\/\/acme\.slack\.com\/archives\/C0TERRAIN\/p\d+$/);
      expect(fake.callsTo('chat.getPermalink')).toHaveLength(0);
      expect(fake.callsTo('auth.test')).toHaveLength(1);
    });

    it('publishes the dashboard for a salesperson: their items with date, status, votes and customers; no list of what waits', async () => {
      const items = await seed();
      await setMemberSide(db.db, TEAM, 'U0SALES1', 'sales', new Date(NOW));
      const app = await start();
      const blocks = blocksOf(await openHome(app, 'U0SALES1'));
      expect(blocks.length).toBeLessThanOrEqual(100);
      expect(headers(blocks)).toEqual([en.home.title, en.home.yourItems, en.home.topTitle]);
      // Newest filed first, each with its date on the reader's clock; customers where there are some.
      expect(sections(blocks).filter((l) => /^(Feedback|Flag) · /.test(l))).toEqual([
        en.home.itemLine(en.kind.feedback, 'Salesforce sync', en.status.shipped, 0, '14 Oct'),
        en.home.itemLine(en.kind.flag, 'Pricing page hides the SMB tier', en.status.new, 1, '21 Nov'),
        en.home.itemLine(en.kind.feedback, 'Retail chains need offline mode', en.status.new, 3, '20 Nov', 2),
      ]);
      const offline = blocks.find((b) => b.text?.text.startsWith('Feedback · Retail chains need offline mode'))!;
      expect(offline.accessory).toMatchObject({ action_id: `${ACTIONS.openCard}_${items.offline.id}`, url: cardLink(items.offline.ts) });
      expect(JSON.stringify(blocks)).not.toContain(en.home.waitingTitle(3));
      expect(picker(blocks)?.find((b) => b.primary)?.value).toBe('sales');
    });

    it('ranks a customer-backed item above a slightly more voted one (rankScore), and counts the item’s own customer once', async () => {
      const voted = await storeItem({
        text: 'Bulk export to CSV',
        author: 'U0SALES2',
        ageMs: 2 * DAY,
        voters: ['U0V1', 'U0V2', 'U0V3', 'U0V4', 'U0V5'],
      });
      // Filed with its customer, Globex; a colleague adds Globex again (with another figure) and Initech.
      const backed = await storeItem({
        text: 'Approval workflow for large orders',
        author: 'U0SALES1',
        ageMs: 3 * DAY,
        voters: ['U0V1', 'U0V2', 'U0V3', 'U0V4'],
        customer: 'Globex',
        revenue: 20_000,
        customers: [
          { account: 'globex', revenue: 80_000 },
          { account: 'Initech', revenue: null },
        ],
      });
      await setMemberSide(db.db, TEAM, 'U0SALES1', 'sales', new Date(NOW));
      const app = await start();
      const blocks = blocksOf(await openHome(app, 'U0SALES1'));
      // 4 votes + 2 customers + $20,000 at stake outscores 5 votes: Globex counts once, with its first figure.
      expect(sections(blocks).filter((l) => /^\d\. /.test(l))).toEqual([
        en.home.topLine(1, 'Approval workflow for large orders', en.status.new, '4 votes · 2 customers · $20,000 at stake'),
        en.home.topLine(2, 'Bulk export to CSV', en.status.new, '5 votes'),
      ]);
      // Their own item, with its customers counted the same way (not 3: Globex is its own customer).
      expect(sections(blocks).filter((l) => l.startsWith('Feedback · '))).toEqual([
        en.home.itemLine(en.kind.feedback, 'Approval workflow for large orders', en.status.new, 4, '20 Nov', 2),
      ]);
      expect(blocks.find((b) => b.text?.text.startsWith('1. '))?.accessory?.url).toBe(cardLink(backed.ts));
      expect(blocks.find((b) => b.text?.text.startsWith('2. '))?.accessory?.url).toBe(cardLink(voted.ts));
    });

    it('shows what waits to a Terrain admin on the sales side too, in French', async () => {
      await seed();
      fake.setUser('U0LEAD', { is_admin: true, locale: 'fr-FR' });
      const app = await start();
      const blocks = blocksOf(await openHome(app, 'U0LEAD'));
      expect(headers(blocks)).toEqual([fr.home.title, fr.home.waitingTitle(3), fr.home.yourItems, fr.home.topTitle]);
      expect(sections(blocks)).toContain(fr.home.sideUnknown);
      expect(JSON.stringify(blocks)).toContain(JSON.stringify(fr.home.nextDigest('lundi 30 novembre, 09:00')).slice(1, -1));
    });
  });

  describe('one-click side and mute on the Home tab', () => {
    it('a side button stores the side, then the Home tab is published again through the outbox with it marked', async () => {
      const app = await start();
      const res = await sendInteraction(
        app.url,
        homeClick('U0NEW', `${ACTIONS.setSide}_marketing`, 'marketing', '1790000300.000001'),
        opts,
      );
      expect(res.status).toBe(200);
      const member = await db.db.selectFrom('members').selectAll().where('user_id', '=', 'U0NEW').executeTakeFirstOrThrow();
      expect(member.side).toBe('marketing');
      await app.drain();
      const published = fake.callsTo('views.publish');
      expect(published).toHaveLength(1);
      expect(published[0]!.args.user_id).toBe('U0NEW');
      expect(picker(blocksOf(published[0]!))?.find((b) => b.primary)?.value).toBe('marketing');
      // A marketer now: what waits comes first.
      expect(headers(blocksOf(published[0]!))[1]).toBe(en.home.waitingTitle(0));
      expect((await outboxRows(db.db)).map((m) => [m.kind, m.key, m.state])).toEqual([['home', 'home:U0NEW:1790000300.000001', 'sent']]);

      // Slack delivers the same click again: nothing more is queued or published.
      await sendInteraction(app.url, homeClick('U0NEW', `${ACTIONS.setSide}_marketing`, 'marketing', '1790000300.000001'), opts);
      await app.drain();
      expect(fake.callsTo('views.publish')).toHaveLength(1);

      // Another side, another click.
      await sendInteraction(app.url, homeClick('U0NEW', `${ACTIONS.setSide}_sales`, 'sales', '1790000300.000002'), opts);
      await app.drain();
      expect((await db.db.selectFrom('members').select('side').where('user_id', '=', 'U0NEW').executeTakeFirstOrThrow()).side).toBe(
        'sales',
      );
      expect(picker(blocksOf(fake.callsTo('views.publish')[1]!))?.find((b) => b.primary)?.value).toBe('sales');
    });

    it('a forged side changes nothing', async () => {
      const app = await start();
      const res = await sendInteraction(app.url, homeClick('U0NEW', `${ACTIONS.setSide}_boss`, 'boss', '1790000300.000003'), opts);
      expect(res.status).toBe(200);
      await app.drain();
      expect(await db.db.selectFrom('members').selectAll().execute()).toEqual([]);
      expect(await outboxRows(db.db)).toEqual([]);
    });

    it('Mute and Unmute store the choice and publish the Home tab again, with the button that undoes it', async () => {
      const app = await start();
      await sendInteraction(app.url, homeClick('U0SALES1', ACTIONS.muteUpdates, 'mute', '1790000400.000001'), opts);
      const muted = await db.db.selectFrom('members').selectAll().where('user_id', '=', 'U0SALES1').executeTakeFirstOrThrow();
      expect(muted.updates_muted).toBe(1);
      await app.drain();
      const first = blocksOf(fake.callsTo('views.publish')[0]!);
      expect(sections(first)).toContain(en.home.updatesMuted);
      expect(muteButton(first)).toMatchObject({ value: 'unmute', text: { text: en.home.unmute } });

      await sendInteraction(app.url, homeClick('U0SALES1', ACTIONS.muteUpdates, 'unmute', '1790000400.000002'), opts);
      expect(
        (await db.db.selectFrom('members').select('updates_muted').where('user_id', '=', 'U0SALES1').executeTakeFirstOrThrow())
          .updates_muted,
      ).toBe(0);
      await app.drain();
      const second = blocksOf(fake.callsTo('views.publish')[1]!);
      expect(muteButton(second)).toMatchObject({ value: 'mute', text: { text: en.home.mute } });
      expect(fake.callsTo('views.publish')).toHaveLength(2);
    });

    it('Mute clicked in a message answers privately with an Unmute button (no Home tab published)', async () => {
      const app = await start();
      const url = fake.responseUrl('mute');
      await sendInteraction(app.url, messageClick('U0SALES1', ACTIONS.muteUpdates, 'mute', '1790000500.000001', url), opts);
      const reply = await fake.waitFor('response_url', (c) => c.args._id === 'mute');
      await app.drain();
      expect(reply.args.text).toBe(en.loop.muted);
      expect(JSON.stringify(reply.args.blocks)).toContain(`"action_id":"${ACTIONS.muteUpdates}","value":"unmute"`);
      expect(fake.callsTo('views.publish')).toHaveLength(0);
      expect(
        (await db.db.selectFrom('members').select('updates_muted').where('user_id', '=', 'U0SALES1').executeTakeFirstOrThrow())
          .updates_muted,
      ).toBe(1);
    });

    it('the Home tab queued with a side survives Slack failing and the process dying: a second process publishes it once', async () => {
      // Slack answers views.publish with 500 while the first process runs: the publish stays queued.
      fake.on('views.publish', () => ({ status: 500, body: { ok: false, error: 'internal_error' } }));
      const first = await start();
      await sendInteraction(first.url, homeClick('U0NEW', `${ACTIONS.setSide}_other`, 'other', '1790000600.000001'), opts);
      await first.drain();
      expect(fake.callsTo('views.publish')).toHaveLength(1);
      expect((await outboxRows(db.db)).map((m) => [m.kind, m.state])).toEqual([['home', 'pending']]);
      await stop(first);

      fake.on('views.publish', () => undefined);
      fake.reset();
      clock.advance(10 * 60_000);
      const second = await start();
      await second.drain();
      expect(fake.callsTo('views.publish')).toHaveLength(1);
      expect(picker(blocksOf(fake.callsTo('views.publish')[0]!))?.find((b) => b.primary)?.value).toBe('other');
      expect((await outboxRows(db.db)).map((m) => [m.kind, m.state])).toEqual([['home', 'sent']]);
    });

    it(`a side clicked while ${OUTAGE} is not pretended: the person is told privately, and the next click works`, async () => {
      const app = await start();
      const outage = await startOutage(db);
      let res: Awaited<ReturnType<typeof sendInteraction>>;
      try {
        res = await sendInteraction(app.url, homeClick('U0NEW', `${ACTIONS.setSide}_sales`, 'sales', '1790000650.000001'), opts);
      } finally {
        await outage.end();
      }
      expect(res.status).toBeLessThan(500);
      const told = await fake.waitFor('chat.postMessage', (c) => c.args.channel === 'U0NEW');
      expect(told.args.text).toBe(en.failure.notSavedNoText);
      await app.drain();
      expect(await db.db.selectFrom('members').selectAll().execute()).toEqual([]);
      expect(fake.callsTo('views.publish')).toHaveLength(0);

      await sendInteraction(app.url, homeClick('U0NEW', `${ACTIONS.setSide}_sales`, 'sales', '1790000650.000002'), opts);
      await app.drain();
      expect((await db.db.selectFrom('members').select('side').where('user_id', '=', 'U0NEW').executeTakeFirstOrThrow()).side).toBe(
        'sales',
      );
      expect(fake.callsTo('views.publish')).toHaveLength(1);
    });

    it('a 429 on views.publish is waited out by the outbox: the Home tab is published once', async () => {
      fake.rateLimit('views.publish', 1, 1);
      const app = await start();
      await sendInteraction(app.url, homeClick('U0NEW', `${ACTIONS.setSide}_sales`, 'sales', '1790000700.000001'), opts);
      await app.drain();
      expect(fake.callsTo('views.publish').filter((c) => !c.rateLimited)).toHaveLength(0);
      // Retry-After: 1 s; the outbox sends it again once that second has passed.
      clock.advance(2_000);
      await app.drain();
      const calls = fake.callsTo('views.publish');
      expect(calls.filter((c) => c.rateLimited)).toHaveLength(1);
      expect(calls.filter((c) => !c.rateLimited)).toHaveLength(1);
      expect((await outboxRows(db.db)).map((m) => m.state)).toEqual(['sent']);
    });
  });

  describe('the filing confirmation', () => {
    /** Files quick text; the confirmation is what the acknowledgement carries. */
    const file = async (app: TestApp, userId: string, text: string, id: string): Promise<{ args: { text: string; blocks: Block[] } }> => {
      const res = await sendCommand(app.url, { command: '/feedback', text, user_id: userId, response_url: fake.responseUrl(id) }, opts);
      expect(res.json.response_type).toBe('ephemeral');
      await app.drain();
      return { args: res.json };
    };

    it('asks someone whose side is unknown with one-click buttons; a click stores it and answers privately with a way to change it', async () => {
      const app = await start();
      const confirmation = await file(app, 'U0SALES9', 'Buyers want SSO', 'filed-1');
      const buttons = picker(confirmation.args.blocks as Block[]);
      expect(buttons?.map((b) => [b.id, b.value, b.primary])).toEqual([
        [`${ACTIONS.setSide}_sales`, 'sales', false],
        [`${ACTIONS.setSide}_marketing`, 'marketing', false],
        [`${ACTIONS.setSide}_other`, 'other', false],
      ]);
      expect(JSON.stringify(confirmation.args.blocks)).toContain(en.filed.sideTip);
      expect(JSON.stringify(confirmation.args.blocks)).not.toContain('/terrain team');

      await sendInteraction(
        app.url,
        messageClick('U0SALES9', `${ACTIONS.setSide}_sales`, 'sales', '1790000800.000001', fake.responseUrl('side')),
        opts,
      );
      expect((await db.db.selectFrom('members').select('side').where('user_id', '=', 'U0SALES9').executeTakeFirstOrThrow()).side).toBe(
        'sales',
      );
      const answer = await fake.waitFor('response_url', (c) => c.args._id === 'side');
      await app.drain();
      expect(answer.args.response_type).toBe('ephemeral');
      expect(answer.args.text).toBe(en.terrain.teamDone(en.side.sales));
      expect(picker(answer.args.blocks as Block[])?.find((b) => b.primary)?.value).toBe('sales');
      expect(JSON.stringify(answer.args.blocks)).toContain(en.sides.change);

      // The next filing does not ask again.
      const next = await file(app, 'U0SALES9', 'Renewals need a usage report', 'filed-2');
      expect(picker((next.args.blocks as Block[]) ?? [])).toBeUndefined();
      expect(next.args.blocks).toHaveLength(1);
    });

    it('does not ask someone whose side is known', async () => {
      const app = await start();
      await setMemberSide(db.db, TEAM, 'U0MKT1', 'marketing', new Date(NOW));
      const confirmation = await file(app, 'U0MKT1', 'Campaign assets miss the retail angle', 'filed-3');
      expect(picker(confirmation.args.blocks as Block[])).toBeUndefined();
    });
  });
});
