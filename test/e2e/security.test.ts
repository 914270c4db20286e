import { request } from 'node:http';
import { expect, it } from 'vitest';
import { CHANNEL, SIGNING_SECRET } from '../support/app.js';
import { describeDb, dialect } from '../support/database.js';
import { useE2E } from '../support/e2e.js';
import type { SlackCall } from '../support/fake-slack.js';
import { eventCallback, reactionEvent, sendCommand, sendEvent, sendInteraction, sendSigned } from '../support/slack-requests.js';

const opts = { secret: SIGNING_SECRET };
const now = () => Math.floor(Date.now() / 1000);

/** Everything Terrain can show to people in Slack: messages, ephemerals, response_url replies, views. */
const SHOWN = [
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'response_url',
  'views.open',
  'views.push',
  'views.update',
  'views.publish',
];
/** The parts of a call that Slack renders (mrkdwn, blocks, views). */
const rendered = (c: SlackCall): string =>
  JSON.stringify([c.args.text, c.args.blocks, c.args.attachments, c.args.view, c.args.replace_original, c.args.response_type]);

describeDb(`requests Slack did not sign, and malformed ones (${dialect})`, () => {
  const e2e = useE2E();

  const items = () => e2e.db.db.selectFrom('items').selectAll().orderBy('id').execute();

  /** Slack calls other than the bot's own auth.test (Bolt may call it at any time to learn its identity). */
  const slackCalls = () => e2e.fake.calls.filter((c) => c.method !== 'auth.test');

  /** A normal /feedback still works: the app was not knocked over by what came before. */
  const stillServes = async (text: string) => {
    const res = await sendCommand(e2e.app.url, { command: '/feedback', text, response_url: e2e.fake.responseUrl() }, opts);
    expect(res.status).toBe(200);
    expect((await items()).map((i) => i.text)).toContain(text);
    await e2e.fake.waitFor('chat.postMessage', (c) => c.args.channel === CHANNEL && JSON.stringify(c.args.blocks).includes(text));
  };

  it('refuses a bad signature with 401 and stores nothing, calls nobody', async () => {
    const res = await sendCommand(
      e2e.app.url,
      { command: '/feedback', text: 'forged feedback', response_url: e2e.fake.responseUrl() },
      {
        ...opts,
        badSignature: true,
      },
    );
    expect(res.status).toBe(401);
    const event = await sendEvent(
      e2e.app.url,
      { type: 'app_home_opened', user: 'U0SALES1', tab: 'home', event_ts: '1.000001' },
      {
        ...opts,
        badSignature: true,
      },
    );
    expect(event.status).toBe(401);
    // No signature at all.
    const unsigned = await fetch(e2e.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'command=%2Ffeedback&text=unsigned&team_id=T0001&user_id=U0SALES1',
    });
    expect(unsigned.status).toBe(401);
    await e2e.app.drain();
    expect(await items()).toHaveLength(0);
    expect(slackCalls()).toEqual([]);
  });

  it('refuses a timestamp more than five minutes old or ahead with 401, and accepts one four minutes away', async () => {
    const send = (text: string, timestamp: number) =>
      sendCommand(e2e.app.url, { command: '/feedback', text, response_url: e2e.fake.responseUrl() }, { ...opts, timestamp });

    expect((await send('replayed from the past', now() - 5 * 60 - 30)).status).toBe(401);
    expect((await send('replayed from the past, long ago', now() - 24 * 3600)).status).toBe(401);
    expect((await send('prepared for the future', now() + 5 * 60 + 30)).status).toBe(401);
    expect((await send('prepared for the far future', now() + 24 * 3600)).status).toBe(401);
    await e2e.app.drain();
    expect(await items()).toHaveLength(0);
    expect(slackCalls()).toEqual([]);

    expect((await send('four minutes old', now() - 4 * 60)).status).toBe(200);
    expect((await send('four minutes ahead', now() + 4 * 60)).status).toBe(200);
    expect((await items()).map((i) => i.text)).toEqual(['four minutes old', 'four minutes ahead']);
  });

  it('refuses a timestamp that is not a number', async () => {
    const body = 'command=%2Ffeedback&text=odd&team_id=T0001&user_id=U0SALES1';
    const res = await sendSigned(e2e.app.url, body, 'application/x-www-form-urlencoded', {
      ...opts,
      headers: { 'X-Slack-Request-Timestamp': 'yesterday' },
    });
    expect(res.status).toBe(401);
    expect(await items()).toHaveLength(0);
  });

  it('answers a signed interactivity request whose payload is not JSON with a 4xx, and keeps serving', async () => {
    const res = await sendSigned(e2e.app.url, 'payload=not-json', 'application/x-www-form-urlencoded', opts);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await stillServes('after a payload that is not JSON');
  });

  it('answers a signed body that is not JSON although it says so with a 4xx, and keeps serving', async () => {
    const res = await sendSigned(e2e.app.url, '{"type":"event_callback",', 'application/json', opts);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await stillServes('after a truncated JSON body');
  });

  it('answers a correctly signed body that is null, a list, text or a number with a 400, and keeps serving', async () => {
    // Bolt 5.1's own HTTP receiver reads `.ssl_check` of the parsed body: a signed `null` killed the process.
    for (const body of ['null', '[]', '[null]', '"event_callback"', '42', 'true']) {
      const json = await sendSigned(e2e.app.url, body, 'application/json', opts);
      expect(json.status, `JSON body ${body}`).toBe(400);
      const form = await sendSigned(e2e.app.url, `payload=${encodeURIComponent(body)}`, 'application/x-www-form-urlencoded', opts);
      expect(form.status, `payload ${body}`).toBe(400);
    }
    await stillServes('after bodies that are not objects');
  });

  it("answers Slack's url_verification with its challenge, and an ssl_check with a 200", async () => {
    const verification = await sendSigned(
      e2e.app.url,
      JSON.stringify({ token: 'verification-token', challenge: 'c-3tw1Jz', type: 'url_verification' }),
      'application/json',
      opts,
    );
    expect(verification.status).toBe(200);
    expect(verification.json).toEqual({ challenge: 'c-3tw1Jz' });
    const sslCheck = await fetch(e2e.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'ssl_check=1&token=verification-token',
    });
    expect(sslCheck.status).toBe(200);
    // An ssl_check carries nothing else: a command smuggled along with it is not run.
    const smuggled = await fetch(e2e.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'ssl_check=1&command=%2Ffeedback&text=smuggled&team_id=T0001&user_id=U0SALES1',
    });
    expect(smuggled.status).toBe(200);
    await e2e.app.drain();
    expect(await items()).toHaveLength(0);
  });

  it('answers a signed event_callback without `event` with a 4xx, never a 5xx, and keeps serving', async () => {
    const body = eventCallback({});
    delete body.event;
    const res = await sendSigned(e2e.app.url, JSON.stringify(body), 'application/json', opts);
    // Bolt cannot tell what this is: refused before it reads it.
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await stillServes('after an event_callback without an event');
  });

  it('answers a signed reaction event with no item, and one with no user, without a 5xx', async () => {
    const noItem = await sendEvent(
      e2e.app.url,
      { type: 'reaction_added', user: 'U0MKT1', reaction: '+1', event_ts: '1700000000.000001' },
      opts,
    );
    expect(noItem.status).toBeLessThan(500);
    const noUser = await sendEvent(
      e2e.app.url,
      {
        ...reactionEvent('reaction_added', { user: 'U0MKT1', reaction: '+1', channel: CHANNEL, ts: '1700000001.000100' }),
        user: undefined,
      },
      opts,
    );
    expect(noUser.status).toBeLessThan(500);
    expect(await e2e.db.db.selectFrom('vote_reactions').selectAll().execute()).toHaveLength(0);
    await stillServes('after reaction events with missing fields');
  });

  it('answers a signed interaction of an unknown shape without a 5xx, and keeps serving', async () => {
    const res = await sendInteraction(e2e.app.url, { type: 'block_actions', actions: 'nope', user: null, team: 7 }, opts);
    expect(res.status).toBeLessThan(500);
    expect(await items()).toHaveLength(0);
    await stillServes('after a malformed interaction');
  });

  it('answers a signed view submission without state at once, without a 5xx, and keeps serving', async () => {
    const started = Date.now();
    const res = await sendInteraction(
      e2e.app.url,
      {
        type: 'view_submission',
        team: { id: 'T0001' },
        user: { id: 'U0SALES1', team_id: 'T0001' },
        view: { id: 'V0BROKEN', callback_id: 'terrain_feedback_modal', private_metadata: '{not json', state: null },
      },
      opts,
    );
    const elapsed = Date.now() - started;
    expect(res.status).toBeLessThan(500);
    expect(await items()).toHaveLength(0);
    // Slack gives up after 3 seconds and shows the user an error: the answer (field errors, or a 4xx) must
    // come before, not from Bolt's "not acknowledged within 3 seconds" fallback after the listener threw.
    expect(elapsed, `answered ${res.status} after ${elapsed} ms`).toBeLessThan(3000);
    await stillServes('after a view submission without state');
  });

  it('a slash command with a crafted user id gets a friendly answer, stores nothing and pings nobody', async () => {
    for (const command of ['/feedback', '/flag', '/terrain']) {
      const res = await sendCommand(
        e2e.app.url,
        { command, text: command === '/terrain' ? 'setup' : 'crafted', user_id: 'U1><!channel>', response_url: e2e.fake.responseUrl() },
        opts,
      );
      expect(res.status).toBe(200);
      // The friendly answer comes back in the acknowledgement itself.
      expect(res.json).toMatchObject({ response_type: 'ephemeral' });
      expect(typeof res.json.text).toBe('string');
      expect(res.json.text.length).toBeGreaterThan(0);
      expect(res.text).not.toContain('<!channel>');
    }
    const teamRes = await sendCommand(
      e2e.app.url,
      { command: '/feedback', text: 'crafted team', team_id: 'T1|<!here>', response_url: e2e.fake.responseUrl() },
      opts,
    );
    expect(teamRes.status).toBe(200);
    expect(teamRes.text).not.toContain('<!here>');
    await e2e.app.drain();
    expect(await items()).toHaveLength(0);
    expect(await e2e.db.db.selectFrom('workspaces').selectAll().execute()).toHaveLength(0);
    await stillServes('after crafted user ids');
  });

  it('ids from payloads never reach mrkdwn unchecked', async () => {
    const crafted = ['U1><!channel>', 'U0SALES1|<!here>', '<!everyone>', 'U0<@U0CEO>', 'W1>&lt;!channel&gt;'];
    for (const user_id of crafted) {
      await sendCommand(
        e2e.app.url,
        { command: '/feedback', text: `feedback from ${user_id.length}`, user_id, response_url: e2e.fake.responseUrl() },
        opts,
      );
      await sendCommand(e2e.app.url, { command: '/afterwork', user_id, response_url: e2e.fake.responseUrl() }, opts);
      await sendInteraction(
        e2e.app.url,
        {
          type: 'view_submission',
          team: { id: 'T0001' },
          user: { id: user_id, team_id: 'T0001' },
          view: {
            id: `V0${crafted.indexOf(user_id)}`,
            callback_id: 'terrain_feedback_modal',
            private_metadata: JSON.stringify({ kind: 'feedback', sourceChannelId: 'C1><!channel>', sourceTs: '1700000000.000100' }),
            state: { values: { text: { value: { type: 'plain_text_input', value: 'from a modal' } } } },
          },
        },
        opts,
      );
    }
    // A genuine user, but a modal whose private_metadata was tampered with.
    await sendInteraction(
      e2e.app.url,
      {
        type: 'view_submission',
        team: { id: 'T0001' },
        user: { id: 'U0SALES1', team_id: 'T0001' },
        view: {
          id: 'V0TAMPERED',
          callback_id: 'terrain_feedback_modal',
          private_metadata: JSON.stringify({
            kind: 'feedback',
            sourceChannelId: 'C1><!channel>',
            sourceTs: '1700000000.000100',
            sourcePermalink: 'https://evil.example/|<!channel>',
          }),
          state: { values: { text: { value: { type: 'plain_text_input', value: 'tampered modal' } } } },
        },
      },
      opts,
    );
    // And a real one, whose card does mention its (valid) author.
    await sendCommand(
      e2e.app.url,
      { command: '/feedback', text: 'genuine feedback', user_id: 'U0SALES1', response_url: e2e.fake.responseUrl() },
      opts,
    );
    const genuine = await e2e.fake.waitFor('chat.postMessage', (c) => JSON.stringify(c.args.blocks).includes('genuine feedback'));
    expect(JSON.stringify(genuine.args.blocks)).toContain('<@U0SALES1>');
    await e2e.app.drain();

    const shown = e2e.fake.calls.filter((c) => SHOWN.includes(c.method));
    expect(shown.length).toBeGreaterThan(0);
    for (const call of shown) {
      const text = rendered(call);
      for (const danger of ['<!channel>', '<!here>', '<!everyone>', '<@U0CEO>', 'U1>', '|<!'])
        expect(text, call.method).not.toContain(danger);
      // Every `<` that reaches Slack opens a well-formed mention or link that Terrain made itself.
      const brackets = text.match(/<[^>]*>/g) ?? [];
      for (const b of brackets) expect(b, call.method).toMatch(/^<(@[UW][A-Z0-9]+|#[CG][A-Z0-9]+|https?:\/\/[^\s<>|]+(\|[^<>]*)?)>$/);
    }
    // Only the genuine items were stored, without the tampered source.
    const stored = await items();
    expect(stored.map((i) => [i.author_id, i.text])).toEqual([
      ['U0SALES1', 'tampered modal'],
      ['U0SALES1', 'genuine feedback'],
    ]);
    expect(stored[0]).toMatchObject({ source_channel_id: null, source_permalink: null });
  });

  it('GET /healthz answers 200 with JSON', async () => {
    const res = await fetch(`${e2e.app.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('unknown paths and methods get a 4xx, not a 5xx', async () => {
    const unknown = await fetch(`${e2e.app.baseUrl}/admin`);
    expect(unknown.status).toBeGreaterThanOrEqual(400);
    expect(unknown.status).toBeLessThan(500);
    const getEvents = await fetch(e2e.app.url);
    expect(getEvents.status).toBeGreaterThanOrEqual(400);
    expect(getEvents.status).toBeLessThan(500);
    // A path no URL parser accepts (fetch would normalise it: sent as is).
    const { port } = new URL(e2e.app.baseUrl);
    const malformed = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '//[', method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(malformed).toBe(400);
    await stillServes('after unknown paths');
  });
});
