import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  cancelAfterwork,
  createAfterwork,
  listAfterworksBetween,
  lockAfterwork,
  type NewAfterwork,
  nextAfterworkFor,
  saveRsvp,
} from '../../db/afterworks.js';
import { claim, enqueue, enqueueOrRestore, listDue, withdrawByPrefix } from '../../db/outbox.js';
import type { RsvpAnswer } from '../../db/schema.js';
import { createTestDatabase, describeDb, dialect, type TestDatabase } from '../support/database.js';

const NOW = new Date('2026-11-23T09:00:00.000Z');
const day = (n: number, hour = 17) => new Date(Date.UTC(2026, 10, 23 + n, hour, 30));

describeDb(`after-work repositories (${dialect})`, () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await t.drop();
  });

  const create = async (title: string, startsAt: Date, overrides: Partial<NewAfterwork> = {}) =>
    (
      await createAfterwork(
        t.db,
        {
          teamId: 'T0001',
          hostId: 'U0HOST',
          title,
          startsAt,
          timezone: 'Europe/Paris',
          place: null,
          note: null,
          capacity: null,
          channelId: 'C0TERRAIN',
          clientKey: null,
          ...overrides,
        },
        NOW,
      )
    ).afterwork;
  const answer = (afterworkId: number, userId: string, a: RsvpAnswer) =>
    saveRsvp(t.db, { teamId: 'T0001', afterworkId, userId, answer: a, side: null, answeredAt: NOW, waitlistedAt: null });

  it('the same modal submission creates one after-work', async () => {
    const a = await createAfterwork(
      t.db,
      {
        teamId: 'T0001',
        hostId: 'U1',
        title: 'x',
        startsAt: day(3),
        timezone: 'UTC',
        place: null,
        note: null,
        capacity: null,
        channelId: 'C1',
        clientKey: 'view:V1',
      },
      NOW,
    );
    const b = await createAfterwork(
      t.db,
      {
        teamId: 'T0001',
        hostId: 'U1',
        title: 'y',
        startsAt: day(4),
        timezone: 'UTC',
        place: null,
        note: null,
        capacity: null,
        channelId: 'C1',
        clientKey: 'view:V1',
      },
      NOW,
    );
    expect([a.created, b.created]).toEqual([true, false]);
    expect(b.afterwork.id).toBe(a.afterwork.id);
    expect(b.afterwork.title).toBe('x');
  });

  it('a new answer replaces the last one: one row per person', async () => {
    const a = await create('x', day(3));
    await answer(a.id, 'U1', 'going');
    await answer(a.id, 'U1', 'no');
    expect(await t.db.selectFrom('afterwork_rsvps').select(['user_id', 'answer']).execute()).toEqual([{ user_id: 'U1', answer: 'no' }]);
  });

  it('lockAfterwork raises the version each time and finds only the workspace’s own', async () => {
    const a = await create('x', day(3));
    const v1 = await t.db.transaction().execute((trx) => lockAfterwork(trx, 'T0001', a.id, NOW));
    const v2 = await t.db.transaction().execute((trx) => lockAfterwork(trx, 'T0001', a.id, NOW));
    expect([v1?.version, v2?.version]).toEqual([1, 2]);
    expect(await t.db.transaction().execute((trx) => lockAfterwork(trx, 'T0OTHER', a.id, NOW))).toBeUndefined();
  });

  it('nextAfterworkFor: the one the person answered comes first, else the soonest; never a past or cancelled one', async () => {
    const past = await create('past', day(-1));
    const soon = await create('soon', day(1));
    const later = await create('later', day(5));
    const off = await create('cancelled', day(2));
    await cancelAfterwork(t.db, 'T0001', off.id, 'U0HOST', NOW);
    await answer(past.id, 'U1', 'going');
    await answer(off.id, 'U1', 'going');
    await answer(later.id, 'U1', 'maybe');
    await answer(later.id, 'U2', 'going');
    await answer(soon.id, 'U2', 'no');
    expect(await nextAfterworkFor(t.db, 'T0001', 'U1', NOW)).toMatchObject({ afterwork: { title: 'later' }, answer: 'maybe', going: 1 });
    expect(await nextAfterworkFor(t.db, 'T0001', 'U2', NOW)).toMatchObject({ afterwork: { title: 'later' }, answer: 'going' });
    expect(await nextAfterworkFor(t.db, 'T0001', 'U3', NOW)).toMatchObject({ afterwork: { title: 'soon' }, answer: null, going: 0 });
    expect(await nextAfterworkFor(t.db, 'T0OTHER', 'U1', NOW)).toBeUndefined();
  });

  it('listAfterworksBetween: the workspace’s after-works in the period with their answers, cancelled ones only when asked', async () => {
    const a = await create('a', day(1));
    await create('b', day(8));
    const off = await create('off', day(2));
    await cancelAfterwork(t.db, 'T0001', off.id, 'U0HOST', NOW);
    await answer(a.id, 'U1', 'going');
    const week = await listAfterworksBetween(t.db, 'T0001', NOW, day(7));
    expect(week.map((w) => [w.afterwork.title, w.rsvps.map((r) => r.user_id)])).toEqual([['a', ['U1']]]);
    expect((await listAfterworksBetween(t.db, 'T0001', NOW, day(7), { includeCancelled: true })).map((w) => w.afterwork.title)).toEqual([
      'a',
      'off',
    ]);
  });
});

describeDb(`outbox: withdrawn by key prefix (${dialect})`, () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await t.drop();
  });
  const queue = (key: string, teamId = 'T0001') =>
    enqueue(t.db, { teamId, key, kind: 'afterwork_reminder', payload: {}, notBefore: day(3) }, NOW);
  const states = async () =>
    Object.fromEntries(
      (await t.db.selectFrom('outbox').select(['team_id', 'key', 'state', 'last_error']).execute()).map((r) => [
        `${r.team_id}/${r.key}`,
        [r.state, r.last_error],
      ]),
    );

  it('withdraws the pending messages whose key starts with the prefix, of that workspace only; a like-pattern in the prefix matches nothing else', async () => {
    await queue('afterwork-reminder:1:U1:100');
    await queue('afterwork-reminder:1:U2:100');
    await queue('afterwork-reminder:12:U1:100');
    await queue('afterwork-reminder:1:U1:100', 'T0OTHER');
    await queue('afterwork_reminder:1:U1:100');
    expect(await withdrawByPrefix(t.db, 'T0001', 'afterwork-reminder:1:', NOW)).toBe(2);
    expect(await withdrawByPrefix(t.db, 'T0001', 'afterwork%', NOW)).toBe(0);
    expect(await states()).toEqual({
      'T0001/afterwork-reminder:1:U1:100': ['withdrawn', null],
      'T0001/afterwork-reminder:1:U2:100': ['withdrawn', null],
      'T0001/afterwork-reminder:12:U1:100': ['pending', null],
      'T0OTHER/afterwork-reminder:1:U1:100': ['pending', null],
      'T0001/afterwork_reminder:1:U1:100': ['pending', null],
    });
    // A withdrawn message is never due.
    expect((await listDue(t.db, day(4), 10)).map((m) => `${m.team_id}/${m.key}`).sort()).toEqual([
      'T0001/afterwork-reminder:12:U1:100',
      'T0001/afterwork_reminder:1:U1:100',
      'T0OTHER/afterwork-reminder:1:U1:100',
    ]);
  });

  it('leaves a message a live sender holds: its handler checks at send time', async () => {
    await queue('afterwork-reminder:1:U1:100');
    const [seen] = await listDue(t.db, day(4), 1);
    await claim(t.db, seen!, 'sender', day(4), 15_000);
    expect(await withdrawByPrefix(t.db, 'T0001', 'afterwork-reminder:1:', day(4))).toBe(0);
  });

  it('enqueueOrRestore queues a new message, makes a withdrawn one pending again for its new time, and never resends a sent one', async () => {
    const message = {
      teamId: 'T0001',
      key: 'afterwork-reminder:1:U1:100',
      kind: 'afterwork_reminder',
      payload: { v: 1 },
      notBefore: day(3),
    };
    expect(await enqueueOrRestore(t.db, message, NOW)).toBe(true);
    expect(await enqueueOrRestore(t.db, message, NOW)).toBe(false);
    await withdrawByPrefix(t.db, 'T0001', 'afterwork-reminder:1:U1:', NOW);
    expect(await enqueueOrRestore(t.db, { ...message, payload: { v: 2 }, notBefore: day(2) }, NOW)).toBe(true);
    const row = await t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      state: 'pending',
      last_error: null,
      next_attempt_at: day(2).toISOString(),
      payload: JSON.stringify({ v: 2 }),
    });
    await t.db.updateTable('outbox').set({ state: 'sent' }).execute();
    expect(await enqueueOrRestore(t.db, message, NOW)).toBe(false);
    expect((await t.db.selectFrom('outbox').select('state').executeTakeFirstOrThrow()).state).toBe('sent');
  });
});
