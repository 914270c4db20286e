import { expect, it } from 'vitest';
import { CHANNEL, SIGNING_SECRET, TEAM } from '../support/app.js';
import { describeDb, dialect } from '../support/database.js';
import { useE2E } from '../support/e2e.js';
import { sendCommand, sendEvent } from '../support/slack-requests.js';

const opts = { secret: SIGNING_SECRET };

describeDb(`filing feedback and flags (${dialect})`, () => {
  const e2e = useE2E({ start: false });

  const items = () => e2e.db.db.selectFrom('items').selectAll().orderBy('id').execute();

  it('/feedback with text stores the item before acknowledging, thanks the submitter in the acknowledgement and posts its card, the one call to Slack', async () => {
    await e2e.start();
    const responseUrl = e2e.fake.responseUrl('r1');
    const callsBefore = e2e.fake.calls.length;
    const res = await sendCommand(
      e2e.app.url,
      { command: '/feedback', text: 'Customers in retail want offline mode', response_url: responseUrl },
      opts,
    );
    expect(res.status).toBe(200);
    // Acknowledged means stored: the row exists as soon as Slack has its 200.
    const stored = await items();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      team_id: TEAM,
      kind: 'feedback',
      text: 'Customers in retail want offline mode',
      author_id: 'U0SALES1',
      status: 'new',
    });
    // The thanks rides on the acknowledgement: private, naming the channel the card goes up in.
    expect(res.json.response_type).toBe('ephemeral');
    expect(res.json.text).toContain(`its card goes up in <#${CHANNEL}>`);
    // The digest counts by side: a submitter who has not said theirs is asked, with one-click buttons.
    const sideButtons = (res.json.blocks as Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>)
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? []);
    expect(sideButtons.map((e) => [e.action_id, e.value])).toEqual([
      ['set_side_sales', 'sales'],
      ['set_side_marketing', 'marketing'],
      ['set_side_other', 'other'],
    ]);

    const post = await e2e.fake.waitFor('chat.postMessage', (c) => c.args.channel === CHANNEL);
    expect(JSON.stringify(post.args.blocks)).toContain('Customers in retail want offline mode');
    expect(post.args.metadata).toMatchObject({ event_type: 'terrain_item_card', event_payload: { item_id: stored[0]!.id } });
    await e2e.app.drain();
    const [after] = await items();
    expect(after).toMatchObject({
      card_state: 'posted',
      card_channel_id: CHANNEL,
      card_ts: post.response && (post.response as { ts: string }).ts,
    });
    // Nothing more follows the card: no second confirmation, no permalink lookup (users.info: a first-time filer's language).
    const since = e2e.fake.calls.slice(callsBefore).map((c) => c.method);
    expect(since.filter((m) => m !== 'users.info')).toEqual(['chat.postMessage']);
  });

  it('/feedback with a category prefix files that category', async () => {
    await e2e.start();
    await sendCommand(
      e2e.app.url,
      { command: '/feedback', text: 'objection: too expensive for SMBs', response_url: e2e.fake.responseUrl() },
      opts,
    );
    const [item] = await items();
    expect(item).toMatchObject({ category: 'objection', text: 'too expensive for SMBs' });
    const post = await e2e.fake.waitFor('chat.postMessage');
    expect(JSON.stringify(post.args.blocks)).toContain('Objection');
  });

  it('/flag files a flag whose card has its own look', async () => {
    await e2e.start();
    const res = await sendCommand(
      e2e.app.url,
      { command: '/flag', text: 'The pricing page hides the annual plan', response_url: e2e.fake.responseUrl('f') },
      opts,
    );
    const [item] = await items();
    expect(item).toMatchObject({ kind: 'flag', text: 'The pricing page hides the annual plan' });
    const post = await e2e.fake.waitFor('chat.postMessage');
    const header = post.args.blocks[0];
    expect(header.type).toBe('header');
    // What is flagged comes first, after the flag.
    expect(header.text.text).toBe(':triangular_flag_on_post: The pricing page hides the annual plan · misses what customers need');
    expect(res.json.text).toContain('Thanks for flagging it');
  });

  it('user text cannot ping @channel, @here, a user group or disguise a link', async () => {
    await e2e.start();
    const text = 'Hey <!channel> <!here> <!everyone> <!subteam^S123|@marketing> see <http://evil.example|your bank> & more';
    await sendCommand(e2e.app.url, { command: '/feedback', text, response_url: e2e.fake.responseUrl() }, opts);
    const post = await e2e.fake.waitFor('chat.postMessage');
    const sent = JSON.stringify([post.args.text, post.args.blocks]);
    for (const danger of ['<!channel>', '<!here>', '<!everyone>', '<!subteam', '<http://evil']) expect(sent).not.toContain(danger);
    expect(sent).toContain('&lt;!channel&gt;');
    expect(sent).toContain('&amp; more');
    const [item] = await items();
    expect(item!.text).toBe(text); // stored as typed; escaped only where shown
  });

  it('text over the card limit gets a friendly answer with the whole text back, and nothing is stored', async () => {
    await e2e.start();
    const text = `${'Customers keep asking for a proper offline mode. '.repeat(70)}END`;
    await sendCommand(e2e.app.url, { command: '/feedback', text, response_url: e2e.fake.responseUrl('long') }, opts);
    const reply = await e2e.fake.waitFor('response_url', (c) => c.args._id === 'long');
    expect(reply.args.text).toContain('a card holds 3000');
    const givenBack = reply.args.blocks
      .slice(1)
      .map((b: { text: { text: string } }) => b.text.text)
      .join(' ');
    expect(givenBack.replace(/\s+/g, ' ')).toContain(text.trim().replace(/\s+/g, ' '));
    for (const b of reply.args.blocks) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    expect(await items()).toHaveLength(0);
    expect(e2e.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('with no shared channel the user is told to run /terrain setup and gets the text back', async () => {
    await e2e.start({ TERRAIN_CHANNEL: '' });
    await sendCommand(e2e.app.url, { command: '/feedback', text: 'Need SSO for banks', response_url: e2e.fake.responseUrl('nc') }, opts);
    const reply = await e2e.fake.waitFor('response_url', (c) => c.args._id === 'nc');
    expect(reply.args.text).toContain('/terrain setup');
    expect(reply.args.text).toContain('Need SSO for banks');
    expect(await items()).toHaveLength(0);
  });

  it('when Terrain is invited into the channel (/invite @Terrain), the cards waiting there are posted and their authors told', async () => {
    await e2e.start();
    e2e.fake.on('chat.postMessage', (args) => (args.channel === CHANNEL ? { ok: false, error: 'not_in_channel' } : undefined));
    await sendCommand(
      e2e.app.url,
      { command: '/flag', text: "The onboarding deck still shows last year's pricing", response_url: e2e.fake.responseUrl('blocked') },
      opts,
    );
    await e2e.fake.waitFor('response_url', (c) => c.args._id === 'blocked');
    await e2e.app.drain();
    expect((await items())[0]).toMatchObject({ card_state: 'blocked' });

    e2e.fake.reset();
    // Someone else joining changes nothing; the bot joining posts the card.
    await sendEvent(e2e.app.url, { type: 'member_joined_channel', user: 'U0OTHER', channel: CHANNEL, channel_type: 'C', team: TEAM }, opts);
    await e2e.app.drain();
    expect(e2e.fake.callsTo('chat.postMessage')).toHaveLength(0);
    await sendEvent(e2e.app.url, { type: 'member_joined_channel', user: 'UBOT', channel: CHANNEL, channel_type: 'C', team: TEAM }, opts);
    await e2e.app.drain();
    const card = e2e.fake.callsTo('chat.postMessage').find((c) => c.args.channel === CHANNEL);
    expect(card?.args.metadata).toMatchObject({ event_type: 'terrain_item_card' });
    const told = e2e.fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'U0SALES1');
    expect(told?.args.text).toContain('see the card');
    expect((await items())[0]).toMatchObject({ card_state: 'posted', card_channel_id: CHANNEL });
  });

  it('when the bot is not in the channel, the item is kept, the user is told how to invite it, and /terrain setup posts the card', async () => {
    await e2e.start();
    e2e.fake.on('chat.postMessage', (args) => (args.channel === CHANNEL ? { ok: false, error: 'not_in_channel' } : undefined));
    await sendCommand(
      e2e.app.url,
      { command: '/feedback', text: 'Partners want a reseller price list', response_url: e2e.fake.responseUrl('nic') },
      opts,
    );
    const reply = await e2e.fake.waitFor('response_url', (c) => c.args._id === 'nic');
    expect(reply.args.text).toContain('/invite @Terrain');
    expect(reply.args.text).toContain('Partners want a reseller price list');
    await e2e.app.drain();
    expect((await items())[0]).toMatchObject({ card_state: 'blocked', card_ts: null });

    e2e.fake.reset();
    e2e.fake.on('conversations.info', (args) => ({ ok: true, channel: { id: args.channel, is_member: false } }));
    await sendCommand(
      e2e.app.url,
      { command: '/terrain', text: 'setup', channel_id: 'C0SHARED', response_url: e2e.fake.responseUrl('setup') },
      opts,
    );
    const setupReply = await e2e.fake.waitFor('response_url', (c) => c.args._id === 'setup');
    expect(setupReply.args.text).toContain('<#C0SHARED>');
    expect(e2e.fake.callsTo('conversations.join')[0]?.args.channel).toBe('C0SHARED');
    // The card goes out through the outbox, right after setup queued it again.
    const post = await e2e.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C0SHARED');
    expect(post.args.metadata).toMatchObject({ event_type: 'terrain_item_card' });
    await e2e.app.drain();
    expect(e2e.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0SHARED')).toHaveLength(1);
    expect((await items())[0]).toMatchObject({ card_state: 'posted', card_channel_id: 'C0SHARED' });
    const ws = await e2e.db.db.selectFrom('workspaces').selectAll().executeTakeFirstOrThrow();
    expect(ws).toMatchObject({ team_id: TEAM, channel_id: 'C0SHARED' });
  });

  it('a 429 from Slack is waited out: the card is still posted once and the item stored', async () => {
    await e2e.start();
    e2e.fake.rateLimit('chat.postMessage', 1, 1);
    await sendCommand(
      e2e.app.url,
      { command: '/feedback', text: 'Rate limited but not lost', response_url: e2e.fake.responseUrl('rl') },
      opts,
    );
    await e2e.fake.waitFor('chat.postMessage', (c) => c.status === 200, 8000);
    const posts = e2e.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.rateLimited).toBe(true);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(900);
    expect(e2e.fake.messages(CHANNEL)).toHaveLength(1);
    await e2e.app.drain();
    expect((await items())[0]).toMatchObject({ card_state: 'posted' });
  });

  it('answers in French to a user whose Slack locale is French', async () => {
    await e2e.start();
    e2e.fake.setUser('U0FR', { locale: 'fr-FR' });
    const res = await sendCommand(
      e2e.app.url,
      { command: '/feedback', text: 'Les clients veulent un mode hors ligne', user_id: 'U0FR', response_url: e2e.fake.responseUrl('fr') },
      opts,
    );
    expect(res.json.text).toContain('Merci');
    expect(res.json.text).toContain(`sa carte arrive dans <#${CHANNEL}>`);
    const info = e2e.fake.callsTo('users.info')[0];
    expect(String(info?.args.include_locale)).toBe('true');
  });

  it('uses TERRAIN_LOCALE when the Slack locale is not one Terrain speaks', async () => {
    await e2e.start({ TERRAIN_LOCALE: 'fr' });
    e2e.fake.setUser('U0DE', { locale: 'de-DE' });
    const res = await sendCommand(
      e2e.app.url,
      { command: '/flag', text: 'Die Kampagne verfehlt das Ziel', user_id: 'U0DE', response_url: e2e.fake.responseUrl('de') },
      opts,
    );
    expect(res.json.text).toContain('Merci pour ce signalement');
  });
});
