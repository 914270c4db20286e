import { afterEach, beforeEach, expect, it } from 'vitest';
import { enqueue } from '../../db/outbox.js';
import { noticeWithText } from '../../src/blocks/messages.js';
import { cardKey, enqueueCardUpdate } from '../../src/services/cards.js';
import { enqueuePost } from '../../src/services/posts.js';
import { CHANNEL, SIGNING_SECRET, startTestApp, TEAM, type TestApp } from '../support/app.js';
import { runCliCaptured } from '../support/cli.js';
import { createTestDatabase, describeDb, dialect, type TestDatabase } from '../support/database.js';
import { type FakeSlack, type SlackCall, startFakeSlack } from '../support/fake-slack.js';
import { unrelatedTexts } from '../support/fixtures.js';
import { outboxRows } from '../support/outbox.js';
import { sendCommand } from '../support/slack-requests.js';

const opts = { secret: SIGNING_SECRET };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds (the app records outcomes right after Slack answers). */
async function until(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}

/**
 * The outbox end to end: what the app queues with a stored change reaches Slack once, whatever Slack
 * answers (429, 5xx, late, a refusal) and however many replicas send it.
 */
describeDb(`the outbox (${dialect})`, () => {
  let db: TestDatabase;
  let fake: FakeSlack;
  let apps: TestApp[] = [];

  beforeEach(async () => {
    db = await createTestDatabase();
    fake = await startFakeSlack();
    apps = [];
  });
  afterEach(async () => {
    for (const app of apps) await app.stop();
    await fake.close();
    await db.drop();
  });

  const start = async (options: { instanceId?: string; leaseMs?: number; pollMs?: number } = {}) => {
    const app = await startTestApp({
      db,
      fake,
      ...(options.instanceId ? { instanceId: options.instanceId } : {}),
      outbox: { leaseMs: options.leaseMs ?? 15_000, pollMs: options.pollMs ?? 2_000 },
    });
    apps.push(app);
    return app;
  };

  const file = (app: TestApp, text: string, id = text) =>
    sendCommand(app.url, { command: '/feedback', text, response_url: fake.responseUrl(id) }, opts);

  /** The card posts Slack took (answered 200 with a ts), by item id. */
  const cardPosts = (): SlackCall[] =>
    fake
      .callsTo('chat.postMessage')
      .filter((c) => c.status === 200 && (c.response as { ok?: boolean })?.ok && c.args.metadata?.event_type === 'terrain_item_card');
  const cardsInChannel = () => fake.messages(CHANNEL).filter((m) => m.metadata?.event_type === 'terrain_item_card');
  const itemIdOf = (c: SlackCall) => Number(c.args.metadata.event_payload.item_id);

  it('a card is sent right after the commit, not on the next poll', async () => {
    // Fault: none; the poll is made too slow to be the one sending (a minute).
    const app = await start({ pollMs: 60_000 });
    const res = await file(app, 'Buyers ask for SSO');
    expect(res.status).toBe(200);
    // The filer was thanked in the acknowledgement: the card is all that is left to send.
    expect(res.json.text).toContain('its card goes up');
    const card = await fake.waitFor('chat.postMessage', (c) => c.args.channel === CHANNEL, 2_000);
    expect(card.args.text).toContain('Buyers ask for SSO');
    await app.drain();
    const rows = await outboxRows(db.db);
    expect(rows.map((m) => [m.kind, m.state, m.attempts])).toEqual([['item_card', 'sent', 1]]);
    expect(fake.callsTo('response_url')).toHaveLength(0);
    expect(JSON.parse(rows[0]!.result!)).toEqual({ channel: CHANNEL, ts: (card.response as { ts: string }).ts });
  });

  it('a 429 whose Retry-After outlasts the lease: the card is posted once, even with a second replica polling', async () => {
    // Fault: chat.postMessage answers 429 with Retry-After 2 s; the lease is 0.5 s and both replicas poll every 100 ms.
    fake.rateLimit('chat.postMessage', 2, 1);
    const a = await start({ instanceId: 'replica-a', leaseMs: 500, pollMs: 100 });
    await start({ instanceId: 'replica-b', leaseMs: 500, pollMs: 100 });
    expect((await file(a, 'Rate limited but kept')).status).toBe(200);
    await fake.waitFor('chat.postMessage', (c) => c.rateLimited === true);
    await until(async () => (await outboxRows(db.db))[0]?.last_error === 'ratelimited');
    const [row] = await outboxRows(db.db);
    expect(row).toMatchObject({ state: 'pending', last_error: 'ratelimited', lease_owner: null, uncertain: 0 });
    await until(async () => (await outboxRows(db.db))[0]?.state === 'sent', 6_000);
    await sleep(600); // several more polls on both replicas
    expect(cardPosts()).toHaveLength(1);
    expect(cardsInChannel()).toHaveLength(1);
    const posted = cardPosts()[0]!;
    // Not before Slack said it could take it again.
    expect(posted.at - fake.callsTo('chat.postMessage').find((c) => c.rateLimited)!.at).toBeGreaterThanOrEqual(1_900);
  });

  it('Slack answering later than the lease: the sender renews its lease and no second replica sends it', async () => {
    // Fault: chat.postMessage to the channel answers after 2 s; the lease is 0.6 s (renewed every 0.2 s).
    fake.on('chat.postMessage', async (args) => {
      if (args.channel === CHANNEL) await sleep(2_000);
      return undefined;
    });
    const a = await start({ instanceId: 'replica-a', leaseMs: 600, pollMs: 100 });
    const b = await start({ instanceId: 'replica-b', leaseMs: 600, pollMs: 100 });
    expect((await file(a, 'Slow but once')).status).toBe(200);
    await sleep(1_000);
    const [held] = await outboxRows(db.db);
    expect(held).toMatchObject({ state: 'pending', lease_owner: 'replica-a', attempts: 1 });
    expect(Date.parse(held!.lease_until!)).toBeGreaterThan(Date.now());
    await until(async () => (await outboxRows(db.db))[0]?.state === 'sent', 6_000);
    await Promise.all([a.drain(), b.drain()]);
    expect(cardPosts()).toHaveLength(1);
    expect(fake.callsTo('conversations.history')).toHaveLength(0); // nobody had to wonder
  });

  it('a 500 may have posted the card: the next attempt looks in the channel before posting, and posts once', async () => {
    // Fault: the first chat.postMessage answers HTTP 500.
    let failures = 1;
    fake.on('chat.postMessage', () => (failures-- > 0 ? { status: 500, body: { ok: false, error: 'internal_error' } } : undefined));
    const app = await start({ pollMs: 100 });
    await file(app, 'Retried after a 500');
    await until(async () => (await outboxRows(db.db))[0]?.state === 'sent', 8_000);
    const [card] = await outboxRows(db.db);
    expect(card).toMatchObject({ kind: 'item_card', state: 'sent', attempts: 2 });
    expect(fake.callsTo('conversations.history')).toHaveLength(1);
    expect(cardPosts()).toHaveLength(1);
  });

  it('a refused channel is recorded with its reason, the author gets their text back, and `outbox --retry` sends it once fixed', async () => {
    // Fault: Slack answers channel_not_found for the shared channel.
    let refuse = true;
    fake.on('chat.postMessage', (args) => (refuse && args.channel === CHANNEL ? { ok: false, error: 'channel_not_found' } : undefined));
    const app = await start();
    await file(app, 'A need nobody will lose', 'refused');
    const told = await fake.waitFor('response_url', (c) => c.args._id === 'refused');
    expect(told.args.text).toContain('A need nobody will lose');
    expect(told.args.text).toContain('/invite @Terrain');
    await app.drain();
    const card = (await outboxRows(db.db)).find((m) => m.kind === 'item_card')!;
    expect(card).toMatchObject({ state: 'failed', last_error: 'channel_not_found', attempts: 1 });
    expect(await db.db.selectFrom('items').select('card_state').executeTakeFirstOrThrow()).toEqual({ card_state: 'blocked' });

    const env = {
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      DATABASE_URL: db.url,
      TERRAIN_CHANNEL: CHANNEL,
    };
    const listed = await runCliCaptured(['outbox'], env);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(new RegExp(`^${card.id}\\s+failed\\s+item_card\\s+${cardKey(1)}\\s+1\\s+channel_not_found`, 'm'));

    refuse = false;
    const retried = await runCliCaptured(['outbox', '--retry', String(card.id)], env);
    expect(retried.err).toBe('');
    expect(retried.out).toContain(`Sent message ${card.id}`);
    expect(retried.code).toBe(0);
    expect(cardPosts()).toHaveLength(1);
    expect(await db.db.selectFrom('items').select('card_state').executeTakeFirstOrThrow()).toEqual({ card_state: 'posted' });
    const again = await runCliCaptured(['outbox', '--retry', String(card.id)], env);
    expect(again.out).toContain('already sent');
    expect(cardPosts()).toHaveLength(1);
    expect((await runCliCaptured(['outbox', '--retry', 'abc'], env)).code).toBe(2);
  });

  it('two replicas dispatching one outbox: every card once, every filer thanked once', async () => {
    // Fault: none but concurrency; filings alternate between replicas, all at once.
    const a = await start({ instanceId: 'replica-a', pollMs: 50 });
    const b = await start({ instanceId: 'replica-b', pollMs: 50 });
    const texts = unrelatedTexts(24);
    const answers = await Promise.all(texts.map((text, n) => file(n % 2 === 0 ? a : b, text)));
    expect(answers.every((r) => r.status === 200 && r.json.text.includes('its card goes up'))).toBe(true);
    await until(async () => (await outboxRows(db.db)).filter((m) => m.state === 'sent').length === texts.length, 8_000);
    await Promise.all([a.drain(), b.drain()]);
    const ids = cardPosts().map(itemIdOf);
    expect(ids.sort((x, y) => x - y)).toEqual(Array.from({ length: texts.length }, (_, n) => n + 1));
    expect(fake.callsTo('response_url')).toHaveLength(0);
    const rows = await outboxRows(db.db);
    expect(rows.map((m) => [m.kind, m.state])).toEqual(texts.map(() => ['item_card', 'sent']));
    expect(rows.every((m) => m.attempts === 1)).toBe(true);
  });

  it('a channel message queued twice under one key is sent once; an uncertain one already in the channel is found, not doubled', async () => {
    const app = await start({ pollMs: 100 });
    const now = new Date();
    const content = noticeWithText('Thread credit', '<!channel> should never ping');
    await db.db.transaction().execute(async (trx) => {
      expect(await enqueuePost(trx, { teamId: TEAM, key: 'credit:1', channel: CHANNEL, content }, now)).toBe(true);
      expect(await enqueuePost(trx, { teamId: TEAM, key: 'credit:1', channel: CHANNEL, content }, now)).toBe(false);
    });
    app.outbox.kick();
    await app.drain();
    const posts = fake.callsTo('chat.postMessage').filter((c) => c.args.metadata?.event_type === 'terrain_message');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args.metadata.event_payload).toEqual({ key: 'credit:1', team_id: TEAM });
    expect(JSON.stringify(posts[0]!.args.blocks)).not.toContain('<!channel>');

    // A crash mid-send of another message, which did reach Slack.
    const ts = `${Math.floor(Date.now() / 1000)}.000200`;
    fake.seedMessage(CHANNEL, {
      ts,
      text: 'Thread credit',
      metadata: { event_type: 'terrain_message', event_payload: { key: 'credit:2', team_id: TEAM } },
    });
    await enqueue(db.db, { teamId: TEAM, key: 'credit:2', kind: 'post', payload: { channel: CHANNEL, content } }, now);
    await db.db.updateTable('outbox').set({ uncertain: 1, attempts: 1 }).where('key', '=', 'credit:2').execute();
    app.outbox.kick();
    await app.drain();
    expect(fake.callsTo('chat.postMessage').filter((c) => c.args.metadata?.event_type === 'terrain_message')).toHaveLength(1);
    const found = (await outboxRows(db.db)).find((m) => m.key === 'credit:2')!;
    expect(found).toMatchObject({ state: 'sent' });
    expect(JSON.parse(found.result!)).toEqual({ channel: CHANNEL, ts });
  });

  it('a card update is sent as chat.update of the posted card, rendered as the item then is; none for a card not posted yet', async () => {
    const app = await start({ pollMs: 100 });
    await file(app, 'Update me', 'u');
    await app.drain();
    const card = cardPosts()[0]!;
    await db.db.updateTable('items').set({ text: 'Updated text' }).execute();
    await db.db.transaction().execute(async (trx) => {
      expect(await enqueueCardUpdate(trx, { teamId: TEAM, itemId: 1, because: 'status:1' }, new Date())).toBe(true);
      expect(await enqueueCardUpdate(trx, { teamId: TEAM, itemId: 1, because: 'status:1' }, new Date())).toBe(false);
    });
    app.outbox.kick();
    await app.drain();
    const updates = fake.callsTo('chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.args).toMatchObject({ channel: CHANNEL, ts: (card.response as { ts: string }).ts });
    expect(JSON.stringify(updates[0]!.args.blocks)).toContain('Updated text');

    // An item whose card is still waiting for its channel: nothing to update, and nothing lost.
    await db.db.updateTable('items').set({ card_state: 'blocked' }).execute();
    await db.db.transaction().execute((trx) => enqueueCardUpdate(trx, { teamId: TEAM, itemId: 1, because: 'status:2' }, new Date()));
    app.outbox.kick();
    await app.drain();
    expect(fake.callsTo('chat.update')).toHaveLength(1);
    const skipped = (await outboxRows(db.db)).find((m) => m.key === 'card-update:1:status:2')!;
    expect(skipped).toMatchObject({ state: 'sent', result: '{"skipped":"card_not_posted"}' });
  });
});
