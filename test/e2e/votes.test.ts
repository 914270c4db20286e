import { expect, it } from 'vitest';
import { countVotes } from '../../db/votes.js';
import { CHANNEL, SIGNING_SECRET, TEAM } from '../support/app.js';
import { describeDb, dialect } from '../support/database.js';
import { useE2E } from '../support/e2e.js';
import { type EventOptions, reactionEvent, sendCommand, sendEvent } from '../support/slack-requests.js';

const opts = { secret: SIGNING_SECRET };

describeDb(`reaction votes over the Events API (${dialect})`, () => {
  const e2e = useE2E({ start: false });

  /**
   * Slack's event_ts, strictly increasing within a test (two events sent in the same millisecond must
   * still be ordered, as they are in Slack).
   */
  const base = Math.floor(Date.now() / 1000);
  let seq = 0;
  const nextEventTs = (): string => `${base}.${String(++seq).padStart(6, '0')}`;

  /** Files feedback and waits until its card is posted and its ts recorded; returns the item id and card ts. */
  const fileCard = async (text = 'Retail customers want offline mode'): Promise<{ itemId: number; ts: string }> => {
    const res = await sendCommand(e2e.app.url, { command: '/feedback', text, response_url: e2e.fake.responseUrl() }, opts);
    expect(res.status).toBe(200);
    const post = await e2e.fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === CHANNEL && JSON.stringify(c.args.blocks).includes(text),
    );
    const ts = (post.response as { ts: string }).ts;
    await e2e.app.drain();
    const item = await e2e.db.db.selectFrom('items').select(['id', 'card_ts']).where('card_ts', '=', ts).executeTakeFirstOrThrow();
    return { itemId: item.id, ts };
  };

  const react = (
    kind: 'reaction_added' | 'reaction_removed',
    o: { user: string; reaction: string; ts: string; channel?: string; eventTs?: string },
    eventOpts: EventOptions = {},
  ) =>
    sendEvent(
      e2e.app.url,
      reactionEvent(kind, {
        user: o.user,
        reaction: o.reaction,
        channel: o.channel ?? CHANNEL,
        ts: o.ts,
        eventTs: o.eventTs ?? nextEventTs(),
      }),
      { ...opts, ...eventOpts },
    );

  const reactionRows = () => e2e.db.db.selectFrom('vote_reactions').selectAll().orderBy('user_id').orderBy('reaction').execute();

  it('a vote-emoji reaction on a card is stored before Slack gets its 200', async () => {
    await e2e.start();
    const { itemId, ts } = await fileCard();
    const res = await react('reaction_added', { user: 'U0MKT1', reaction: '+1', ts });
    expect(res.status).toBe(200);
    // Acknowledged means stored: no drain, no wait.
    const rows = await reactionRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ team_id: TEAM, item_id: itemId, user_id: 'U0MKT1', reaction: '+1', active: 1 });
    expect(await countVotes(e2e.db.db, itemId)).toBe(1);
  });

  it('one vote per person per item, whatever the number of their voting reactions', async () => {
    await e2e.start({ VOTE_EMOJIS: '+1,fire' });
    const { itemId, ts } = await fileCard();
    expect((await react('reaction_added', { user: 'U0MKT1', reaction: '+1', ts })).status).toBe(200);
    expect((await react('reaction_added', { user: 'U0MKT1', reaction: 'fire', ts })).status).toBe(200);
    expect(await reactionRows()).toHaveLength(2);
    expect(await countVotes(e2e.db.db, itemId)).toBe(1);

    expect((await react('reaction_added', { user: 'U0SALES2', reaction: 'fire', ts })).status).toBe(200);
    expect(await countVotes(e2e.db.db, itemId)).toBe(2);
  });

  it('votes are counted per item: the same user voting on two cards gives each card one vote', async () => {
    await e2e.start();
    const a = await fileCard('Banks ask for single sign-on');
    const b = await fileCard('Schools want printable invoices');
    expect(a.ts).not.toBe(b.ts);
    await react('reaction_added', { user: 'U0MKT1', reaction: '+1', ts: a.ts });
    await react('reaction_added', { user: 'U0MKT1', reaction: '+1', ts: b.ts });
    await react('reaction_added', { user: 'U0MKT2', reaction: '+1', ts: b.ts });
    expect(await countVotes(e2e.db.db, a.itemId)).toBe(1);
    expect(await countVotes(e2e.db.db, b.itemId)).toBe(2);
  });

  it('skin-tone variants and the thumbsup alias count as the vote emoji', async () => {
    await e2e.start();
    const { itemId, ts } = await fileCard();
    expect((await react('reaction_added', { user: 'U0MKT1', reaction: '+1::skin-tone-3', ts })).status).toBe(200);
    expect(await countVotes(e2e.db.db, itemId)).toBe(1);
    expect((await react('reaction_added', { user: 'U0MKT2', reaction: 'thumbsup', ts })).status).toBe(200);
    expect(await countVotes(e2e.db.db, itemId)).toBe(2);
    expect((await react('reaction_added', { user: 'U0MKT3', reaction: 'thumbsup::skin-tone-5', ts })).status).toBe(200);
    expect(await countVotes(e2e.db.db, itemId)).toBe(3);
    // Stored under the name Slack used, so that removing that exact reaction removes this row.
    const rows = await reactionRows();
    expect(rows.map((r) => [r.user_id, r.reaction])).toEqual([
      ['U0MKT1', '+1::skin-tone-3'],
      ['U0MKT2', 'thumbsup'],
      ['U0MKT3', 'thumbsup::skin-tone-5'],
    ]);

    // The same user with +1 and +1::skin-tone-3 still has one vote; removing the toned one removes it only if it was the last.
    await react('reaction_added', { user: 'U0MKT1', reaction: '+1', ts });
    expect(await countVotes(e2e.db.db, itemId)).toBe(3);
    await react('reaction_removed', { user: 'U0MKT1', reaction: '+1::skin-tone-3', ts });
    expect(await countVotes(e2e.db.db, itemId)).toBe(3);
    await react('reaction_removed', { user: 'U0MKT1', reaction: '+1', ts });
    expect(await countVotes(e2e.db.db, itemId)).toBe(2);
  });

  it("removing one's last voting reaction removes the vote; removing one of two keeps it", async () => {
    await e2e.start({ VOTE_EMOJIS: '+1,fire' });
    const { itemId, ts } = await fileCard();
    await react('reaction_added', { user: 'U0MKT1', reaction: '+1', ts });
    await react('reaction_added', { user: 'U0MKT1', reaction: 'fire', ts });
    await react('reaction_added', { user: 'U0MKT2', reaction: '+1', ts });
    expect(await countVotes(e2e.db.db, itemId)).toBe(2);

    const removedOne = await react('reaction_removed', { user: 'U0MKT1', reaction: 'fire', ts });
    expect(removedOne.status).toBe(200);
    expect(await countVotes(e2e.db.db, itemId)).toBe(2);

    const removedLast = await react('reaction_removed', { user: 'U0MKT1', reaction: '+1', ts });
    expect(removedLast.status).toBe(200);
    // Stored before the 200, like an addition.
    expect(await countVotes(e2e.db.db, itemId)).toBe(1);
    const mine = (await reactionRows()).filter((r) => r.user_id === 'U0MKT1');
    expect(mine.every((r) => r.active === 0)).toBe(true);

    // Voting again brings the vote back.
    await react('reaction_added', { user: 'U0MKT1', reaction: 'fire', ts });
    expect(await countVotes(e2e.db.db, itemId)).toBe(2);
  });

  it('ignores other emojis, the bot itself and messages that are not cards', async () => {
    await e2e.start();
    const { ts } = await fileCard();
    const ignored = [
      await react('reaction_added', { user: 'U0MKT1', reaction: 'heart', ts }),
      await react('reaction_added', { user: 'U0MKT1', reaction: '-1', ts }),
      await react('reaction_added', { user: 'U0MKT1', reaction: 'thumbsdown', ts }),
      // The bot (auth.test's user_id in the fake) seeding its own vote emoji on its card.
      await react('reaction_added', { user: 'UBOT', reaction: '+1', ts }),
      // A message in the channel that is not a card.
      await react('reaction_added', { user: 'U0MKT1', reaction: '+1', ts: '1699999999.000200' }),
      // The card's ts, but in another channel.
      await react('reaction_added', { user: 'U0MKT1', reaction: '+1', ts, channel: 'C0OTHER' }),
      await react('reaction_removed', { user: 'U0MKT1', reaction: '+1', ts: '1699999999.000200' }),
    ];
    for (const res of ignored) expect(res.status).toBe(200);
    await e2e.app.drain();
    expect(await reactionRows()).toHaveLength(0);
  });

  it('ignores reactions on a card of another workspace', async () => {
    await e2e.start();
    const { ts } = await fileCard();
    const res = await react('reaction_added', { user: 'U0MKT1', reaction: '+1', ts }, { teamId: 'T0OTHER' });
    expect(res.status).toBeLessThan(500);
    expect(await reactionRows()).toHaveLength(0);
  });

  it("Slack's retried delivery never counts twice", async () => {
    await e2e.start();
    const { itemId, ts } = await fileCard();
    const event = reactionEvent('reaction_added', { user: 'U0MKT1', reaction: '+1', channel: CHANNEL, ts, eventTs: nextEventTs() });
    const first = await sendEvent(e2e.app.url, event, { ...opts, eventId: 'Ev0VOTE1' });
    expect(first.status).toBe(200);
    const retry = await sendEvent(e2e.app.url, event, { ...opts, eventId: 'Ev0VOTE1', retryNum: 1, retryReason: 'http_timeout' });
    expect(retry.status).toBe(200);
    const retry2 = await sendEvent(e2e.app.url, event, { ...opts, eventId: 'Ev0VOTE1', retryNum: 2, retryReason: 'http_timeout' });
    expect(retry2.status).toBe(200);
    expect(await reactionRows()).toHaveLength(1);
    expect(await countVotes(e2e.db.db, itemId)).toBe(1);

    // The vote is removed; a late retry of the original addition must not bring it back.
    await react('reaction_removed', { user: 'U0MKT1', reaction: '+1', ts });
    expect(await countVotes(e2e.db.db, itemId)).toBe(0);
    const lateRetry = await sendEvent(e2e.app.url, event, { ...opts, eventId: 'Ev0VOTE1', retryNum: 3, retryReason: 'http_timeout' });
    expect(lateRetry.status).toBe(200);
    expect(await countVotes(e2e.db.db, itemId)).toBe(0);
  });

  it('a reaction_added that arrives after its reaction_removed does not bring the vote back', async () => {
    await e2e.start();
    const { itemId, ts } = await fileCard();
    const addedTs = nextEventTs();
    const removedTs = nextEventTs();
    // Delivered out of order: the removal first...
    expect((await react('reaction_removed', { user: 'U0MKT1', reaction: '+1', ts, eventTs: removedTs })).status).toBe(200);
    expect(await countVotes(e2e.db.db, itemId)).toBe(0);
    // ...then the older addition.
    expect((await react('reaction_added', { user: 'U0MKT1', reaction: '+1', ts, eventTs: addedTs })).status).toBe(200);
    expect(await countVotes(e2e.db.db, itemId)).toBe(0);
    const [row] = await reactionRows();
    expect(row).toMatchObject({ user_id: 'U0MKT1', reaction: '+1', active: 0, event_ts: removedTs });

    // A genuinely newer addition does count.
    await react('reaction_added', { user: 'U0MKT1', reaction: '+1', ts });
    expect(await countVotes(e2e.db.db, itemId)).toBe(1);
  });
});
