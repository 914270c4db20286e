import { beforeEach, expect, it } from 'vitest';
import { CHANNEL } from '../support/app.js';
import { manualClock } from '../support/clock.js';
import { describeDb, dialect } from '../support/database.js';
import { useE2E } from '../support/e2e.js';
import { itemOrphanedByCrash, outboxRows } from '../support/outbox.js';

const FILED = new Date('2026-11-23T10:00:00.000Z');
const LEASE = 15_000;

describeDb(`cards left unsent by a crash (${dialect})`, () => {
  const clock = manualClock(FILED);
  beforeEach(() => clock.set(FILED)); // registered first, so it runs before useE2E starts the app on this clock
  const e2e = useE2E({ clock });

  /** Fault: the process died while its card was being sent; its lease runs until FILED + LEASE. */
  const orphan = () =>
    itemOrphanedByCrash(e2e.db.db, FILED, new Date(FILED.getTime() + LEASE), {
      text: 'Stored, then the process died',
      reply_to: e2e.fake.responseUrl('orphan'),
    });

  it('are posted once the lease of the dead process has run out, and the submitter is told', async () => {
    const item = await orphan();
    await e2e.app.drain();
    expect(e2e.fake.callsTo('chat.postMessage')).toHaveLength(0); // the lease still protects a sender that may be alive

    clock.advance(LEASE + 1000);
    await e2e.app.drain();
    const posts = e2e.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args.metadata).toMatchObject({ event_payload: { item_id: item.id } });
    // It may have reached Slack before the crash: the channel was looked at first.
    expect(e2e.fake.callsTo('conversations.history')).toHaveLength(1);
    expect((await e2e.fake.waitFor('response_url', (c) => c.args._id === 'orphan')).args.text).toContain('see the card');
    const stored = await e2e.db.db.selectFrom('items').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ card_state: 'posted', card_ts: (posts[0]!.response as { ts: string }).ts });
    expect((await outboxRows(e2e.db.db)).map((m) => [m.key, m.state])).toEqual([
      [`card:${item.id}`, 'sent'],
      [`confirm:${item.id}`, 'sent'],
    ]);

    clock.advance(60_000);
    await e2e.app.drain();
    expect(e2e.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(e2e.fake.callsTo('response_url')).toHaveLength(1);
  });

  it('a card that reached Slack before the crash is found by its metadata, not posted again', async () => {
    const item = await orphan();
    e2e.fake.seedMessage(CHANNEL, {
      ts: '1795428000.000100',
      text: 'Feedback: Stored, then the process died',
      metadata: { event_type: 'terrain_item_card', event_payload: { item_id: item.id, team_id: 'T0001' } },
    });
    clock.advance(LEASE + 1000);
    await e2e.app.drain();
    expect(e2e.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(String(e2e.fake.callsTo('conversations.history')[0]?.args.include_all_metadata)).toBe('true');
    const stored = await e2e.db.db.selectFrom('items').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ card_state: 'posted', card_ts: '1795428000.000100' });
    // The submitter still hears about it, once.
    expect((await e2e.fake.waitFor('response_url', (c) => c.args._id === 'orphan')).args.text).toContain('see the card');
  });
});
