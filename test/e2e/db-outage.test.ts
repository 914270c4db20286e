import { beforeEach, expect, it } from 'vitest';
import { countVotes } from '../../db/votes.js';
import { buildItemModal } from '../../src/blocks/modals.js';
import { messages } from '../../src/i18n/index.js';
import { CHANNEL, SIGNING_SECRET } from '../support/app.js';
import { describeDb, dialect, OUTAGE, startOutage } from '../support/database.js';
import { useE2E } from '../support/e2e.js';
import { commandFields, eventCallback, reactionEvent, sendCommand, sendEvent, sendInteraction } from '../support/slack-requests.js';

/**
 * The database unavailable for a few seconds (PostgreSQL refusing connections, its sessions terminated;
 * SQLite locked by another connection), while Slack keeps sending: nothing acknowledged is lost, nothing
 * typed is lost, every answer comes within Slack's 3 seconds, `/healthz` says so, and everything works
 * again once the database is back, without a restart.
 */

const opts = { secret: SIGNING_SECRET };
const SLACK_TIMEOUT_MS = 3000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const en = messages('en');
const fr = messages('fr');

/** Sends a request and measures how long its answer took, as Slack would. */
async function timed<T>(send: () => Promise<T>): Promise<{ res: T; ms: number }> {
  const started = Date.now();
  const res = await send();
  return { res, ms: Date.now() - started };
}

const figures = (label: string, data: Record<string, unknown>) => console.info(`[${dialect}] ${label}: ${JSON.stringify(data)}`);

describeDb(`the database unavailable for a few seconds (${dialect})`, () => {
  const e2e = useE2E();

  const base = Math.floor(Date.now() / 1000);
  let seq = 0;
  const nextEventTs = (): string => `${base}.${String(++seq).padStart(6, '0')}`;

  const fileCard = async (text: string): Promise<{ itemId: number; ts: string }> => {
    const res = await sendCommand(e2e.app.url, { command: '/feedback', text, response_url: e2e.fake.responseUrl() }, opts);
    expect(res.status).toBe(200);
    const post = await e2e.fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === CHANNEL && JSON.stringify(c.args.blocks).includes(text),
    );
    await e2e.app.drain();
    const ts = (post.response as { ts: string }).ts;
    const item = await e2e.db.db.selectFrom('items').select('id').where('card_ts', '=', ts).executeTakeFirstOrThrow();
    return { itemId: item.id, ts };
  };

  const health = async () => (await fetch(`${e2e.app.baseUrl}/healthz`)).status;

  it(`votes while ${OUTAGE}: none acknowledged and lost; those refused are counted once when Slack delivers them again`, async () => {
    const { itemId, ts } = await fileCard('Retail customers want offline mode');
    const voters = Array.from({ length: 20 }, (_, i) => `U0VOTER${String(i).padStart(2, '0')}`);
    const votes = voters.map((user) => ({
      user,
      eventId: `Ev0${user}`,
      event: reactionEvent('reaction_added', { user, reaction: '+1', channel: CHANNEL, ts, eventTs: nextEventTs() }),
    }));

    // Slack sends the votes as people react, one every fifth of a second for four seconds; the database is
    // down for the first three.
    const outage = await startOutage(e2e.db);
    const back = sleep(3000).then(() => outage.end());
    let answers: Array<{ status: number; ms: number }>;
    let healthDuring: number | undefined;
    try {
      [answers] = await Promise.all([
        Promise.all(
          votes.map(async (v, i) => {
            await sleep(i * 200);
            const { res, ms } = await timed(() => sendEvent(e2e.app.url, v.event, { ...opts, eventId: v.eventId }));
            return { status: res.status, ms };
          }),
        ),
        sleep(1500).then(async () => {
          healthDuring = await health();
        }),
      ]);
    } finally {
      await back;
    }

    const acknowledged = votes.filter((_, i) => answers[i]!.status < 300);
    const refused = votes.filter((_, i) => answers[i]!.status >= 300);
    figures('votes during the outage', {
      answered2xx: acknowledged.length,
      answeredNon2xx: refused.length,
      statuses: [...new Set(answers.map((a) => a.status))],
      maxAnswerMs: Math.max(...answers.map((a) => a.ms)),
      medianAnswerMs: answers.map((a) => a.ms).sort((a, b) => a - b)[10],
      statusInOrder: answers.map((a) => a.status).join(' '),
    });
    for (const a of answers) {
      expect(a.ms, `answered ${a.status} after ${a.ms} ms`).toBeLessThan(SLACK_TIMEOUT_MS);
      expect([200, 503]).toContain(a.status);
    }
    expect(refused.length, 'the outage refused the votes sent during it').toBeGreaterThan(0);
    expect(acknowledged.length, 'the votes sent once the database was back were stored at once').toBeGreaterThan(0);
    expect(healthDuring).toBe(503);

    // Every vote acknowledged is stored.
    const stored = async () =>
      (await e2e.db.db.selectFrom('vote_reactions').select('user_id').where('item_id', '=', itemId).where('active', '=', 1).execute()).map(
        (r) => r.user_id,
      );
    const afterOutage = await stored();
    for (const v of acknowledged) expect(afterOutage, `${v.user} was answered 200`).toContain(v.user);

    // Slack delivers the refused ones again (same event id, X-Slack-Retry-Num: 1): stored now, counted once.
    for (const v of refused) {
      const { res, ms } = await timed(() =>
        sendEvent(e2e.app.url, v.event, { ...opts, eventId: v.eventId, retryNum: 1, retryReason: 'http_error' }),
      );
      expect(res.status).toBe(200);
      expect(ms).toBeLessThan(SLACK_TIMEOUT_MS);
    }
    // A second redelivery of an acknowledged vote changes nothing either.
    if (acknowledged[0]) {
      const again = await sendEvent(e2e.app.url, acknowledged[0].event, { ...opts, eventId: acknowledged[0].eventId, retryNum: 1 });
      expect(again.status).toBe(200);
    }
    expect((await stored()).sort()).toEqual(voters);
    expect(await countVotes(e2e.db.db, itemId)).toBe(20);
    figures('votes after redelivery', { stored: (await stored()).length, counted: await countVotes(e2e.db.db, itemId) });
    expect(await health()).toBe(200);
  });

  it(`/feedback while ${OUTAGE}: every text is stored or given back in the answer, in the person's language, within 3 s`, async () => {
    e2e.fake.setUser('U0FR1', { locale: 'fr-FR' });
    const senders = ['U0SALES1', 'U0SALES2', 'U0FR1', 'U0SALES3', 'U0SALES4'];
    const texts = senders.map((user, i) => `Field note ${i} from ${user}: they want <exports> & SSO`);
    const outage = await startOutage(e2e.db);
    let answers: Array<{ status: number; ms: number; json: any }>;
    try {
      // Two at the same moment, then the others.
      answers = await Promise.all(
        senders.map(async (user, i) => {
          await sleep(i < 2 ? 0 : i * 200);
          const { res, ms } = await timed(() =>
            sendCommand(e2e.app.url, { command: '/feedback', text: texts[i], user_id: user, response_url: e2e.fake.responseUrl() }, opts),
          );
          return { status: res.status, ms, json: res.json };
        }),
      );
    } finally {
      await outage.end();
    }
    await e2e.app.drain();

    const storedTexts = (await e2e.db.db.selectFrom('items').select('text').execute()).map((r) => r.text);
    let givenBack = 0;
    answers.forEach((a, i) => {
      expect(a.status).toBe(200);
      expect(a.ms, `answered after ${a.ms} ms`).toBeLessThan(SLACK_TIMEOUT_MS);
      if (storedTexts.includes(texts[i]!)) return;
      givenBack++;
      expect(a.json, `answer to ${senders[i]}`).toMatchObject({ response_type: 'ephemeral' });
      const shown = JSON.stringify(a.json);
      expect(shown).toContain(texts[i]!.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
      const t = senders[i] === 'U0FR1' ? fr : en;
      expect(shown).toContain(t.failure.notSaved.slice(0, 30));
    });
    figures('/feedback during the outage', {
      sent: texts.length,
      givenBack,
      stored: texts.length - givenBack,
      maxAnswerMs: Math.max(...answers.map((a) => a.ms)),
    });
    expect(givenBack, 'the outage refused some').toBeGreaterThan(0);

    // Once the database is back, the same command is stored and its card posted.
    const after = await sendCommand(
      e2e.app.url,
      { command: '/feedback', text: 'After the outage', response_url: e2e.fake.responseUrl() },
      opts,
    );
    expect(after.status).toBe(200);
    await e2e.fake.waitFor('chat.postMessage', (c) => JSON.stringify(c.args.blocks).includes('After the outage'));
  });

  it(`a modal submitted while ${OUTAGE} stays open with its text and says why; submitted again afterwards, it is stored once`, async () => {
    const meta = { kind: 'feedback' as const, locale: 'fr' };
    const view = buildItemModal(fr, meta, 'EUR');
    const submission = {
      type: 'view_submission',
      team: { id: 'T0001' },
      user: { id: 'U0SALES1', team_id: 'T0001' },
      view: {
        ...view,
        id: 'V0OUTAGE',
        private_metadata: JSON.stringify(meta),
        state: { values: { text: { value: { type: 'plain_text_input', value: 'Pricing page confuses buyers' } } } },
      },
    };
    const outage = await startOutage(e2e.db);
    let during: { res: Awaited<ReturnType<typeof sendInteraction>>; ms: number };
    try {
      during = await timed(() => sendInteraction(e2e.app.url, submission, opts));
    } finally {
      await outage.end();
    }
    expect(during.ms).toBeLessThan(SLACK_TIMEOUT_MS);
    expect(during.res.status).toBe(200);
    expect(during.res.json).toEqual({ response_action: 'errors', errors: { category: fr.failure.notSavedModal } });
    figures('modal submission during the outage', { status: during.res.status, answerMs: during.ms, answer: 'errors on the first input' });
    expect(await e2e.db.db.selectFrom('items').selectAll().execute()).toHaveLength(0);

    // The person presses Send again once the database is back: stored, once, and the modal closes.
    const again = await sendInteraction(e2e.app.url, submission, opts);
    expect(again.status).toBe(200);
    expect(again.text).toBe('');
    await sendInteraction(e2e.app.url, submission, opts);
    const items = await e2e.db.db.selectFrom('items').select(['text', 'client_key']).execute();
    expect(items).toEqual([{ text: 'Pricing page confuses buyers', client_key: 'view:V0OUTAGE' }]);
  });

  it(`/healthz says 503 while ${OUTAGE} and 200 once it ends, without a restart`, async () => {
    expect(await health()).toBe(200);
    const outage = await startOutage(e2e.db);
    try {
      const { res, ms } = await timed(() => fetch(`${e2e.app.baseUrl}/healthz`));
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', database: 'unavailable' });
      expect(ms).toBeLessThan(SLACK_TIMEOUT_MS);
    } finally {
      await outage.end();
    }
    expect(await health()).toBe(200);
  });
});

describeDb(`Socket Mode with the database unavailable (${dialect})`, () => {
  const e2e = useE2E({ socketMode: true });
  beforeEach(() => e2e.fake.socket.waitForConnection());

  it(`a reaction whose vote cannot be stored (${OUTAGE}) is not acknowledged, and is counted when Slack sends it again`, async () => {
    await e2e.fake.socket.send(
      'slash_commands',
      commandFields({ command: '/feedback', text: 'Need SSO', response_url: e2e.fake.responseUrl() }),
    );
    const post = await e2e.fake.waitFor('chat.postMessage', (c) => c.args.channel === CHANNEL);
    await e2e.app.drain();
    const ts = (post.response as { ts: string }).ts;
    const item = await e2e.db.db.selectFrom('items').select('id').where('card_ts', '=', ts).executeTakeFirstOrThrow();
    const payload = eventCallback(
      reactionEvent('reaction_added', {
        user: 'U0MKT1',
        reaction: '+1',
        channel: CHANNEL,
        ts,
        eventTs: `${Math.floor(Date.now() / 1000)}.000100`,
      }),
    );

    const outage = await startOutage(e2e.db);
    let unacked: unknown;
    let commandAck: { envelope_id: string; payload?: unknown } | undefined;
    try {
      unacked = await e2e.fake.socket.send('events_api', payload, { timeoutMs: SLACK_TIMEOUT_MS }).then(
        () => undefined,
        (error: unknown) => error,
      );
      commandAck = await e2e.fake.socket.send(
        'slash_commands',
        commandFields({ command: '/feedback', text: 'Said during the outage', response_url: e2e.fake.responseUrl() }),
        { timeoutMs: SLACK_TIMEOUT_MS },
      );
    } finally {
      await outage.end();
    }
    expect(String(unacked)).toMatch(/no ack for events_api envelope/);
    const sent = e2e.fake.socket.envelopes.filter((e) => e.type === 'events_api');
    expect(sent).toHaveLength(1);
    expect(e2e.fake.socket.acks.map((a) => a.envelope_id)).not.toContain(sent[0]!.envelope_id);
    // The command got its text back in its acknowledgement.
    expect(commandAck?.payload).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(commandAck?.payload)).toContain('Said during the outage');

    // Slack sends the envelope again: acknowledged once stored, counted once.
    const retried = await e2e.fake.socket.send('events_api', payload, { retryAttempt: 1, retryReason: 'timeout' });
    expect(retried.envelope_id).toBeTruthy();
    expect(await countVotes(e2e.db.db, item.id)).toBe(1);
    expect((await fetch(`${e2e.app.baseUrl}/healthz`)).status).toBe(200);
  });
});
