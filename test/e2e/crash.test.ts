import { afterEach, beforeEach, expect, it } from 'vitest';
import { SIGNING_SECRET } from '../support/app.js';
import { createTestDatabase, describeDb, dialect, type TestDatabase } from '../support/database.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { unrelatedTexts } from '../support/fixtures.js';
import { freePort, startProcess, waitForHealth } from '../support/process.js';
import { sendCommand } from '../support/slack-requests.js';

const CHANNEL = 'C0TERRAIN';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The real bot process killed with SIGKILL while cards are in flight (Slack answering late), then
 * started again: every acknowledged item gets its card, once, within 30 s of the restart.
 */
describeDb(`a crash while cards are in flight (${dialect})`, () => {
  let db: TestDatabase;
  let fake: FakeSlack;
  const processes: Array<ReturnType<typeof startProcess>> = [];

  beforeEach(async () => {
    db = await createTestDatabase();
    fake = await startFakeSlack();
  });
  afterEach(async () => {
    for (const p of processes.splice(0)) p.child.kill('SIGKILL');
    await fake.close();
    await db.drop();
  });

  const boot = async () => {
    const port = await freePort();
    const running = startProcess({
      SLACK_BOT_TOKEN: 'xoxb-crash-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      DATABASE_URL: db.url,
      TERRAIN_CHANNEL: CHANNEL,
      LOG_LEVEL: 'error',
    });
    processes.push(running);
    expect((await waitForHealth(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    return { running, url: `http://127.0.0.1:${port}/slack/events` };
  };

  it('SIGKILL with chat.postMessage answering late: after the restart every acknowledged item has one card', async () => {
    // Fault: the channel's chat.postMessage answers after 1.5 s (Slack still takes the message), and the
    // process is killed while some of those calls are in flight.
    let slow = true;
    let arrived = 0;
    fake.on('chat.postMessage', async (args) => {
      if (args.channel !== CHANNEL) return undefined;
      arrived++;
      if (slow) await sleep(1_500);
      return undefined;
    });
    const first = await boot();
    const texts = unrelatedTexts(12);
    const answers = await Promise.all(
      texts.map((text) =>
        sendCommand(first.url, { command: '/feedback', text, response_url: fake.responseUrl(text) }, { secret: SIGNING_SECRET }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(texts.map(() => 200));
    // Every submitter was thanked in the acknowledgement, before any card went out.
    expect(answers.every((a) => a.json.text.includes('its card goes up'))).toBe(true);
    while (arrived < 2) await sleep(10);
    first.running.child.kill('SIGKILL');
    await first.running.exit;
    const stored = await db.db.selectFrom('items').select(['id', 'text']).orderBy('id').execute();
    expect(stored.map((i) => i.text).sort()).toEqual([...texts].sort()); // acknowledged means stored
    await sleep(1_600); // the calls in flight land in Slack, unseen by the dead process
    const beforeRestart = fake.messages(CHANNEL).length;
    expect(beforeRestart).toBeGreaterThanOrEqual(2);
    expect(beforeRestart).toBeLessThan(texts.length);

    slow = false;
    const restartedAt = Date.now();
    await boot();
    const cardIds = () =>
      fake
        .messages(CHANNEL)
        .filter((m) => m.metadata?.event_type === 'terrain_item_card')
        .map((m) => Number(m.metadata.event_payload.item_id));
    const unsent = async () =>
      (await db.db.selectFrom('outbox').select('state').where('kind', '=', 'item_card').execute()).filter((m) => m.state !== 'sent').length;
    // Cards never claimed go out at once; the ones the dead process held, once its lease (15 s) runs out.
    while (new Set(cardIds()).size < stored.length || (await unsent()) > 0) {
      expect(Date.now() - restartedAt).toBeLessThan(30_000);
      await sleep(100);
    }
    const recoveredInMs = Date.now() - restartedAt;
    await sleep(2_500); // more polls: nothing else goes out
    expect(cardIds().sort((a, b) => a - b)).toEqual(stored.map((i) => i.id));
    expect(recoveredInMs).toBeLessThan(30_000);
    // The cards that had reached Slack were looked for, not posted again.
    expect(fake.callsTo('conversations.history').length).toBeGreaterThanOrEqual(1);
    const items = await db.db.selectFrom('items').select('card_state').execute();
    expect(items.every((i) => i.card_state === 'posted')).toBe(true);
    // Nothing more to tell them: no second confirmation after the restart.
    expect(fake.callsTo('response_url')).toHaveLength(0);
  }, 60_000);
});
