import { beforeEach, expect, it } from 'vitest';
import { countVotes } from '../../db/votes.js';
import { CHANNEL, TEAM } from '../support/app.js';
import { describeDb, dialect } from '../support/database.js';
import { useE2E } from '../support/e2e.js';
import { commandFields, eventCallback, reactionEvent } from '../support/slack-requests.js';

describeDb(`Socket Mode end to end (${dialect})`, () => {
  // The app is stopped before the fake closes: the other way round, the Socket Mode client would schedule a reconnect.
  const e2e = useE2E({ socketMode: true });
  beforeEach(() => e2e.fake.socket.waitForConnection());

  const items = () => e2e.db.db.selectFrom('items').selectAll().orderBy('id').execute();
  const reactionRows = () => e2e.db.db.selectFrom('vote_reactions').selectAll().orderBy('user_id').execute();

  const base = Math.floor(Date.now() / 1000);
  let seq = 0;
  const nextEventTs = (): string => `${base}.${String(++seq).padStart(6, '0')}`;

  /** Files feedback over the socket; resolves once its card is posted and recorded. */
  const fileCard = async (text: string): Promise<{ itemId: number; ts: string }> => {
    const ack = await e2e.fake.socket.send(
      'slash_commands',
      commandFields({ command: '/feedback', text, response_url: e2e.fake.responseUrl() }),
    );
    expect(ack.envelope_id).toBeTruthy();
    const post = await e2e.fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === CHANNEL && JSON.stringify(c.args.blocks).includes(text),
    );
    await e2e.app.drain();
    const ts = (post.response as { ts: string }).ts;
    const item = await e2e.db.db.selectFrom('items').select('id').where('card_ts', '=', ts).executeTakeFirstOrThrow();
    return { itemId: item.id, ts };
  };

  const reactionEnvelope = (
    kind: 'reaction_added' | 'reaction_removed',
    user: string,
    reaction: string,
    ts: string,
    eventTs = nextEventTs(),
  ) => eventCallback(reactionEvent(kind, { user, reaction, channel: CHANNEL, ts, eventTs }));

  it('connects through apps.connections.open with the app-level token', async () => {
    expect(e2e.app.terrain.mode).toBe('socket');
    const open = e2e.fake.callsTo('apps.connections.open');
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(String(open[0]!.headers.authorization)).toBe('Bearer xapp-test-token');
    expect(e2e.fake.socket.connected).toBe(true);
  });

  it('a /feedback slash_commands envelope is acknowledged once stored, with the thanks in the acknowledgement, and its card is posted', async () => {
    const text = 'Field says the mobile app needs offline mode';
    const responseUrl = e2e.fake.responseUrl('sm1');
    const ack = await e2e.fake.socket.send('slash_commands', commandFields({ command: '/feedback', text, response_url: responseUrl }));
    const acked = e2e.fake.socket.acks.find((a) => a.envelope_id === ack.envelope_id);
    expect(acked?.payload).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('its card goes up') });
    // Acknowledged means stored.
    const stored = await items();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ team_id: TEAM, kind: 'feedback', text, author_id: 'U0SALES1', status: 'new' });

    const post = await e2e.fake.waitFor('chat.postMessage', (c) => c.args.channel === CHANNEL);
    expect(JSON.stringify(post.args.blocks)).toContain(text);
    expect(post.args.metadata).toMatchObject({ event_type: 'terrain_item_card', event_payload: { item_id: stored[0]!.id } });
    await e2e.app.drain();
    expect(e2e.fake.callsTo('response_url')).toHaveLength(0);
    expect((await items())[0]).toMatchObject({ card_state: 'posted', card_ts: (post.response as { ts: string }).ts });
  });

  it('a slash_commands envelope with a crafted user id gets a friendly answer in its ack and stores nothing', async () => {
    const ack = await e2e.fake.socket.send(
      'slash_commands',
      commandFields({ command: '/feedback', text: 'crafted', user_id: 'U1><!channel>', response_url: e2e.fake.responseUrl() }),
    );
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(ack.payload)).not.toContain('<!channel>');
    await e2e.app.drain();
    expect(await items()).toHaveLength(0);
    expect(e2e.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('a reaction events_api envelope is acknowledged only after the vote is stored', async () => {
    const { itemId, ts } = await fileCard('Customers ask for SSO');
    const ack = await e2e.fake.socket.send('events_api', reactionEnvelope('reaction_added', 'U0MKT1', '+1', ts));
    expect(ack.envelope_id).toBeTruthy();
    // The ack has arrived: the vote must already be there, with no waiting.
    const rows = await reactionRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ team_id: TEAM, item_id: itemId, user_id: 'U0MKT1', reaction: '+1', active: 1 });
    expect(await countVotes(e2e.db.db, itemId)).toBe(1);

    // Removal too is stored before its ack.
    await e2e.fake.socket.send('events_api', reactionEnvelope('reaction_removed', 'U0MKT1', '+1', ts));
    expect(await countVotes(e2e.db.db, itemId)).toBe(0);
  });

  it("a retried events_api envelope never counts twice, and the bot's own reaction is ignored", async () => {
    const { itemId, ts } = await fileCard('Partners want a price list');
    const payload = reactionEnvelope('reaction_added', 'U0MKT1', '+1::skin-tone-2', ts);
    await e2e.fake.socket.send('events_api', payload);
    await e2e.fake.socket.send('events_api', payload, { retryAttempt: 1, retryReason: 'timeout' });
    await e2e.fake.socket.send('events_api', reactionEnvelope('reaction_added', 'UBOT', '+1', ts));
    expect(await reactionRows()).toHaveLength(1);
    expect(await countVotes(e2e.db.db, itemId)).toBe(1);
  });

  it('a malformed events_api envelope is acknowledged and the connection keeps serving', async () => {
    // (An events_api envelope with no `event` at all is not sent: @slack/socket-mode itself throws on it,
    // in SocketModeClient.onWebSocketMessage, before Terrain's receiver sees anything.)
    const noItem = await e2e.fake.socket.send('events_api', eventCallback({ type: 'reaction_added', user: 'U0MKT1', reaction: '+1' }));
    expect(noItem.envelope_id).toBeTruthy();
    const noUser = await e2e.fake.socket.send(
      'events_api',
      eventCallback({ type: 'reaction_removed', reaction: '+1', item: { type: 'message', channel: CHANNEL } }),
    );
    expect(noUser.envelope_id).toBeTruthy();
    expect(await reactionRows()).toHaveLength(0);
    await fileCard('Still serving after malformed envelopes');
  });

  it('GET /healthz answers 200 with JSON on PORT in Socket Mode', async () => {
    const res = await fetch(`${e2e.app.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'ok', socket: 'connected' });
    const other = await fetch(`${e2e.app.baseUrl}/slack/events`, { method: 'POST', body: '{}' });
    expect(other.status).toBe(404);
  });
});
