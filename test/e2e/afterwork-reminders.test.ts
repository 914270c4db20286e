import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setMemberSide } from '../../db/members.js';
import { messages } from '../../src/i18n/index.js';
import { VIEWS } from '../../src/ids.js';
import { afterworkSubmission, clickPayload, openAfterworkModal } from '../support/afterwork.js';
import { CHANNEL, SIGNING_SECRET, startTestApp, TEAM, type TestApp } from '../support/app.js';
import { manualClock } from '../support/clock.js';
import { createTestDatabase, describeDb, dialect, type TestDatabase } from '../support/database.js';
import type { E2E } from '../support/e2e.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { sendInteraction } from '../support/slack-requests.js';

const en = messages('en');
const fr = messages('fr');
const opts = { secret: SIGNING_SECRET };

// Monday 23 November 2026, 10:00 in Paris; the after-work is on Thursday at 18:30 (17:30 UTC).
const START = '2026-11-23T09:00:00.000Z';
const THURSDAY = '2026-11-26T17:30:00.000Z';
/** Three hours before (AFTERWORK_REMINDER_HOURS' default). */
const REMIND_AT = '2026-11-26T14:30:00.000Z';
const minutes = (n: number) => n * 60_000;

/**
 * Reminders go through the outbox: queued with the answer (due three hours before the start), sent once
 * whatever restarts or replicas there are, withdrawn when the after-work is called off, re-timed when it
 * moves, and sent at once to someone who says going after that moment.
 */
describeDb(`after-work reminders (${dialect})`, () => {
  let db: TestDatabase;
  let fake: FakeSlack;
  let apps: TestApp[] = [];
  const clock = manualClock(START);

  beforeEach(async () => {
    clock.set(START);
    db = await createTestDatabase();
    fake = await startFakeSlack();
    apps = [];
    await setMemberSide(db.db, TEAM, 'U0SALES1', 'sales', new Date(START));
    await setMemberSide(db.db, TEAM, 'U0MKT1', 'marketing', new Date(START));
  });
  afterEach(async () => {
    for (const app of apps) await app.stop();
    await fake.close();
    await db.drop();
  });

  const boot = async (instanceId?: string, env: Record<string, string> = {}) => {
    const app = await startTestApp({ db, fake, clock, env, ...(instanceId ? { instanceId } : {}) });
    apps.push(app);
    return app;
  };
  const stop = async (app: TestApp) => {
    await app.stop();
    apps = apps.filter((a) => a !== app);
  };
  /** What a test helper that speaks to one app needs. */
  const via = (app: TestApp) => ({ app, fake, db }) as unknown as E2E;

  const reminders = (userId?: string) =>
    fake
      .callsTo('chat.postMessage')
      .filter((c) => c.status === 200 && (userId ? c.args.channel === userId : /^U/.test(String(c.args.channel))))
      .filter((c) => String(c.args.text).includes(':beers:'));
  const reminderRows = () => db.db.selectFrom('outbox').selectAll().where('kind', '=', 'afterwork_reminder').orderBy('id').execute();

  /** The host creates the after-work through `app`, and U0MKT1 answers going; returns its id and the invite's ts. */
  const setUp = async (app: TestApp, answers: Parameters<typeof afterworkSubmission>[1] = {}) => {
    const opened = await openAfterworkModal(via(app), '');
    const res = await sendInteraction(
      app.url,
      afterworkSubmission(opened, { title: 'Drinks with marketing', when: THURSDAY, place: 'Le Comptoir', ...answers }),
      opts,
    );
    expect(res.status).toBe(200);
    await app.drain();
    const afterwork = await db.db.selectFrom('afterworks').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    await answer(app, 'U0MKT1', afterwork.message_ts as string, 'going');
    return { id: afterwork.id, ts: afterwork.message_ts as string };
  };
  const answer = async (app: TestApp, userId: string, ts: string, value: 'going' | 'maybe' | 'no') => {
    const res = await sendInteraction(app.url, clickPayload(via(app), { userId, ts, actionId: `rsvp_${value}`, value }), opts);
    expect(res.status).toBe(200);
    await app.drain();
  };

  it('everyone going gets one reminder, due three hours before, with the place and a link to the invite: once across restarts', async () => {
    const first = await boot('process-1');
    const { ts } = await setUp(first);
    expect((await reminderRows()).map((r) => [r.key.split(':')[2], r.state, r.next_attempt_at])).toEqual([
      ['U0SALES1', 'pending', REMIND_AT],
      ['U0MKT1', 'pending', REMIND_AT],
    ]);
    // Nothing before its time.
    clock.set('2026-11-26T14:29:00.000Z');
    await first.drain();
    expect(reminders()).toHaveLength(0);
    // The process stops; another starts on the same database after the moment.
    await stop(first);
    clock.set('2026-11-26T14:31:00.000Z');
    const second = await boot('process-2');
    await second.drain();
    expect(reminders('U0SALES1')).toHaveLength(1);
    expect(reminders('U0MKT1')).toHaveLength(1);
    const dm = reminders('U0MKT1')[0]!.args;
    expect(dm.text).toBe(
      en.afterwork.dm.reminder(
        'Drinks with marketing',
        `<!date^${Date.parse(THURSDAY) / 1000}^{date_short_pretty} at {time}|Thu 26 Nov 2026, 18:30>`,
        en.afterwork.dm.atPlace('Le Comptoir'),
      ),
    );
    expect(JSON.stringify(dm.blocks)).toContain(`https://acme.slack.com/archives/${CHANNEL}/p${ts.replace('.', '')}`);
    // And once more: a third process, later, sends nothing again.
    await stop(second);
    clock.advance(minutes(30));
    const third = await boot('process-3');
    await third.drain();
    expect(reminders()).toHaveLength(2);
    expect((await reminderRows()).map((r) => r.state)).toEqual(['sent', 'sent']);
  });

  it('a reminder queued by a process that died while sending it is sent once by the next', async () => {
    const first = await boot('process-1');
    await setUp(first);
    await stop(first);
    // The dead process had claimed U0MKT1's reminder; its lease runs out.
    await db.db
      .updateTable('outbox')
      .set({ lease_owner: 'process-1', lease_until: '2026-11-26T14:30:30.000Z', attempts: 1, uncertain: 1 })
      .where('kind', '=', 'afterwork_reminder')
      .where('key', 'like', '%U0MKT1%')
      .execute();
    clock.set('2026-11-26T14:30:10.000Z');
    const second = await boot('process-2');
    await second.drain();
    expect(reminders('U0MKT1')).toHaveLength(0); // still held by the dead process
    clock.set('2026-11-26T14:31:00.000Z');
    await second.drain();
    expect(reminders('U0MKT1')).toHaveLength(1);
    expect(reminders('U0SALES1')).toHaveLength(1);
  });

  it('with two replicas draining at the same moment, each person gets one reminder', async () => {
    const a = await boot('replica-a');
    const b = await boot('replica-b');
    const { ts } = await setUp(a);
    await answer(b, 'U0SALES2', ts, 'going');
    clock.set('2026-11-26T14:31:00.000Z');
    await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);
    expect(reminders('U0SALES1')).toHaveLength(1);
    expect(reminders('U0MKT1')).toHaveLength(1);
    expect(reminders('U0SALES2')).toHaveLength(1);
  });

  it('a cancelled after-work reminds nobody', async () => {
    const app = await boot();
    const { id, ts } = await setUp(app);
    const res = await sendInteraction(
      app.url,
      clickPayload(via(app), { userId: 'U0SALES1', ts, actionId: 'afterwork_cancel', value: String(id) }),
      opts,
    );
    expect(res.status).toBe(200);
    await app.drain();
    expect((await reminderRows()).map((r) => [r.state, r.last_error])).toEqual([
      ['withdrawn', null],
      ['withdrawn', null],
    ]);
    clock.set('2026-11-26T14:31:00.000Z');
    await app.drain();
    expect(reminders()).toHaveLength(0);
  });

  it('a moved after-work reminds at its new time, not the old one', async () => {
    const app = await boot();
    const { id, ts } = await setUp(app);
    await sendInteraction(app.url, clickPayload(via(app), { userId: 'U0SALES1', ts, actionId: 'afterwork_edit', value: String(id) }), opts);
    const opened = await fake.waitFor('views.open', (c) => c.args.view?.callback_id === VIEWS.afterworkEdit);
    const friday = '2026-11-27T18:00:00.000Z';
    const res = await sendInteraction(
      app.url,
      afterworkSubmission(opened, { title: 'Drinks with marketing', when: friday, place: 'Le Comptoir' }, { userId: 'U0SALES1' }),
      opts,
    );
    expect(res.text).toBe('');
    await app.drain();
    const rows = await reminderRows();
    expect(rows.filter((r) => r.state === 'pending').map((r) => r.next_attempt_at)).toEqual([
      '2026-11-27T15:00:00.000Z',
      '2026-11-27T15:00:00.000Z',
    ]);
    expect(rows.filter((r) => r.state === 'withdrawn')).toHaveLength(2);
    clock.set('2026-11-26T14:31:00.000Z');
    await app.drain();
    expect(reminders()).toHaveLength(0);
    clock.set('2026-11-27T15:01:00.000Z');
    await app.drain();
    expect(reminders('U0SALES1')).toHaveLength(1);
    expect(reminders('U0MKT1')).toHaveLength(1);
    expect(reminders('U0MKT1')[0]!.args.text).toContain(`<!date^${Date.parse(friday) / 1000}^`);
  });

  it('someone who says going after the reminder moment gets it at once; someone who says no has theirs withdrawn, and gets it again if they come back', async () => {
    fake.setUser('U0MKT2', { locale: 'fr-FR' });
    const app = await boot();
    const { ts } = await setUp(app);
    await answer(app, 'U0MKT1', ts, 'no');
    expect((await reminderRows()).find((r) => r.key.includes('U0MKT1'))).toMatchObject({ state: 'withdrawn' });
    clock.set('2026-11-26T15:00:00.000Z');
    await app.drain();
    expect(reminders('U0SALES1')).toHaveLength(1);
    expect(reminders('U0MKT1')).toHaveLength(0);
    // Late answers: at once.
    await answer(app, 'U0MKT2', ts, 'going');
    expect(reminders('U0MKT2')).toHaveLength(1);
    expect(reminders('U0MKT2')[0]!.args.text).toContain(fr.afterwork.dm.atPlace('Le Comptoir'));
    expect(reminders('U0MKT2')[0]!.args.text).toMatch(/^:beers: Rappel/);
    await answer(app, 'U0MKT1', ts, 'going');
    expect(reminders('U0MKT1')).toHaveLength(1);
    // Going, no, going again after it was sent: not twice.
    await answer(app, 'U0MKT2', ts, 'no');
    await answer(app, 'U0MKT2', ts, 'going');
    expect(reminders('U0MKT2')).toHaveLength(1);
  });

  it('AFTERWORK_REMINDER_HOURS=0.5 reminds thirty minutes before', async () => {
    const app = await boot(undefined, { AFTERWORK_REMINDER_HOURS: '0.5' });
    await setUp(app);
    expect((await reminderRows()).map((r) => r.next_attempt_at)).toEqual(['2026-11-26T17:00:00.000Z', '2026-11-26T17:00:00.000Z']);
  });

  describe('nothing after the start', () => {
    it('a reminder that could not go out before the start (Terrain was down) is not sent late', async () => {
      const first = await boot('process-1');
      await setUp(first);
      await stop(first);
      clock.set('2026-11-26T18:00:00.000Z');
      const second = await boot('process-2');
      await second.drain();
      expect(reminders()).toHaveLength(0);
      expect((await reminderRows()).map((r) => [r.state, JSON.parse(r.result ?? '{}').skipped])).toEqual([
        ['sent', 'started'],
        ['sent', 'started'],
      ]);
    });
  });
});
