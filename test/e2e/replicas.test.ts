import { afterEach, beforeEach, expect, it } from 'vitest';
import { countVotes, listVoters } from '../../db/votes.js';
import { saveWorkspaceSettings } from '../../db/workspaces.js';
import type { Clock } from '../../src/clock.js';
import { CHANNEL, SIGNING_SECRET, startTestApp, TEAM, type TestApp } from '../support/app.js';
import { manualClock } from '../support/clock.js';
import { createTestDatabase, describeDb, dialect, type TestDatabase } from '../support/database.js';
import { type FakeSlack, type SlackCall, startFakeSlack } from '../support/fake-slack.js';
import { itemOrphanedByCrash } from '../support/outbox.js';
import { reactionEvent, sendCommand, sendEvent } from '../support/slack-requests.js';

const opts = { secret: SIGNING_SECRET };
const MINUTE = 60_000;
const WEEK = 7 * 86_400_000;
/** Mondays 09:00 in Paris (CET): the fire times of weeks 47, 48 and 49 of 2026. */
const FIRES = ['2026-11-23T08:00:00.000Z', '2026-11-30T08:00:00.000Z', '2026-12-07T08:00:00.000Z'];

const tsOf = (call: SlackCall): string => (call.response as { ts: string }).ts;

/**
 * Several replicas are safe: two app instances, each with its own connection pool, on one database
 * (the point is PostgreSQL; SQLite must hold too). Whatever reaches which replica, and in whatever
 * order, a vote counts once and a digest or a card is posted once.
 */
describeDb(`two replicas on one database (${dialect})`, () => {
  let db: TestDatabase;
  let fake: FakeSlack;
  let replicas: TestApp[] = [];

  beforeEach(async () => {
    db = await createTestDatabase();
    fake = await startFakeSlack();
    replicas = [];
  });
  afterEach(async () => {
    for (const app of replicas) await app.stop();
    await fake.close();
    await db.drop();
  });

  const startTwo = async (clock?: Clock, env: Record<string, string> = {}): Promise<[TestApp, TestApp]> => {
    const options = { db, fake, env: { DIGEST_TIMEZONE: 'Europe/Paris', ...env }, ...(clock ? { clock } : {}) };
    const a = await startTestApp({ ...options, instanceId: 'replica-a' });
    replicas.push(a);
    const b = await startTestApp({ ...options, instanceId: 'replica-b' });
    replicas.push(b);
    return [a, b];
  };

  const digestPosts = () =>
    fake.callsTo('chat.postMessage').filter((c) => !c.rateLimited && c.status === 200 && c.args.metadata?.event_type === 'terrain_digest');

  /** Files feedback through one replica and waits for its card; returns the item id and the card's ts. */
  const fileCard = async (app: TestApp, text: string): Promise<{ itemId: number; ts: string }> => {
    const res = await sendCommand(app.url, { command: '/feedback', text, response_url: fake.responseUrl() }, opts);
    expect(res.status).toBe(200);
    const card = await fake.waitFor(
      'chat.postMessage',
      (c) =>
        c.args.channel === CHANNEL && c.args.metadata?.event_type === 'terrain_item_card' && JSON.stringify(c.args.blocks).includes(text),
    );
    await app.drain();
    const ts = tsOf(card);
    const item = await db.db.selectFrom('items').select('id').where('card_ts', '=', ts).executeTakeFirstOrThrow();
    return { itemId: item.id, ts };
  };

  it("the same reaction events spread over both replicas, with Slack's retries landing on the other one, give one vote per user per item", async () => {
    const [a, b] = await startTwo(undefined, { VOTE_EMOJIS: '+1,fire' });
    const cards = [await fileCard(a, 'Retail stores need offline mode'), await fileCard(b, 'Rival bundles onboarding for free')];

    type Step = ['add' | 'remove', string];
    /** Each user's reactions, in the order they happened in Slack. */
    const sequences: Record<string, Step[]> = {
      U0VOTE1: [['add', '+1']],
      U0VOTE2: [
        ['add', '+1'],
        ['remove', '+1'],
      ],
      U0VOTE3: [
        ['add', '+1'],
        ['add', 'fire'],
        ['remove', '+1'],
      ],
      U0VOTE4: [
        ['add', '+1'],
        ['remove', '+1'],
        ['add', '+1'],
      ],
      U0VOTE5: [
        ['add', '+1::skin-tone-2'],
        ['add', '+1'],
        ['remove', '+1::skin-tone-2'],
      ],
      U0VOTE6: [
        ['add', 'fire'],
        ['remove', 'fire'],
        ['add', '+1'],
        ['remove', '+1'],
      ],
      U0VOTE7: [
        ['add', 'thumbsup'],
        ['remove', 'thumbsup'],
      ],
    };
    const expectedVoters = ['U0VOTE1', 'U0VOTE3', 'U0VOTE4', 'U0VOTE5'];
    const expectedRows = [
      ['U0VOTE1', '+1', 1],
      ['U0VOTE2', '+1', 0],
      ['U0VOTE3', '+1', 0],
      ['U0VOTE3', 'fire', 1],
      ['U0VOTE4', '+1', 1],
      ['U0VOTE5', '+1', 1],
      ['U0VOTE5', '+1::skin-tone-2', 0],
      ['U0VOTE6', '+1', 0],
      ['U0VOTE6', 'fire', 0],
      ['U0VOTE7', 'thumbsup', 0],
    ];

    const base = Math.floor(Date.now() / 1000);
    let seq = 0;
    const deliveries: Array<() => Promise<{ status: number }>> = [];
    for (const card of cards) {
      for (const [user, steps] of Object.entries(sequences)) {
        steps.forEach(([kind, reaction], i) => {
          const event = reactionEvent(kind === 'add' ? 'reaction_added' : 'reaction_removed', {
            user,
            reaction,
            channel: CHANNEL,
            ts: card.ts,
            eventTs: `${base}.${String(++seq).padStart(6, '0')}`,
          });
          const eventId = `Ev${user}${card.itemId}x${i}`;
          // A user's events alternate between the replicas; Slack's retry of each lands on the other one.
          const [first, other] = i % 2 === 0 ? [a, b] : [b, a];
          deliveries.push(() => sendEvent(first.url, event, { ...opts, eventId }));
          deliveries.push(() => sendEvent(other.url, event, { ...opts, eventId, retryNum: 1, retryReason: 'http_timeout' }));
        });
      }
    }
    // All at once: arrival order is whatever the two servers and the database make of it.
    const responses = await Promise.all(deliveries.map((send) => send()));
    expect(responses.map((r) => r.status)).toEqual(deliveries.map(() => 200));

    for (const card of cards) {
      expect(await countVotes(db.db, card.itemId)).toBe(expectedVoters.length);
      expect(await listVoters(db.db, card.itemId)).toEqual(expectedVoters);
      const rows = await db.db
        .selectFrom('vote_reactions')
        .select(['user_id', 'reaction', 'active'])
        .where('item_id', '=', card.itemId)
        .orderBy('user_id')
        .orderBy('reaction')
        .execute();
      expect(rows.map((r) => [r.user_id, r.reaction, Number(r.active)])).toEqual(expectedRows);
    }

    // A late retry of a user's first addition, on either replica, changes nothing.
    const late = reactionEvent('reaction_added', {
      user: 'U0VOTE2',
      reaction: '+1',
      channel: CHANNEL,
      ts: cards[0]!.ts,
      eventTs: `${base}.000001`,
    });
    const lateResponses = await Promise.all([
      sendEvent(a.url, late, { ...opts, eventId: 'EvLATE', retryNum: 2, retryReason: 'http_timeout' }),
      sendEvent(b.url, late, { ...opts, eventId: 'EvLATE', retryNum: 3, retryReason: 'http_timeout' }),
    ]);
    expect(lateResponses.map((r) => r.status)).toEqual([200, 200]);
    expect(await listVoters(db.db, cards[0]!.itemId)).toEqual(expectedVoters);
  });

  it("both replicas' schedules firing at the same moment post each week's digest once", async () => {
    const clock = manualClock('2026-11-18T10:00:00Z');
    await saveWorkspaceSettings(db.db, TEAM, {}, new Date('2026-11-01T00:00:00Z'));
    const [a, b] = await startTwo(clock);
    await fileCard(a, 'Field asks for a cheaper starter plan');

    for (const fire of FIRES) {
      clock.set(fire);
      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      // The minute tick right after, on both, again together.
      clock.advance(MINUTE);
      await Promise.all([a.scheduler.tick(), b.scheduler.tick(), a.scheduler.tick()]);
    }

    const posts = digestPosts();
    expect(posts.map((c) => c.args.metadata.event_payload.run_key)).toEqual(FIRES);
    expect(posts.every((c) => c.args.channel === CHANNEL)).toBe(true);
    expect(fake.messages(CHANNEL).filter((m) => m.metadata?.event_type === 'terrain_digest')).toHaveLength(FIRES.length);
    const runs = await db.db.selectFrom('job_runs').selectAll().orderBy('run_key').execute();
    expect(runs.map((r) => [r.run_key, r.state])).toEqual(FIRES.map((f) => [f, 'done']));
    expect(runs.map((r) => r.message_ts)).toEqual(posts.map(tsOf));
    for (const r of runs) expect(['replica-a', 'replica-b']).toContain(r.claimed_by);
  });

  it('while one replica waits out a 429 on the digest, the other does not post it too', async () => {
    const clock = manualClock(FIRES[0]!);
    await saveWorkspaceSettings(db.db, TEAM, {}, new Date('2026-11-01T00:00:00Z'));
    const [a, b] = await startTwo(clock);
    fake.rateLimit('chat.postMessage', 1, 1);
    const first = a.scheduler.tick();
    // Replica B's tick comes while A holds the claim and sleeps on Retry-After.
    await fake.waitFor('chat.postMessage', (c) => c.rateLimited === true);
    await b.scheduler.tick();
    await first;
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);

    expect(fake.callsTo('chat.postMessage').filter((c) => c.rateLimited)).toHaveLength(1);
    expect(digestPosts()).toHaveLength(1);
    const runs = await db.db.selectFrom('job_runs').selectAll().execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ run_key: FIRES[0], state: 'done', claimed_by: 'replica-a', message_ts: tsOf(digestPosts()[0]!) });
  });

  it('cards left by a crashed sender (lease run out) are posted once when both replicas recover them at the same time', async () => {
    const clock = manualClock('2026-11-18T10:00:00Z');
    const crashedAt = new Date(clock.now().getTime() - 10 * MINUTE);
    const ids: number[] = [];
    for (let n = 1; n <= 5; n++) {
      const item = await itemOrphanedByCrash(db.db, crashedAt, new Date(crashedAt.getTime() + 15_000), {
        text: `Left unposted by a crash #${n}`,
        category: null,
        author_side: null,
      });
      expect(item).toMatchObject({ card_state: 'pending', card_ts: null });
      ids.push(item.id);
    }
    const [a, b] = await startTwo(clock);

    await Promise.all([a.drain(), b.drain()]);
    // And once more, together: nothing left to do.
    await Promise.all([a.drain(), b.drain()]);

    const cards = fake.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL && c.status === 200);
    expect(cards.map((c) => Number(c.args.metadata?.event_payload?.item_id)).sort((x, y) => x - y)).toEqual(ids);
    expect(cards.every((c) => c.args.metadata.event_type === 'terrain_item_card')).toBe(true);
    // Each submitter told once (a direct message: the response_url is not known after a crash).
    expect(fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U0SALES1')).toHaveLength(ids.length);

    const items = await db.db.selectFrom('items').select(['id', 'card_state', 'card_ts']).orderBy('id').execute();
    for (const item of items) {
      const card = cards.find((c) => Number(c.args.metadata.event_payload.item_id) === item.id)!;
      expect(item).toMatchObject({ card_state: 'posted', card_ts: tsOf(card) });
    }

    // A week later the outbox has nothing left to send.
    clock.advance(WEEK);
    await Promise.all([a.drain(), b.drain()]);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL)).toHaveLength(ids.length);
  });
});
