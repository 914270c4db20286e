import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isValidSlackRequest } from '@slack/bolt';
import { LogLevel, SocketModeClient } from '@slack/socket-mode';
import { ErrorCode, WebClient, LogLevel as WebLogLevel } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareTs, type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { eventCallback, reactionEvent, sendCommand, sendEvent, sendInteraction, signature } from '../support/slack-requests.js';

describe('fake Slack Web API', () => {
  let fake: FakeSlack;
  let web: WebClient;

  beforeEach(async () => {
    fake = await startFakeSlack();
    web = new WebClient('xoxb-test', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logLevel: WebLogLevel.ERROR,
    });
  });

  afterEach(async () => {
    await fake.close();
  });

  it('stores posted messages and returns them from conversations.history, metadata only on request', async () => {
    const first = await web.chat.postMessage({
      channel: 'C0TERRAIN',
      text: 'Field feedback',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Field feedback*' } }],
      metadata: { event_type: 'terrain_item', event_payload: { item_id: 42 } },
    });
    const second = await web.chat.postMessage({ channel: 'C0TERRAIN', text: 'Second' });
    const reply = await web.chat.postMessage({ channel: 'C0TERRAIN', text: 'In thread', thread_ts: first.ts });

    expect(first.ok).toBe(true);
    expect(first.channel).toBe('C0TERRAIN');
    // Like Slack's, a ts is the time the message was posted, unique and increasing.
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Math.abs(Number(first.ts) - Date.now() / 1000)).toBeLessThan(5);
    expect(compareTs(second.ts!, first.ts!)).toBe(1);
    expect(first.message?.bot_id).toBe('BBOT');

    // Form fields were decoded back into objects, and the token arrived in the Authorization header.
    const call = fake.callsTo('chat.postMessage')[0]!;
    expect(call.args.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: '*Field feedback*' } }]);
    expect(call.args.metadata).toEqual({ event_type: 'terrain_item', event_payload: { item_id: 42 } });
    expect(call.headers.authorization).toBe('Bearer xoxb-test');

    expect(fake.messages('C0TERRAIN').map((m) => m.text)).toEqual(['Field feedback', 'Second', 'In thread']);
    expect(fake.messages('C0TERRAIN')[2]!.thread_ts).toBe(first.ts);

    const withMeta = await web.conversations.history({ channel: 'C0TERRAIN', include_all_metadata: true });
    // Newest first; thread replies stay in the thread, like on Slack.
    expect(withMeta.messages?.map((m) => m.ts)).toEqual([second.ts, first.ts]);
    expect(withMeta.messages?.[1]?.metadata).toEqual({ event_type: 'terrain_item', event_payload: { item_id: 42 } });
    expect(withMeta.messages?.[1]?.reply_count).toBe(1);

    const withoutMeta = await web.conversations.history({ channel: 'C0TERRAIN', limit: 1 });
    expect(withoutMeta.messages).toHaveLength(1);
    expect(withoutMeta.messages?.[0]?.ts).toBe(second.ts);
    const older = await web.conversations.history({ channel: 'C0TERRAIN', latest: second.ts! });
    expect(older.messages?.map((m) => m.ts)).toEqual([first.ts]);
    expect(older.messages?.[0]?.metadata).toBeUndefined();

    const replies = await web.conversations.replies({ channel: 'C0TERRAIN', ts: first.ts! });
    expect(replies.messages?.map((m) => m.ts)).toEqual([first.ts, reply.ts]);

    const updated = await web.chat.update({ channel: 'C0TERRAIN', ts: second.ts!, text: 'Second, edited' });
    expect(updated.text).toBe('Second, edited');
    expect(fake.messages('C0TERRAIN')[1]!.text).toBe('Second, edited');
  });

  it('surfaces a 429 as a rate-limited error carrying retryAfter, then answers normally', async () => {
    fake.rateLimit('chat.postMessage', 7);

    const error = await web.chat.postMessage({ channel: 'C1', text: 'hi' }).then(
      () => undefined,
      (e: unknown) => e as { code?: string; retryAfter?: number },
    );
    expect(error?.code).toBe(ErrorCode.RateLimitedError);
    expect(error?.retryAfter).toBe(7);

    const limited = fake.callsTo('chat.postMessage');
    expect(limited).toHaveLength(1);
    expect(limited[0]!.rateLimited).toBe(true);
    expect(limited[0]!.args.text).toBe('hi');
    expect(fake.messages('C1')).toHaveLength(0);

    const ok = await web.chat.postMessage({ channel: 'C1', text: 'hi again' });
    expect(ok.ok).toBe(true);
    expect(fake.messages('C1').map((m) => m.text)).toEqual(['hi again']);
  });

  it('supports overrides, users.info defaults, unknown methods, response_url and waitFor', async () => {
    fake.on('conversations.join', () => ({ error: 'is_archived' }));
    await expect(web.conversations.join({ channel: 'C2' })).rejects.toMatchObject({
      data: { ok: false, error: 'is_archived' },
    });

    fake.setUser('U0FR', { locale: 'fr-FR' });
    const fr = await web.users.info({ user: 'U0FR', include_locale: true });
    expect(fr.user?.locale).toBe('fr-FR');
    expect(fr.user?.tz).toBe('Europe/Paris');
    const noLocale = await web.users.info({ user: 'U0OTHER' });
    expect(noLocale.user?.locale).toBeUndefined();
    expect(noLocale.user).toMatchObject({ is_admin: false, is_owner: false, is_primary_owner: false });
    fake.setUser('U0OWNER', { is_owner: true, is_primary_owner: true });
    fake.setUser('U0ADMIN', { is_admin: true });
    expect((await web.users.info({ user: 'U0OWNER' })).user).toMatchObject({ is_admin: false, is_owner: true, is_primary_owner: true });
    expect((await web.users.info({ user: 'U0ADMIN' })).user).toMatchObject({ is_admin: true, is_owner: false, is_primary_owner: false });

    await expect(web.apiCall('nope.nothing')).rejects.toMatchObject({ data: { error: 'unknown_method' } });
    expect(fake.callsTo('nope.nothing')).toHaveLength(1);

    const waiting = fake.waitFor('response_url', (c) => c.args._id === 'cmd-1');
    const res = await fetch(fake.responseUrl('cmd-1'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', text: 'Noted' }),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
    const posted = await waiting;
    expect(posted.args).toEqual({ response_type: 'ephemeral', text: 'Noted', _id: 'cmd-1' });

    await expect(fake.waitFor('chat.delete', undefined, 50)).rejects.toThrow(/Methods seen: .*users\.info/);
  });
});

describe('fake Slack Socket Mode', () => {
  let fake: FakeSlack;
  let client: SocketModeClient | undefined;

  beforeEach(async () => {
    fake = await startFakeSlack();
  });

  afterEach(async () => {
    // Disconnect the client first, so it does not schedule reconnects against a closed fake.
    await client?.disconnect();
    client = undefined;
    await fake.close();
  });

  it('connects a real SocketModeClient, delivers an events_api envelope and records its ack', async () => {
    client = new SocketModeClient({
      appToken: 'xapp-test',
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.apiUrl },
    });
    const received: Array<{ type: string; body: any; retry_num?: number }> = [];
    client.on('slack_event', async ({ ack, type, body, retry_num }) => {
      received.push({ type, body, retry_num });
      await ack();
    });

    await client.start();
    await fake.socket.waitForConnection();
    expect(fake.socket.connected).toBe(true);
    const open = fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.headers.authorization).toBe('Bearer xapp-test');

    const payload = eventCallback(
      reactionEvent('reaction_added', { user: 'U0SALES1', reaction: 'fire', channel: 'C0TERRAIN', ts: '1700000001.000100' }),
    );
    const ack = await fake.socket.send('events_api', payload, { retryAttempt: 1, retryReason: 'timeout' });

    expect(received).toHaveLength(1);
    expect(received[0]!.type).toBe('events_api');
    expect(received[0]!.retry_num).toBe(1);
    expect(received[0]!.body.event).toMatchObject({
      type: 'reaction_added',
      reaction: 'fire',
      item: { type: 'message', channel: 'C0TERRAIN', ts: '1700000001.000100' },
    });
    expect(ack.envelope_id).toBe(fake.socket.envelopes[0]!.envelope_id);
    expect(fake.socket.acks).toEqual([ack]);
  });

  it('returns slash command ack payloads to the sender', async () => {
    client = new SocketModeClient({
      appToken: 'xapp-test',
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.apiUrl },
    });
    client.on('slash_commands', async ({ ack, body, accepts_response_payload }) => {
      await ack({ text: `got ${body.command} ${body.text}`, accepts: accepts_response_payload });
    });
    await client.start();

    const ack = await fake.socket.send('slash_commands', { command: '/terrain', text: 'help' });
    expect(ack.payload).toEqual({ text: 'got /terrain help', accepts: true });
  });
});

describe('signed Slack requests', () => {
  let server: Server;
  let url: string;
  const seen: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
  const secret = 'shh-signing-secret';

  beforeEach(async () => {
    seen.length = 0;
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        seen.push({ headers: req.headers, body });
        const valid = isValidSlackRequest({
          signingSecret: secret,
          body,
          headers: {
            'x-slack-signature': String(req.headers['x-slack-signature']),
            'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
          },
        });
        res.writeHead(valid ? 200 : 401, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ valid }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  });

  it('computes Slack v0 signatures', () => {
    // Example from Slack's "Verifying requests from Slack" documentation.
    expect(
      signature(
        '8f742231b10e8888abcd99yyyzzz85a5',
        1531420618,
        'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
      ),
    ).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
  });

  it('sends commands, events and interactions that Bolt accepts, and bad signatures it rejects', async () => {
    const cmd = await sendCommand(url, { command: '/terrain', text: 'flag pricing' }, { secret });
    expect(cmd.status).toBe(200);
    expect(cmd.json).toEqual({ valid: true });
    const form = new URLSearchParams(seen[0]!.body);
    expect(seen[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(form.get('command')).toBe('/terrain');
    expect(form.get('text')).toBe('flag pricing');
    expect(form.get('team_id')).toBe('T0001');
    expect(form.get('user_id')).toBe('U0SALES1');
    expect(form.get('channel_id')).toBe('C0TERRAIN');
    expect(form.get('trigger_id')).toBe('123.456.abc');

    const ev = await sendEvent(url, reactionEvent('reaction_removed', { user: 'U1', reaction: 'eyes', channel: 'C1', ts: '1.000100' }), {
      secret,
      eventId: 'Ev123',
      retryNum: 2,
      retryReason: 'http_error',
    });
    expect(ev.json).toEqual({ valid: true });
    expect(seen[1]!.headers['x-slack-retry-num']).toBe('2');
    expect(seen[1]!.headers['x-slack-retry-reason']).toBe('http_error');
    const envelope = JSON.parse(seen[1]!.body);
    expect(envelope).toMatchObject({
      type: 'event_callback',
      event_id: 'Ev123',
      team_id: 'T0001',
      authorizations: [{ team_id: 'T0001', user_id: 'UBOT', is_bot: true }],
      event: { type: 'reaction_removed', item_user: 'UBOT', item: { type: 'message', channel: 'C1', ts: '1.000100' } },
    });

    const action = await sendInteraction(url, { type: 'block_actions', actions: [{ action_id: 'vote' }] }, { secret });
    expect(action.json).toEqual({ valid: true });
    expect(JSON.parse(new URLSearchParams(seen[2]!.body).get('payload')!)).toEqual({
      type: 'block_actions',
      actions: [{ action_id: 'vote' }],
    });

    const bad = await sendCommand(url, { command: '/terrain' }, { secret, badSignature: true });
    expect(bad.status).toBe(401);
    const stale = await sendCommand(url, { command: '/terrain' }, { secret, timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(401);
  });
});
