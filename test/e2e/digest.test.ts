import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createItem, markCardPosted } from '../../db/items.js';
import { applyReaction } from '../../db/votes.js';
import { saveWorkspaceSettings } from '../../db/workspaces.js';
import type { Clock } from '../../src/clock.js';
import { messages } from '../../src/i18n/index.js';
import { FIELD_ACTION, SETTINGS_FIELDS, VIEWS } from '../../src/ids.js';
import { CHANNEL, SIGNING_SECRET, startTestApp, TEAM, type TestApp } from '../support/app.js';
import { runCliCaptured } from '../support/cli.js';
import { manualClock } from '../support/clock.js';
import { createTestDatabase, describeDb, dialect, type TestDatabase } from '../support/database.js';
import { type FakeSlack, type SlackCall, startFakeSlack } from '../support/fake-slack.js';
import { reactionEvent, sendCommand, sendEvent, sendInteraction } from '../support/slack-requests.js';

const opts = { secret: SIGNING_SECRET };
const en = messages('en');
const fr = messages('fr');

/** Wednesday of ISO week 47, 2026. */
const MIDWEEK = '2026-11-18T10:00:00.000Z';
/** The fire time that closes week 47: Monday 23 November 2026, 09:00 in Paris (CET, UTC+1). */
const FIRE = '2026-11-23T08:00:00.000Z';
/** The fire time before it: Monday 16 November, 09:00 in Paris. */
const PREVIOUS_FIRE = '2026-11-16T08:00:00.000Z';
const NEXT_FIRE = '2026-11-30T08:00:00.000Z';
/** Terrain was set up in the workspace well before those weeks. */
const SETUP = new Date('2026-11-01T00:00:00Z');
const PARIS = { DIGEST_TIMEZONE: 'Europe/Paris' };
const MINUTE = 60_000;

interface Block {
  type: string;
  block_id?: string;
  text?: { type: string; text: string };
  elements?: Array<{ type: string; text?: string }>;
}

const blocksOf = (call: SlackCall): Block[] => call.args.blocks as Block[];
const sectionTexts = (blocks: Block[]): string[] => blocks.filter((b) => b.type === 'section').map((b) => b.text!.text);
const headerText = (blocks: Block[]): string | undefined => blocks.find((b) => b.type === 'header')?.text?.text;
const contextTexts = (blocks: Block[]): string[] =>
  blocks.filter((b) => b.type === 'context').flatMap((b) => b.elements!.map((e) => e.text ?? ''));
const runKeyOf = (call: SlackCall): string => call.args.metadata.event_payload.run_key;
const tsOf = (call: SlackCall): string => (call.response as { ts: string }).ts;
const cardLink = (ts: string) => `https://acme.slack.com/archives/${CHANNEL}/p${ts.replace('.', '')}`;

/** Slack's limits: 50 blocks a message, 3,000 characters a section or context text, 150 in a header. */
function expectWithinSlackLimits(blocks: Block[]): void {
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const b of blocks) {
    if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(3000);
    if (b.type === 'header') expect(b.text!.text.length).toBeLessThanOrEqual(150);
    if (b.type === 'context') {
      expect(b.elements!.length).toBeLessThanOrEqual(10);
      for (const e of b.elements!) expect(e.text!.length).toBeLessThanOrEqual(3000);
    }
  }
}

/** The settings modal's answers, as Slack sends them back in view.state.values. */
function settingsValues(a: { day: string; time: string; timezone: string; cron: string | null; language: string }) {
  const select = (value: string) => ({
    [FIELD_ACTION]: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: value }, value } },
  });
  return {
    [SETTINGS_FIELDS.day]: select(a.day),
    [SETTINGS_FIELDS.time]: { [FIELD_ACTION]: { type: 'timepicker', selected_time: a.time } },
    [SETTINGS_FIELDS.timezone]: { [FIELD_ACTION]: { type: 'plain_text_input', value: a.timezone } },
    [SETTINGS_FIELDS.cron]: { [FIELD_ACTION]: { type: 'plain_text_input', value: a.cron } },
    [SETTINGS_FIELDS.language]: select(a.language),
  };
}

function viewSubmission(opened: SlackCall, values: Record<string, unknown>, userId = 'U0LEAD'): Record<string, unknown> {
  const view = opened.args.view as { callback_id: string; private_metadata?: string };
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'acme' },
    user: { id: userId, username: 'lead', name: 'lead', team_id: TEAM },
    api_app_id: 'A0001',
    token: 'verification-token',
    trigger_id: '222.333.settings',
    view: {
      id: 'VSETTINGS',
      team_id: TEAM,
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata ?? '',
      hash: '1700000000.abcdef',
      state: { values },
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

describeDb(`the weekly digest (${dialect})`, () => {
  let db: TestDatabase;
  let fake: FakeSlack;
  let running: TestApp[] = [];

  beforeEach(async () => {
    db = await createTestDatabase();
    fake = await startFakeSlack();
    running = [];
  });
  afterEach(async () => {
    for (const app of running) await app.stop();
    await fake.close();
    await db.drop();
  });

  const start = async (o: { clock: Clock; env?: Record<string, string>; instanceId?: string }): Promise<TestApp> => {
    const app = await startTestApp({
      db,
      fake,
      clock: o.clock,
      env: { ...PARIS, ...o.env },
      ...(o.instanceId ? { instanceId: o.instanceId } : {}),
    });
    running.push(app);
    return app;
  };
  const stop = async (app: TestApp) => {
    running = running.filter((a) => a !== app);
    await app.stop();
  };
  const setUp = (at: Date = SETUP, settings: Parameters<typeof saveWorkspaceSettings>[2] = {}) =>
    saveWorkspaceSettings(db.db, TEAM, settings, at);

  /** Successful digest posts (not 429s, not thread replies, not cards). */
  const digestPosts = () =>
    fake.callsTo('chat.postMessage').filter((c) => !c.rateLimited && c.status === 200 && c.args.metadata?.event_type === 'terrain_digest');
  const repliesTo = (ts: string) => fake.callsTo('chat.postMessage').filter((c) => !c.rateLimited && c.args.thread_ts === ts);
  const channelPosts = () => fake.callsTo('chat.postMessage').filter((c) => !c.rateLimited && c.args.channel === CHANNEL);
  const jobRuns = () => db.db.selectFrom('job_runs').selectAll().orderBy('run_key').execute();

  /** Files an item with `/feedback` or `/flag`, waits for its card; returns the card's ts. */
  const file = async (app: TestApp, command: '/feedback' | '/flag', text: string, userId: string, shown: string): Promise<string> => {
    const res = await sendCommand(app.url, { command, text, user_id: userId, response_url: fake.responseUrl() }, opts);
    expect(res.status).toBe(200);
    const card = await fake.waitFor(
      'chat.postMessage',
      (c) =>
        c.args.channel === CHANNEL && c.args.metadata?.event_type === 'terrain_item_card' && JSON.stringify(c.args.blocks).includes(shown),
    );
    await app.drain();
    return tsOf(card);
  };

  const base = Math.floor(Date.now() / 1000);
  let seq = 0;
  const vote = async (app: TestApp, userId: string, ts: string, kind: 'reaction_added' | 'reaction_removed' = 'reaction_added') => {
    const eventTs = `${base}.${String(++seq).padStart(6, '0')}`;
    const res = await sendEvent(app.url, reactionEvent(kind, { user: userId, reaction: '+1', channel: CHANNEL, ts, eventTs }), opts);
    expect(res.status).toBe(200);
  };

  /**
   * A week of the field in Terrain (week 47): two feedbacks and a flag, and four votes. The feedback
   * filed first gets one vote, the one filed second three: the ranking, not the filing order, puts it first.
   */
  const fileTheWeek = async (app: TestApp) => {
    const rival = await file(
      app,
      '/feedback',
      'competitor: Rival is cheaper on small deals',
      'U0SALES2',
      'Rival is cheaper on small deals',
    );
    const offline = await file(app, '/feedback', 'need: Offline mode for retail stores', 'U0SALES1', 'Offline mode for retail stores');
    const flag = await file(app, '/flag', 'The pricing page hides the SMB tier', 'U0SALES1', 'The pricing page hides the SMB tier');
    await vote(app, 'U0MKT1', rival);
    await vote(app, 'U0MKT1', offline);
    await vote(app, 'U0MKT2', offline);
    await vote(app, 'U0SALES2', offline);
    // Added and taken back within the week: not a vote.
    await vote(app, 'U0MKT3', rival);
    await vote(app, 'U0MKT3', rival, 'reaction_removed');
    return { rival, offline, flag };
  };

  const cliEnv = (extra: Record<string, string> = {}) => ({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    DATABASE_URL: db.url,
    TERRAIN_CHANNEL: CHANNEL,
    ...PARIS,
    ...extra,
  });
  const cli = (argv: string[], clock: Clock) => runCliCaptured(argv, cliEnv(), clock);

  /** An item stored straight in the database, with its card already posted (so it has a link). */
  let cardSeq = 0;
  const storeItem = async (o: { at: Date; text: string; kind?: 'feedback' | 'flag'; author?: string; competitor?: string | null }) => {
    const { item } = await createItem(
      db.db,
      {
        team_id: TEAM,
        kind: o.kind ?? 'feedback',
        text: o.text,
        author_id: o.author ?? 'U0SALES1',
        competitor: o.competitor ?? null,
        card_channel_id: CHANNEL,
      },
      o.at,
    );
    const ts = `${1_790_000_000 + ++cardSeq}.000100`;
    await markCardPosted(db.db, item.id, ts, o.at);
    return { id: item.id, ts };
  };

  describe('content', () => {
    it('ranks the most-voted item first with a link to its card, lists the new flag, counts the week and names the voices', async () => {
      const clock = manualClock(MIDWEEK);
      await setUp();
      const app = await start({ clock });
      const cards = await fileTheWeek(app);

      clock.set(FIRE);
      fake.reset();
      await app.scheduler.tick();

      const posts = digestPosts();
      expect(posts).toHaveLength(1);
      const post = posts[0]!;
      expect(post.args.channel).toBe(CHANNEL);
      expect(runKeyOf(post)).toBe(FIRE);
      expect(post.args.metadata.event_payload.team_id).toBe(TEAM);
      // Nothing else went to Slack as a message: no thread for a week this short, no card.
      expect(fake.callsTo('chat.postMessage')).toHaveLength(1);

      const blocks = blocksOf(post);
      expectWithinSlackLimits(blocks);
      expect(headerText(blocks)).toBe(en.digest.title(47, 2026));
      expect(contextTexts(blocks)).toContain(en.digest.range('16 Nov', '23 Nov 2026'));
      const sections = sectionTexts(blocks);

      const numbers = sections.find((s) => s.includes(en.digest.numbers(2, 1, 4)));
      expect(numbers, JSON.stringify(sections)).toBeDefined();

      const top = sections.find((s) => s.startsWith(en.digest.topTitle));
      expect(top, JSON.stringify(sections)).toBeDefined();
      expect(top!.split('\n')).toEqual([
        en.digest.topTitle,
        en.digest.topLine(1, `<${cardLink(cards.offline)}|Offline mode for retail stores>`, en.digest.thisWeek(3), 3, null),
        en.digest.topLine(2, `<${cardLink(cards.rival)}|Rival is cheaper on small deals>`, en.digest.thisWeek(1), 1, null),
      ]);

      const flags = sections.find((s) => s.startsWith(en.digest.flagsTitle));
      expect(flags?.split('\n')).toEqual([
        en.digest.flagsTitle,
        en.digest.flagLine(`<${cardLink(cards.flag)}|The pricing page hides the SMB tier>`, 'user_u0sales1'),
      ]);

      const voices = sections.find((s) => s.startsWith(en.digest.voicesTitle));
      expect(voices).toBe(
        `${en.digest.voicesTitle}\n${[
          en.digest.voiceLine('user_u0sales1', 2, 0),
          en.digest.voiceLine('user_u0sales2', 1, 1),
          en.digest.voiceLine('user_u0mkt1', 0, 2),
        ].join(' · ')}`,
      );
      expect(post.args.text).toBe(en.digest.fallback(47, 2, 1, 4));
    });

    it.each([
      ['TERRAIN_LOCALE=fr', { TERRAIN_LOCALE: 'fr' }, null],
      ["the workspace's locale 'fr'", {}, 'fr'],
    ] as const)('is written in French with %s', async (_label, env, locale) => {
      const clock = manualClock(MIDWEEK);
      await setUp(SETUP, locale ? { locale } : {});
      const app = await start({ clock, env });
      const cards = await fileTheWeek(app);

      clock.set(FIRE);
      fake.reset();
      await app.scheduler.tick();

      const posts = digestPosts();
      expect(posts).toHaveLength(1);
      const blocks = blocksOf(posts[0]!);
      expect(headerText(blocks)).toBe(fr.digest.title(47, 2026));
      const sections = sectionTexts(blocks);
      expect(sections.some((s) => s.includes(fr.digest.numbers(2, 1, 4)))).toBe(true);
      const top = sections.find((s) => s.startsWith(fr.digest.topTitle));
      expect(top?.split('\n')[1]).toBe(
        fr.digest.topLine(1, `<${cardLink(cards.offline)}|Offline mode for retail stores>`, fr.digest.thisWeek(3), 3, null),
      );
      expect(sections.some((s) => s.startsWith(fr.digest.flagsTitle))).toBe(true);
      expect(sections.some((s) => s.startsWith(fr.digest.voicesTitle))).toBe(true);
      expect(JSON.stringify(blocks)).not.toContain(en.digest.topTitle);
      expect(posts[0]!.args.text).toBe(fr.digest.fallback(47, 2, 1, 4));
    });

    it('a quiet week is still posted: one friendly line under the header and the range', async () => {
      const clock = manualClock(FIRE);
      await setUp();
      const app = await start({ clock });
      await app.scheduler.tick();

      const posts = digestPosts();
      expect(posts).toHaveLength(1);
      const blocks = blocksOf(posts[0]!);
      expect(blocks.map((b) => b.type)).toEqual(['header', 'context', 'section']);
      expect(headerText(blocks)).toBe(en.digest.title(47, 2026));
      expect(contextTexts(blocks)).toEqual([en.digest.range('16 Nov', '23 Nov 2026')]);
      expect(sectionTexts(blocks)).toEqual([en.digest.quiet]);
      expect(repliesTo(tsOf(posts[0]!))).toHaveLength(0);
    });
  });

  describe('exactly once', () => {
    it('a second tick at the same fire time (or a minute later) posts nothing', async () => {
      const clock = manualClock(FIRE);
      await setUp();
      const app = await start({ clock });
      await app.scheduler.tick();
      await app.scheduler.tick();
      clock.advance(MINUTE);
      await app.scheduler.tick();
      expect(digestPosts()).toHaveLength(1);
      expect(fake.messages(CHANNEL).filter((m) => m.metadata?.event_type === 'terrain_digest')).toHaveLength(1);
      const runs = await jobRuns();
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ team_id: TEAM, job: 'digest', channel_id: CHANNEL, run_key: FIRE, state: 'done' });
      expect(runs[0]!.message_ts).toBe(tsOf(digestPosts()[0]!));
    });

    it('a second `digest --post` posts nothing and says it was already posted; both exit 0', async () => {
      const clock = manualClock(MIDWEEK);
      await setUp();
      await storeItem({ at: new Date('2026-11-17T09:00:00Z'), text: 'Customers ask for SSO on the starter plan' });

      const first = await cli(['digest', '--post'], clock);
      expect(first.code, first.err).toBe(0);
      expect(first.out).toMatch(/^Posted the digest in C0TERRAIN \(ts \d+\.\d+\)/);
      expect(digestPosts()).toHaveLength(1);
      const ts = tsOf(digestPosts()[0]!);
      expect(first.out).toContain(ts);

      clock.advance(5 * MINUTE);
      const second = await cli(['digest', '--post'], clock);
      expect(second.code, second.err).toBe(0);
      expect(second.out).toMatch(/Already posted/);
      expect(second.out).toContain(ts);
      expect(second.out).toMatch(/nothing posted/);
      expect(digestPosts()).toHaveLength(1);
    });

    it('`digest --post` mid-week is keyed by the next fire time: the scheduled run at that time finds it posted and skips', async () => {
      const clock = manualClock(MIDWEEK);
      await setUp();
      await storeItem({ at: new Date('2026-11-17T09:00:00Z'), text: 'Customers ask for SSO on the starter plan', kind: 'flag' });

      const posted = await cli(['digest', '--post'], clock);
      expect(posted.code, posted.err).toBe(0);
      const posts = digestPosts();
      expect(posts).toHaveLength(1);
      expect(runKeyOf(posts[0]!)).toBe(FIRE);
      expect(JSON.stringify(posts[0]!.args.blocks)).toContain('Customers ask for SSO on the starter plan');

      const app = await start({ clock });
      clock.set(FIRE);
      await app.scheduler.tick();
      expect(digestPosts()).toHaveLength(1);
      const runs = await jobRuns();
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ run_key: FIRE, state: 'done', message_ts: tsOf(posts[0]!) });

      // The week after is its own period, posted at its own fire time.
      clock.set(NEXT_FIRE);
      await app.scheduler.tick();
      expect(digestPosts().map(runKeyOf)).toEqual([FIRE, NEXT_FIRE]);
    });

    it('`digest --preview` prints the digest text and posts nothing', async () => {
      const clock = manualClock(MIDWEEK);
      await setUp();
      const app = await start({ clock });
      await fileTheWeek(app);
      fake.reset();

      const preview = await cli(['digest', '--preview'], clock);
      expect(preview.code, preview.err).toBe(0);
      expect(preview.out).toContain(en.digest.title(47, 2026));
      expect(preview.out).toContain(en.digest.numbers(2, 1, 4));
      expect(preview.out).toContain('Offline mode for retail stores');
      expect(preview.out).toContain('The pricing page hides the SMB tier');
      // Most voted first.
      expect(preview.out.indexOf('Offline mode for retail stores')).toBeLessThan(preview.out.indexOf('Rival is cheaper on small deals'));
      expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
      expect(await jobRuns()).toHaveLength(0);

      // And the scheduled run still posts it.
      clock.set(FIRE);
      await app.scheduler.tick();
      expect(digestPosts()).toHaveLength(1);
    });

    it('two schedulers (two replicas) on one database firing together post the digest once', async () => {
      const clock = manualClock(MIDWEEK);
      await setUp();
      const a = await start({ clock });
      const b = await start({ clock });
      await fileTheWeek(a);
      fake.reset();

      clock.set(FIRE);
      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      expect(digestPosts()).toHaveLength(1);
      expect(digestPosts()[0]!.args.channel).toBe(CHANNEL);
      const runs = await jobRuns();
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ run_key: FIRE, state: 'done' });
      expect([a.deps.instanceId, b.deps.instanceId]).toContain(runs[0]!.claimed_by);

      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      expect(digestPosts()).toHaveLength(1);
    });
  });

  describe('crash recovery', () => {
    /** A digest message in the channel (from `user`, when given), with the metadata Terrain posts it with. */
    const seedDigest = (ts: string, text: string, payload: { team_id: string; run_key: string }, user?: string) =>
      fake.seedMessage(CHANNEL, {
        ts,
        text,
        ...(user ? { user } : {}),
        metadata: { event_type: 'terrain_digest', event_payload: payload },
      });

    /** A claim on this week's digest by replica terrain-dead, taken at the fire time with a 15-minute lease; nothing posted yet. */
    const storeDeadClaim = () =>
      db.db
        .insertInto('job_runs')
        .values({
          team_id: TEAM,
          job: 'digest',
          channel_id: CHANNEL,
          run_key: FIRE,
          state: 'claimed',
          claimed_by: 'terrain-dead',
          claimed_at: FIRE,
          lease_until: new Date(Date.parse(FIRE) + 15 * MINUTE).toISOString(),
          message_ts: null,
          finished_at: null,
        })
        .execute();

    it('the digest reached the channel but no record was written: a restarted app finds it by its metadata and posts nothing new', async () => {
      // The fake numbers its messages from ts 1700000001 (14 November 2023), and the app looks for its
      // digest among messages since the period began (Slack's ts are real times): this test's week is that one.
      const fire = '2023-11-20T08:00:00.000Z';
      const clock = manualClock(fire);
      await setUp(new Date('2023-11-01T00:00:00Z'));
      const first = await start({ clock, instanceId: 'terrain-1' });
      await first.scheduler.tick();
      expect(digestPosts()).toHaveLength(1);
      const ts = tsOf(digestPosts()[0]!);
      expect(runKeyOf(digestPosts()[0]!)).toBe(fire);

      // The process died between Slack's answer and the database write.
      await stop(first);
      await db.db.deleteFrom('job_runs').execute();

      clock.advance(2 * MINUTE);
      const restarted = await start({ clock, instanceId: 'terrain-1' });
      await restarted.scheduler.tick();
      expect(digestPosts()).toHaveLength(1);
      expect(fake.messages(CHANNEL).filter((m) => m.metadata?.event_type === 'terrain_digest')).toHaveLength(1);
      expect(fake.callsTo('conversations.history').some((c) => String(c.args.include_all_metadata) === 'true')).toBe(true);
      const runs = await jobRuns();
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ run_key: fire, state: 'done', message_ts: ts });

      await restarted.scheduler.tick();
      expect(digestPosts()).toHaveLength(1);
    });

    it('a digest message already in the channel (seeded, with its metadata) is recorded as done, not posted again', async () => {
      const clock = manualClock(new Date(Date.parse(FIRE) + 3 * MINUTE));
      await setUp();
      const seededTs = `${Date.parse(FIRE) / 1000 + 2}.000300`;
      // Decoys: last week's digest, and this week's of another workspace.
      seedDigest(`${Date.parse(PREVIOUS_FIRE) / 1000 + 2}.000300`, 'last week', { team_id: TEAM, run_key: PREVIOUS_FIRE }, 'UBOT');
      seedDigest(`${Date.parse(FIRE) / 1000 + 1}.000300`, 'another workspace', { team_id: 'T0OTHER', run_key: FIRE }, 'UBOT');
      seedDigest(seededTs, 'this week', { team_id: TEAM, run_key: FIRE }, 'UBOT');
      const app = await start({ clock });
      await app.scheduler.tick();
      expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
      const runs = await jobRuns();
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ run_key: FIRE, state: 'done', message_ts: seededTs });
    });

    it("another week's or another workspace's digest in the channel is not taken for this one", async () => {
      const clock = manualClock(FIRE);
      await setUp();
      seedDigest(`${Date.parse(PREVIOUS_FIRE) / 1000 + 2}.000300`, 'last week', { team_id: TEAM, run_key: PREVIOUS_FIRE });
      seedDigest(`${Date.parse(FIRE) / 1000 - 60}.000300`, 'another workspace', { team_id: 'T0OTHER', run_key: FIRE });
      const app = await start({ clock });
      await app.scheduler.tick();
      expect(digestPosts()).toHaveLength(1);
      expect(runKeyOf(digestPosts()[0]!)).toBe(FIRE);
    });

    it('a claim held by a live replica is left alone; once its lease has run out (a dead process) it is taken over and posted once', async () => {
      const clock = manualClock(new Date(Date.parse(FIRE) + MINUTE));
      await setUp();
      await storeDeadClaim();
      const app = await start({ clock });
      await app.scheduler.tick();
      expect(digestPosts()).toHaveLength(0);
      expect((await jobRuns())[0]).toMatchObject({ state: 'claimed', claimed_by: 'terrain-dead' });

      // Twenty minutes on, the lease has run out and still no message in the channel: that process died.
      clock.set(new Date(Date.parse(FIRE) + 20 * MINUTE));
      await app.scheduler.tick();
      expect(digestPosts()).toHaveLength(1);
      expect(runKeyOf(digestPosts()[0]!)).toBe(FIRE);
      const runs = await jobRuns();
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ state: 'done', claimed_by: app.deps.instanceId, message_ts: tsOf(digestPosts()[0]!) });

      await app.scheduler.tick();
      expect(digestPosts()).toHaveLength(1);
    });

    it("a dead process's claim whose message did reach the channel is taken over, found and recorded: not posted again", async () => {
      const clock = manualClock(new Date(Date.parse(FIRE) + 20 * MINUTE));
      await setUp();
      await storeDeadClaim();
      const sentTs = `${Date.parse(FIRE) / 1000 + 1}.000700`;
      seedDigest(sentTs, 'the digest the dead process sent', { team_id: TEAM, run_key: FIRE }, 'UBOT');
      const app = await start({ clock });
      await app.scheduler.tick();
      expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
      expect(await jobRuns()).toEqual([
        expect.objectContaining({ run_key: FIRE, state: 'done', claimed_by: app.deps.instanceId, message_ts: sentTs }),
      ]);
    });
  });

  describe('catch-up', () => {
    it('the bot was down at the fire time: the first tick on Wednesday posts the missed digest once, the next tick nothing', async () => {
      const clock = manualClock('2026-11-25T10:00:00Z');
      await setUp();
      const app = await start({ clock });
      await app.scheduler.tick();
      expect(digestPosts()).toHaveLength(1);
      expect(runKeyOf(digestPosts()[0]!)).toBe(FIRE);
      // It sums up the week that ended at the fire time, not the days since.
      expect(headerText(blocksOf(digestPosts()[0]!))).toBe(en.digest.title(47, 2026));

      await app.scheduler.tick();
      clock.advance(60 * MINUTE);
      await app.scheduler.tick();
      expect(digestPosts()).toHaveLength(1);
    });

    it('a fire time before the workspace was set up is not caught up', async () => {
      const clock = manualClock('2026-11-25T10:00:00Z');
      await setUp(new Date('2026-11-24T00:00:00Z'));
      const app = await start({ clock });
      await app.scheduler.tick();
      expect(digestPosts()).toHaveLength(0);
      expect(await jobRuns()).toHaveLength(0);

      clock.set(NEXT_FIRE);
      await app.scheduler.tick();
      expect(digestPosts().map(runKeyOf)).toEqual([NEXT_FIRE]);
    });

    it('a fire time more than 7 days ago (monthly schedule, clock on the 20th) is not caught up', async () => {
      const clock = manualClock('2026-11-20T10:00:00Z');
      await setUp(new Date('2026-10-01T00:00:00Z'));
      const app = await start({ clock, env: { DIGEST_CRON: '0 9 1 * *' } });
      await app.scheduler.tick();
      expect(digestPosts()).toHaveLength(0);
      expect(await jobRuns()).toHaveLength(0);

      // The next fire time, 1 December 09:00 in Paris, is posted.
      clock.set('2026-12-01T08:00:00Z');
      await app.scheduler.tick();
      expect(digestPosts().map(runKeyOf)).toEqual(['2026-12-01T08:00:00.000Z']);
    });
  });

  it("Slack's 429s are waited out: the digest is still posted exactly once", async () => {
    const clock = manualClock(FIRE);
    await setUp();
    const app = await start({ clock });
    fake.rateLimit('chat.postMessage', 1, 2);
    await app.scheduler.tick();

    const calls = fake.callsTo('chat.postMessage');
    const limited = calls.filter((c) => c.rateLimited);
    expect(limited).toHaveLength(2);
    expect(limited.every((c) => c.args.metadata?.event_type === 'terrain_digest')).toBe(true);
    expect(digestPosts()).toHaveLength(1);
    expect(calls).toHaveLength(3);
    // Retry-After was honoured (1 s, less a little timer slack).
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(900);
    expect(calls[2]!.at - calls[1]!.at).toBeGreaterThanOrEqual(900);
    expect(fake.messages(CHANNEL).filter((m) => m.metadata?.event_type === 'terrain_digest')).toHaveLength(1);
    expect((await jobRuns())[0]).toMatchObject({ state: 'done', message_ts: tsOf(digestPosts()[0]!) });
  });

  // 450 items: listed once each, they still take more than one thread message (50 blocks), so the split is tested.
  it("450 items in a week: the post stays within Slack's limits and the rest goes to its thread, within limits too", async () => {
    const clock = manualClock(FIRE);
    await setUp();
    const items: Array<{ id: number; ts: string }> = [];
    // Text that escaping makes long (every & < > grows), so lists spill over many sections.
    const noisy = (n: number) => `#${n} R&D <asks> & "needs" ${'&<>'.repeat(40)} offline & sync for stores, ${'x'.repeat(60)}`;
    for (let n = 0; n < 450; n++) {
      const at = new Date(Date.parse(PREVIOUS_FIRE) + (n + 1) * 20 * MINUTE);
      items.push(
        await storeItem({ at, text: noisy(n), kind: n % 3 === 0 ? 'flag' : 'feedback', competitor: n % 5 === 0 ? `Rival ${n % 7}` : null }),
      );
    }
    // Votes on a hundred of them, within the week.
    for (let n = 0; n < 100; n++) {
      for (let v = 0; v <= n % 4; v++) {
        await applyReaction(db.db, {
          teamId: TEAM,
          itemId: items[n]!.id,
          userId: `U0VOTER${v}`,
          reaction: '+1',
          added: true,
          eventTs: `${1_790_000_000 + n}.${String(v).padStart(6, '0')}`,
          at: new Date(Date.parse(PREVIOUS_FIRE) + 3 * 86_400_000),
        });
      }
    }
    const app = await start({ clock });
    await app.scheduler.tick();
    await app.drain(); // the thread replies go through the outbox

    const posts = digestPosts();
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expectWithinSlackLimits(blocksOf(post));
    expect(sectionTexts(blocksOf(post)).some((s) => s.includes(en.digest.numbers(300, 150, 250)))).toBe(true);

    const replies = repliesTo(tsOf(post));
    // More than one message's worth of blocks: the thread itself is split at Slack's 50.
    expect(replies.length).toBeGreaterThan(1);
    for (const reply of replies) {
      expect(reply.args.channel).toBe(CHANNEL);
      expect(reply.status).toBe(200);
      expectWithinSlackLimits(blocksOf(reply));
    }
    // Nothing filed is lost: every item's card is linked from the post or its thread.
    const everything = [post, ...replies].map((c) => JSON.stringify(c.args.blocks)).join('\n');
    for (const item of items) expect(everything).toContain(cardLink(item.ts));
    expect(everything).toContain(en.digest.threadFiled(450));
    expect(everything).toContain(en.digest.threadFlags(150));
    expect(everything).toContain(en.digest.threadVoted(100));
    // One item, one line in the thread: the 34 voted flags are under the votes, not again under the flags.
    const thread = replies.map((c) => JSON.stringify(c.args.blocks)).join('\n');
    for (const item of items) expect(thread.split(cardLink(item.ts)), `item ${item.id}`).toHaveLength(2);
    expect(thread).toContain(`${en.digest.threadFlags(150)} ${en.digest.listedAbove(34)}`);
    // Only the digest and its thread were posted, each reply once (the outbox marks each with its key).
    expect(channelPosts()).toHaveLength(1 + replies.length);
    expect(new Set(replies.map((r) => r.args.metadata?.event_payload?.key)).size).toBe(replies.length);
  });

  it('daylight saving: after spring forward the digest fires at 07:00Z on Monday 30 March 2026 and its period began at 08:00Z on the 23rd', async () => {
    const clock = manualClock('2026-03-23T07:30:00Z');
    // Set up after the 23 March fire, so that fire is not caught up here.
    await setUp(new Date('2026-03-23T08:30:00Z'));
    const items = [
      { at: '2026-03-23T07:59:59.000Z', text: 'Before the period: 08:59:59 in Paris (CET)' },
      { at: '2026-03-23T08:00:00.000Z', text: 'At the previous fire time: the period excludes it' },
      { at: '2026-03-23T08:00:01.000Z', text: 'First second of the period' },
      { at: '2026-03-30T06:59:59.000Z', text: 'Last second before the fire: 08:59:59 in Paris (CEST)' },
      { at: '2026-03-30T07:00:00.000Z', text: 'At the fire time: the period includes it' },
    ];
    // Flags, so that the digest lists each one it counts.
    for (const i of items) await storeItem({ at: new Date(i.at), text: i.text, kind: 'flag' });
    const app = await start({ clock });

    clock.set('2026-03-30T06:59:59Z');
    await app.scheduler.tick();
    expect(digestPosts()).toHaveLength(0);

    clock.set('2026-03-30T07:00:00Z');
    await app.scheduler.tick();
    const posts = digestPosts();
    expect(posts).toHaveLength(1);
    expect(runKeyOf(posts[0]!)).toBe('2026-03-30T07:00:00.000Z');
    const blocks = blocksOf(posts[0]!);
    expect(headerText(blocks)).toBe(en.digest.title(13, 2026));
    expect(contextTexts(blocks)).toContain(en.digest.range('23 Mar', '30 Mar 2026'));
    const text = JSON.stringify(blocks);
    expect(sectionTexts(blocks).some((s) => s.includes(en.digest.numbers(0, 3, 0)))).toBe(true);
    expect(text).not.toContain('Before the period');
    expect(text).not.toContain('At the previous fire time');
    expect(text).toContain('First second of the period');
    expect(text).toContain('Last second before the fire');
    expect(text).toContain('At the fire time');

    // A week later (no change of offset), 07:00Z again.
    clock.set('2026-04-06T06:59:00Z');
    await app.scheduler.tick();
    expect(digestPosts()).toHaveLength(1);
    clock.set('2026-04-06T07:00:00Z');
    await app.scheduler.tick();
    expect(digestPosts().map(runKeyOf)).toEqual(['2026-03-30T07:00:00.000Z', '2026-04-06T07:00:00.000Z']);
  });

  describe('what it says', () => {
    const HOUR = 60 * MINUTE;
    const answer = (id: number, at: Date) =>
      db.db.updateTable('items').set({ status: 'acknowledged', first_response_at: at.toISOString() }).where('id', '=', id).execute();

    it("reports marketing's median time to a first answer for the items answered in the period, and how many still wait", async () => {
      const clock = manualClock(FIRE);
      await setUp();
      const filedAt = new Date('2026-11-17T09:00:00Z');
      const answered = [2, 48, 72].map((h) => ({ h }));
      for (const [n, a] of answered.entries()) {
        const { id } = await storeItem({ at: filedAt, text: `Answered after ${a.h} hours (${n})` });
        await answer(id, new Date(filedAt.getTime() + a.h * HOUR));
      }
      // Answered before the period: not this week's response time.
      const old = await storeItem({ at: new Date('2026-11-02T09:00:00Z'), text: 'Answered last week' });
      await answer(old.id, new Date('2026-11-03T09:00:00Z'));
      // Still waiting: one from this week, one from a month ago.
      await storeItem({ at: new Date('2026-11-18T09:00:00Z'), text: 'Still waiting, filed this week' });
      await storeItem({ at: new Date('2026-10-20T09:00:00Z'), text: 'Still waiting, filed a month ago' });
      const app = await start({ clock });
      await app.scheduler.tick();

      const sections = sectionTexts(blocksOf(digestPosts()[0]!));
      const responses = sections.find((s) => s.includes(':stopwatch:'));
      expect(responses?.split('\n')[0]).toBe(en.digest.responses(en.digest.answered(3, '2 days'), en.digest.stillWaiting(2)));
      // What has waited over a week is listed under it, oldest first.
      expect(responses?.split('\n')[1]).toBe(en.digest.waitingTitle);
      expect(responses).toContain('Still waiting, filed a month ago');
      expect(responses).not.toContain('Still waiting, filed this week');
    });

    it('names people without pinging them: the only mention is the credit for what shipped', async () => {
      const clock = manualClock(FIRE);
      await setUp();
      fake.setUser('U0SALES1', { name: 'Sam Seller' });
      fake.setUser('U0SALES2', { name: 'Alex Closer' });
      const shipped = await storeItem({ at: new Date('2026-10-20T09:00:00Z'), text: 'Offline mode', author: 'U0SALES1' });
      await db.db.updateTable('items').set({ status: 'shipped' }).where('id', '=', shipped.id).execute();
      await db.db
        .insertInto('status_changes')
        .values({
          team_id: TEAM,
          item_id: shipped.id,
          from_status: 'planned',
          to_status: 'shipped',
          by_user_id: 'U0MKT1',
          note: null,
          reason: null,
          created_at: '2026-11-19T10:00:00.000Z',
        })
        .execute();
      await storeItem({
        at: new Date('2026-11-17T09:00:00Z'),
        text: 'The pricing page hides the SMB tier',
        kind: 'flag',
        author: 'U0SALES2',
      });
      await storeItem({ at: new Date('2026-11-01T09:00:00Z'), text: 'Waiting since November', author: 'U0SALES2' });
      const app = await start({ clock });
      await app.scheduler.tick();

      const text = sectionTexts(blocksOf(digestPosts()[0]!)).join('\n');
      expect(text.match(/<@[^>]*>/g)).toEqual(['<@U0SALES1>']);
      expect(text).toContain(en.digest.shippedLine(`<${cardLink(shipped.ts)}|Offline mode>`, '<@U0SALES1>', 0));
      expect(text).toMatch(/The pricing page hides the SMB tier> — Alex Closer/);
      expect(text).toMatch(/Waiting since November> — Alex Closer, /);
      expect(text).toContain(en.digest.voiceLine('Alex Closer', 1, 0));
      expect(text).not.toContain('<!');
    });
  });

  describe('/terrain digest and /terrain settings', () => {
    it('`/terrain digest` answers privately with the current digest and posts nothing in the channel', async () => {
      const clock = manualClock(MIDWEEK);
      await setUp();
      const app = await start({ clock });
      const cards = await fileTheWeek(app);
      fake.reset();

      const res = await sendCommand(
        app.url,
        { command: '/terrain', text: 'digest', user_id: 'U0MKT1', response_url: fake.responseUrl('digest') },
        opts,
      );
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      const reply = await fake.waitFor('response_url', (c) => c.args._id === 'digest');
      await app.drain();
      expect(reply.args.response_type).toBe('ephemeral');
      const blocks = reply.args.blocks as Block[];
      expectWithinSlackLimits(blocks);
      expect(contextTexts(blocks)[0]).toBe(en.digest.previewNote);
      expect(headerText(blocks)).toBe(en.digest.title(47, 2026));
      const top = sectionTexts(blocks).find((s) => s.startsWith(en.digest.topTitle));
      expect(top?.split('\n')[1]).toBe(
        en.digest.topLine(1, `<${cardLink(cards.offline)}|Offline mode for retail stores>`, en.digest.thisWeek(3), 3, null),
      );

      expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
      expect(await jobRuns()).toHaveLength(0);
    });

    it('`/terrain digest` with more than the post lists says how many more, and promises no thread it does not have', async () => {
      const clock = manualClock(MIDWEEK);
      await setUp();
      for (let n = 0; n < 8; n++) {
        const { id } = await storeItem({ at: new Date('2026-11-17T09:00:00Z'), text: `Voted item ${n}` });
        await applyReaction(db.db, {
          teamId: TEAM,
          itemId: id,
          userId: 'U0MKT1',
          reaction: '+1',
          added: true,
          eventTs: `1790000100.${String(n).padStart(6, '0')}`,
          at: new Date('2026-11-17T10:00:00Z'),
        });
      }
      const app = await start({ clock });
      await sendCommand(
        app.url,
        { command: '/terrain', text: 'digest', user_id: 'U0MKT1', response_url: fake.responseUrl('digest') },
        opts,
      );
      const reply = await fake.waitFor('response_url', (c) => c.args._id === 'digest');
      await app.drain();
      const shown = JSON.stringify(reply.args.blocks);
      expect(shown).toContain(en.digest.moreHere(3));
      expect(shown).not.toMatch(/thread/i);
      expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
    });

    /**
     * `/terrain settings`, then the modal submitted with these answers, by the team lead (a Slack admin of
     * the workspace, so a Terrain admin); returns the submission's HTTP answer.
     */
    const submitSettings = async (app: TestApp, answers: Parameters<typeof settingsValues>[0]) => {
      fake.setUser('U0LEAD', { is_admin: true });
      const trigger = `${Math.floor(Math.random() * 1e6)}.42.settings`;
      const res = await sendCommand(
        app.url,
        { command: '/terrain', text: 'settings', user_id: 'U0LEAD', trigger_id: trigger, response_url: fake.responseUrl() },
        opts,
      );
      expect(res.status).toBe(200);
      const opened = await fake.waitFor('views.open', (c) => c.args.trigger_id === trigger);
      expect(opened.args.view.callback_id).toBe(VIEWS.settings);
      const inputs = (opened.args.view.blocks as Block[]).filter((b) => b.type === 'input').map((b) => b.block_id);
      expect(inputs).toEqual(expect.arrayContaining(Object.values(SETTINGS_FIELDS)));
      return sendInteraction(app.url, viewSubmission(opened, settingsValues(answers)), opts);
    };

    it('`/terrain settings` opens the modal; submitting it stores the schedule, zone and language, and the next digest follows them', async () => {
      const clock = manualClock('2026-11-16T12:00:00Z');
      await setUp();
      const app = await start({ clock });
      const res = await submitSettings(app, { day: '3', time: '08:30', timezone: 'America/New_York', cron: null, language: 'fr' });
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      const ws = await db.db.selectFrom('workspaces').selectAll().where('team_id', '=', TEAM).executeTakeFirstOrThrow();
      expect(ws).toMatchObject({ digest_cron: '30 8 * * 3', digest_timezone: 'America/New_York', locale: 'fr' });
      await app.drain();
      fake.reset();

      // Wednesday 18 November, 08:30 in New York (EST, UTC-5) = 13:30Z.
      clock.set('2026-11-18T13:30:00Z');
      await app.scheduler.tick();
      const posts = digestPosts();
      expect(posts).toHaveLength(1);
      expect(runKeyOf(posts[0]!)).toBe('2026-11-18T13:30:00.000Z');
      // Wednesday to Wednesday is not one ISO week: the digest is named by its dates.
      expect(headerText(blocksOf(posts[0]!))).toBe(fr.digest.titleDates('11 nov. – 18 nov. 2026'));

      // The old schedule (Mondays 09:00 in Paris) no longer fires.
      clock.set(FIRE);
      await app.scheduler.tick();
      expect(digestPosts()).toHaveLength(1);
      clock.set('2026-11-25T13:30:00Z');
      await app.scheduler.tick();
      expect(digestPosts().map(runKeyOf)).toEqual(['2026-11-18T13:30:00.000Z', '2026-11-25T13:30:00.000Z']);
    });

    it('changing the schedule does not post a digest for a fire time of the new schedule that passed before the change', async () => {
      // Monday's digest went out at 09:00 in Paris under the old schedule.
      const clock = manualClock(PREVIOUS_FIRE);
      await setUp();
      const app = await start({ clock });
      await app.scheduler.tick();
      expect(digestPosts().map(runKeyOf)).toEqual([PREVIOUS_FIRE]);

      // At noon the lead moves the digest to Wednesdays 08:30 in New York.
      clock.set('2026-11-16T12:00:00Z');
      const res = await submitSettings(app, { day: '3', time: '08:30', timezone: 'America/New_York', cron: null, language: 'en' });
      expect(res.status).toBe(200);
      await app.drain();

      // The minute tick right after: Wednesday 11 November 08:30 in New York was never a fire time of this
      // workspace (the bot was not down, the schedule was another), and its week was in Monday's digest.
      clock.advance(MINUTE);
      await app.scheduler.tick();
      expect(digestPosts().map(runKeyOf)).toEqual([PREVIOUS_FIRE]);

      clock.set('2026-11-18T13:30:00Z');
      await app.scheduler.tick();
      expect(digestPosts().map(runKeyOf)).toEqual([PREVIOUS_FIRE, '2026-11-18T13:30:00.000Z']);
    });

    it('a bad time zone is answered in the modal and nothing is stored', async () => {
      const clock = manualClock(MIDWEEK);
      await setUp();
      const app = await start({ clock });
      const res = await submitSettings(app, { day: '3', time: '08:30', timezone: 'Mars/Olympus_Mons', cron: null, language: 'en' });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ response_action: 'errors', errors: { [SETTINGS_FIELDS.timezone]: en.settings.badTimezone } });
      const ws = await db.db.selectFrom('workspaces').selectAll().where('team_id', '=', TEAM).executeTakeFirstOrThrow();
      expect(ws).toMatchObject({ digest_cron: null, digest_timezone: null, locale: null });

      // The deployment's schedule still holds.
      clock.set(FIRE);
      await app.scheduler.tick();
      expect(digestPosts().map(runKeyOf)).toEqual([FIRE]);
    });
  });
});
