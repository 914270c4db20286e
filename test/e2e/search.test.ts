import { expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { CHANNEL, SIGNING_SECRET, TEAM } from '../support/app.js';
import { describeDb, dialect } from '../support/database.js';
import { useE2E } from '../support/e2e.js';
import { cardOf } from '../support/interactions.js';
import { reactionEvent, sendCommand, sendEvent } from '../support/slack-requests.js';

const opts = { secret: SIGNING_SECRET };
const en = messages('en');
const fr = messages('fr');

describeDb(`/terrain search (${dialect})`, () => {
  const e2e = useE2E();

  const items = () => e2e.db.db.selectFrom('items').selectAll().orderBy('id').execute();
  const search = async (text: string, id: string, userId = 'U0SALES1') => {
    const res = await sendCommand(
      e2e.app.url,
      { command: '/terrain', text, user_id: userId, response_url: e2e.fake.responseUrl(id) },
      opts,
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe(''); // answered privately, after the acknowledgement
    await e2e.app.drain();
    const answers = e2e.fake.callsTo('response_url').filter((c) => c.args._id === id);
    expect(answers).toHaveLength(1);
    return answers[0]!.args as {
      text: string;
      blocks: Array<{ type: string; text?: { text: string }; elements?: Array<{ text: string }> }>;
    };
  };
  const file = async (text: string, userId = 'U0SALES1') => {
    await sendCommand(e2e.app.url, { command: '/feedback', text, user_id: userId, response_url: e2e.fake.responseUrl() }, opts);
    await e2e.app.drain();
    return (await items()).at(-1)!;
  };
  const link = (ts: string) => `https://acme.slack.com/archives/${CHANNEL}/p${ts.replace('.', '')}`;

  /** A planned item with 3 votes and 2 customers, a new one with 1 vote, one unrelated, one merged, one of another workspace. */
  async function catalogue() {
    const planned = await file('Retail customers need an offline mode for their stores');
    const fresh = await file('Offline sync breaks on Android tablets');
    await file('Pricing page hides the annual plan');
    const plannedTs = cardOf(e2e.fake, CHANNEL, planned.id)!.ts as string;
    const freshTs = cardOf(e2e.fake, CHANNEL, fresh.id)!.ts as string;
    for (const user of ['U0V1', 'U0V2', 'U0V3'])
      await sendEvent(e2e.app.url, reactionEvent('reaction_added', { user, reaction: '+1', channel: CHANNEL, ts: plannedTs }), opts);
    await sendEvent(e2e.app.url, reactionEvent('reaction_added', { user: 'U0V1', reaction: '+1', channel: CHANNEL, ts: freshTs }), opts);
    await e2e.db.db.updateTable('items').set({ status: 'planned' }).where('id', '=', planned.id).execute();
    await e2e.db.db
      .insertInto('item_customers')
      .values(
        ['acme', 'globex'].map((key) => ({
          team_id: TEAM,
          item_id: planned.id,
          account_key: key,
          account: key,
          revenue: 1000,
          note: null,
          added_by: 'U0SALES1',
          created_at: '2026-11-20T10:00:00.000Z',
        })),
      )
      .execute();
    const merged = await file('Offline mode again, for retail');
    await e2e.db.db.updateTable('items').set({ status: 'merged', merged_into: planned.id }).where('id', '=', merged.id).execute();
    await e2e.db.db
      .insertInto('items')
      .values({ ...planned, id: undefined as never, team_id: 'T0OTHER', text: 'Offline everything', client_key: null })
      .execute();
    return { planned, fresh, plannedTs, freshTs, merged };
  }

  it('answers privately with the best matches: status, votes and customers, each linked to its card, most backed first', async () => {
    const { planned, fresh, plannedTs, freshTs } = await catalogue();
    const answer = await search('search offline', 'q');
    expect(answer.blocks[0]!.text!.text).toBe(en.search.found('offline'));
    const lines = answer.blocks.slice(1).map((b) => b.text!.text);
    expect(lines).toEqual([
      `${en.search.line(`<${link(plannedTs)}|#${planned.id}>`, 'Feedback', 'Planned', 3, 2)}\n“Retail customers need an offline mode for their stores”`,
      `${en.search.line(`<${link(freshTs)}|#${fresh.id}>`, 'Feedback', 'New', 1, 0)}\n“Offline sync breaks on Android tablets”`,
    ]);
    // The merged item and the other workspace's stay out.
    expect(JSON.stringify(answer.blocks)).not.toContain('again');
    expect(JSON.stringify(answer.blocks)).not.toContain('everything');
  });

  it('all the words first, then some of them; a handle shows that item; nothing, or no words, gets a friendly line', async () => {
    const { planned, fresh } = await catalogue();
    const both = await search('search offline android', 'both');
    expect(both.blocks.slice(1).map((b) => b.text!.text.split('\n')[0])).toEqual([expect.stringContaining(`#${fresh.id}>`)]);
    const some = await search('search offline kiosk', 'some');
    expect(some.blocks[0]!.text!.text).toBe(en.search.someWords('offline kiosk'));
    expect(some.blocks).toHaveLength(3);
    const handle = await search(`search #${planned.id}`, 'handle');
    expect(handle.blocks).toHaveLength(2);
    expect(handle.blocks[1]!.text!.text).toContain(`#${planned.id}> · Feedback · *Planned* · 3 votes · 2 customers`);
    expect((await search('search kiosk', 'none')).text).toBe(en.search.none('kiosk'));
    expect((await search('search', 'empty')).text).toBe(en.search.usage);
    expect((await search('search   ', 'blank')).text).toBe(en.search.usage);
  });

  it('query syntax and markup in the words are only words: no error, no injection, escaped where shown', async () => {
    const { fresh } = await catalogue();
    const answer = await search('search "android* NEAR(sync -tablets): <!channel> &amp; OR', 'syntax');
    expect(answer.blocks.slice(1).map((b) => b.text!.text)).toEqual([expect.stringContaining(`#${fresh.id}>`)]);
    // A mention typed in the words comes back as inert text, never as Slack markup.
    expect(JSON.stringify(answer)).not.toContain('<!channel>');
    expect(answer.blocks[0]!.text!.text).toBe(en.search.someWords('"android* NEAR(sync -tablets): @channel &amp; OR'));
  });

  it('in French: `/terrain recherche`', async () => {
    const { planned } = await catalogue();
    e2e.fake.setUser('U0FR', { locale: 'fr-FR' });
    const answer = await search('recherche détaillants hors-ligne offline', 'fr', 'U0FR');
    expect(answer.blocks[0]!.text!.text).toBe(fr.search.someWords('détaillants hors-ligne offline'));
    expect(answer.blocks[1]!.text!.text).toContain(`|n° ${planned.id}> · Retour terrain · *Prévu* · 3 votes · 2 clients`);
  });

  it('ten results at most, with a hint when more match', async () => {
    for (let n = 1; n <= 12; n++) {
      await e2e.db.db
        .insertInto('items')
        .values({
          team_id: TEAM,
          kind: 'feedback',
          category: null,
          text: `Dashboard export number ${n}`,
          product: null,
          customer: null,
          revenue: null,
          urgency: null,
          competitor: null,
          customer_need: null,
          reason: null,
          author_id: 'U0SALES1',
          author_side: null,
          source_channel_id: null,
          source_ts: null,
          source_permalink: null,
          status: 'new',
          merged_into: null,
          card_channel_id: CHANNEL,
          card_ts: null,
          card_state: 'pending',
          reply_to: null,
          locale: null,
          client_key: null,
          created_at: '2026-11-20T10:00:00.000Z',
          updated_at: '2026-11-20T10:00:00.000Z',
        })
        .execute();
    }
    const answer = await search('search dashboard export', 'many');
    expect(answer.blocks).toHaveLength(12); // title, ten items, the hint
    expect(answer.blocks.at(-1)).toMatchObject({ type: 'context', elements: [{ text: en.search.more }] });
    // A card not posted yet has no link: its handle stands alone.
    expect(answer.blocks[1]!.text!.text).toMatch(/^\*#\d+\* · Feedback/);
  });
});
