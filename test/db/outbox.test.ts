import { afterEach, beforeEach, expect, it } from 'vitest';
import { claim, enqueue, listDue, markFailed, markSent, pruneSent, renewLeases, reschedule, retry } from '../../db/outbox.js';
import { createTestDatabase, describeDb, dialect, type TestDatabase } from '../support/database.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const LEASE = 15_000;
const later = (ms: number) => new Date(NOW.getTime() + ms);

describeDb(`outbox repository (${dialect})`, () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await t.drop();
  });

  const queue = (key: string, notBefore?: Date) =>
    enqueue(t.db, { teamId: 'T0001', key, kind: 'notice', payload: { n: key }, notBefore }, NOW);

  it('queuing the same key twice keeps one message', async () => {
    expect(await queue('a')).toBe(true);
    expect(await queue('a')).toBe(false);
    expect(await t.db.selectFrom('outbox').selectAll().execute()).toHaveLength(1);
  });

  it('one of two senders wins a claim; the other gets nothing', async () => {
    await queue('a');
    const [seen] = await listDue(t.db, NOW, 10);
    const [first, second] = await Promise.all([claim(t.db, seen!, 'one', NOW, LEASE), claim(t.db, seen!, 'two', NOW, LEASE)]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    const won = (first ?? second)!;
    expect(won).toMatchObject({ attempts: 1, uncertain: 1, lease_until: later(LEASE).toISOString() });
    expect(await listDue(t.db, later(1000), 10)).toEqual([]);
  });

  it('a held message comes back once its lease runs out, and a renewed one does not', async () => {
    await queue('a');
    await queue('b');
    const due = await listDue(t.db, NOW, 10);
    for (const m of due) await claim(t.db, m, 'dead-or-alive', NOW, LEASE);
    await renewLeases(t.db, 'dead-or-alive', [due[1]!.id], later(10_000), LEASE);
    const back = await listDue(t.db, later(LEASE + 1), 10);
    expect(back.map((m) => m.key)).toEqual(['a']);
    expect(back[0]).toMatchObject({ uncertain: 1, attempts: 1 });
  });

  it('a claim read before another sender took it is refused (the attempt count is its version)', async () => {
    await queue('a');
    const [stale] = await listDue(t.db, NOW, 10);
    const taken = (await claim(t.db, stale!, 'one', NOW, LEASE))!;
    await reschedule(t.db, taken.id, 'one', NOW, 'http_500', true, NOW);
    expect(await claim(t.db, stale!, 'two', NOW, LEASE)).toBeUndefined();
  });

  it('only the holder records an outcome', async () => {
    await queue('a');
    const [seen] = await listDue(t.db, NOW, 10);
    const held = (await claim(t.db, seen!, 'one', NOW, LEASE))!;
    expect(await markSent(t.db, held.id, 'two', { ts: '1' }, NOW)).toBe(false);
    expect(await markFailed(t.db, held.id, 'two', 'x', NOW)).toBe(false);
    expect(await markSent(t.db, held.id, 'one', { ts: '1' }, NOW)).toBe(true);
    expect(await t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow()).toMatchObject({
      state: 'sent',
      result: '{"ts":"1"}',
      lease_owner: null,
      uncertain: 0,
    });
  });

  it('a message is not due before its time, and a rescheduled one waits', async () => {
    await queue('reminder', later(3_600_000));
    await queue('now');
    expect((await listDue(t.db, NOW, 10)).map((m) => m.key)).toEqual(['now']);
    const [m] = await listDue(t.db, NOW, 10);
    await claim(t.db, m!, 'one', NOW, LEASE);
    await reschedule(t.db, m!.id, 'one', later(2000), 'ratelimited', false, NOW);
    expect((await listDue(t.db, later(1000), 10)).map((x) => x.key)).toEqual([]);
    expect((await listDue(t.db, later(2000), 10)).map((x) => [x.key, x.uncertain, x.last_error])).toEqual([['now', 0, 'ratelimited']]);
  });

  it('a failed message is sent again only when retried', async () => {
    await queue('a');
    const [m] = await listDue(t.db, NOW, 10);
    await claim(t.db, m!, 'one', NOW, LEASE);
    await markFailed(t.db, m!.id, 'one', 'channel_not_found', NOW);
    expect(await listDue(t.db, later(3_600_000), 10)).toEqual([]);
    expect(await retry(t.db, { teamId: 'T0001', keys: ['a'] }, later(10))).toBe(1);
    expect(await retry(t.db, { keys: [] }, NOW)).toBe(0);
    expect((await listDue(t.db, later(10), 10)).map((x) => [x.key, x.state, x.last_error])).toEqual([['a', 'pending', null]]);
  });

  it('sent messages are forgotten after the keeping time; pending and failed ones never', async () => {
    for (const key of ['sent-old', 'sent-new', 'failed', 'pending']) await queue(key);
    for (const m of await listDue(t.db, NOW, 10)) {
      const held = (await claim(t.db, m, 'one', NOW, LEASE))!;
      if (m.key === 'sent-old') await markSent(t.db, held.id, 'one', null, NOW);
      if (m.key === 'sent-new') await markSent(t.db, held.id, 'one', null, later(5_000));
      if (m.key === 'failed') await markFailed(t.db, held.id, 'one', 'user_not_found', NOW);
      if (m.key === 'pending') await reschedule(t.db, held.id, 'one', NOW, 'http_500', true, NOW);
    }
    expect(await pruneSent(t.db, later(1_000))).toBe(1);
    const left = await t.db.selectFrom('outbox').select('key').orderBy('key').execute();
    expect(left.map((m) => m.key)).toEqual(['failed', 'pending', 'sent-new']);
  });
});
