import { expect, it } from 'vitest';
import { listItemsByAuthor, listItemsWithVotes } from '../../db/items.js';
import { countVotes, listVoters } from '../../db/votes.js';
import { messages } from '../../src/i18n/index.js';
import { ACTIONS, FIELD_ACTION, MERGE_FIELDS, VIEWS } from '../../src/ids.js';
import { CHANNEL, SIGNING_SECRET, startTestApp, TEAM, type TestApp } from '../support/app.js';
import { manualClock } from '../support/clock.js';
import { describeDb, dialect, OUTAGE, startOutage } from '../support/database.js';
import { useE2E } from '../support/e2e.js';
import type { SlackCall } from '../support/fake-slack.js';
import { buttonClick, cardOf } from '../support/interactions.js';
import { outboxRows } from '../support/outbox.js';
import { reactionEvent, sendCommand, sendEvent, sendInteraction } from '../support/slack-requests.js';

const opts = { secret: SIGNING_SECRET };
const en = messages('en');
const fr = messages('fr');

const ORIGINAL = 'Retail customers need an offline mode for their stores';
const DUPLICATE = 'Shops ask to keep selling when the network drops';

describeDb(`merging duplicates (${dialect})`, () => {
  const e2e = useE2E({ start: false });

  const items = () => e2e.db.db.selectFrom('items').selectAll().orderBy('id').execute();
  const command = (app: TestApp, text: string, userId: string, responseId: string) =>
    sendCommand(app.url, { command: '/terrain', text, user_id: userId, response_url: e2e.fake.responseUrl(responseId) }, opts);
  const responses = (id: string) => e2e.fake.callsTo('response_url').filter((c) => c.args._id === id);
  const dms = (userId: string) => e2e.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === userId);
  const link = (ts: string) => `https://acme.slack.com/archives/${CHANNEL}/p${ts.replace('.', '')}`;
  const customers = async (itemId: number) =>
    (
      await e2e.db.db
        .selectFrom('item_customers')
        .select(['account_key', 'revenue'])
        .where('item_id', '=', itemId)
        .orderBy('account_key')
        .execute()
    ).map((c) => [c.account_key, c.revenue]);

  /**
   * Two items on the board: the original (U0SALES1) voted for by U0V1 and U0V2, with the account Acme;
   * the duplicate (U0SALES2, who reads French) voted for by U0V2 and U0V3, with Acme (revenue 5,000) and
   * Globex. U0MKT is on the marketing side.
   */
  async function board(app: TestApp) {
    e2e.fake.setUser('U0SALES2', { locale: 'fr-FR' });
    await sendCommand(
      app.url,
      { command: '/feedback', text: ORIGINAL, user_id: 'U0SALES1', response_url: e2e.fake.responseUrl('a') },
      opts,
    );
    await app.drain();
    await sendCommand(
      app.url,
      { command: '/feedback', text: DUPLICATE, user_id: 'U0SALES2', response_url: e2e.fake.responseUrl('b') },
      opts,
    );
    await app.drain();
    const [original, duplicate] = await items();
    const originalTs = cardOf(e2e.fake, CHANNEL, original!.id)!.ts as string;
    const duplicateTs = cardOf(e2e.fake, CHANNEL, duplicate!.id)!.ts as string;
    for (const [user, ts] of [
      ['U0V1', originalTs],
      ['U0V2', originalTs],
      ['U0V2', duplicateTs],
      ['U0V3', duplicateTs],
    ] as const) {
      expect((await sendEvent(app.url, reactionEvent('reaction_added', { user, reaction: '+1', channel: CHANNEL, ts }), opts)).status).toBe(
        200,
      );
    }
    const customer = (itemId: number, key: string, revenue: number | null) => ({
      team_id: TEAM,
      item_id: itemId,
      account_key: key,
      account: key,
      revenue,
      note: null,
      added_by: 'U0SALES1',
      created_at: '2026-11-20T10:00:00.000Z',
    });
    await e2e.db.db
      .insertInto('item_customers')
      .values([customer(original!.id, 'acme', null), customer(duplicate!.id, 'acme', 5000), customer(duplicate!.id, 'globex', 2000)])
      .execute();
    await command(app, 'team marketing', 'U0MKT', 'side');
    await app.drain();
    return { original: original!, duplicate: duplicate!, originalTs, duplicateTs };
  }

  it('/terrain merge by marketing: votes and customers count on the original once each, both cards updated, the author credited, both authors told', async () => {
    const app = await e2e.start();
    const { original, duplicate, originalTs, duplicateTs } = await board(app);
    expect(await countVotes(e2e.db.db, original.id)).toBe(2);
    expect(await countVotes(e2e.db.db, duplicate.id)).toBe(2);
    const updatesBefore = e2e.fake.callsTo('chat.update').length;

    const res = await command(app, `merge #${duplicate.id} #${original.id}`, 'U0MKT', 'merge');
    expect(res.status).toBe(200);
    // Acknowledged means stored.
    expect((await items())[1]).toMatchObject({ status: 'merged', merged_into: original.id });
    await app.drain();

    // U0V2 voted for both and counts once; the duplicate's author backs the original they raised again.
    expect(await listVoters(e2e.db.db, original.id)).toEqual(['U0SALES2', 'U0V1', 'U0V2', 'U0V3']);
    expect(await countVotes(e2e.db.db, duplicate.id)).toBe(0);
    expect(await customers(original.id)).toEqual([
      ['acme', 5000], // once, with the revenue the duplicate knew
      ['globex', 2000],
    ]);
    expect(await customers(duplicate.id)).toEqual([]);
    // Every count reads the same: export, Home.
    expect((await listItemsWithVotes(e2e.db.db, TEAM)).map((i) => [i.id, i.status, i.votes, i.merged_into])).toEqual([
      [original.id, 'new', 4, null],
      [duplicate.id, 'merged', 0, original.id],
    ]);
    expect((await listItemsByAuthor(e2e.db.db, TEAM, 'U0SALES2', 10)).map((i) => [i.id, i.votes])).toEqual([[duplicate.id, 0]]);
    const history = await e2e.db.db.selectFrom('status_changes').selectAll().execute();
    expect(history).toMatchObject([{ item_id: duplicate.id, from_status: 'new', to_status: 'merged', by_user_id: 'U0MKT' }]);
    expect((await items())[1]!.first_response_at).not.toBeNull();

    // Both cards updated in place, once each.
    const updates = e2e.fake.callsTo('chat.update').slice(updatesBefore);
    expect(updates.map((c) => c.args.ts).sort()).toEqual([originalTs, duplicateTs].sort());
    // The duplicate's author credited in the original's thread, with their words.
    const credit = e2e.fake.messages(CHANNEL).filter((m) => m.thread_ts === originalTs && m.ts !== originalTs);
    expect(credit).toHaveLength(1);
    expect(credit[0]!.text).toBe(en.merge.credit('<@U0SALES2>', `#${duplicate.id}`));
    expect(JSON.stringify(credit[0]!.blocks)).toContain(DUPLICATE);
    // The merger, privately; each author by DM, in their language.
    expect(responses('merge').map((c) => c.args.text)).toEqual([
      en.merge.done(`#${duplicate.id}`, `<${link(originalTs)}|#${original.id}>`, 4, 2),
    ]);
    expect(dms('U0SALES2').map((c) => c.args.text)).toEqual([
      fr.merge.toDuplicateAuthor(`n° ${duplicate.id}`, `<${link(originalTs)}|n° ${original.id}>`, '<@U0MKT>'),
    ]);
    expect(dms('U0SALES1').map((c) => c.args.text)).toEqual([
      en.merge.toOriginalAuthor('<@U0SALES2>', `#${duplicate.id}`, `<${link(originalTs)}|#${original.id}>`, '<@U0MKT>', 4),
    ]);

    // The same command again (a retry): nothing more is changed or sent.
    const sent = e2e.fake.calls.length;
    await command(app, `merge ${duplicate.id} ${original.id}`, 'U0MKT', 'again');
    await app.drain();
    expect(responses('again').map((c) => c.args.text)).toEqual([en.merge.alreadyDone(`#${duplicate.id}`, `#${original.id}`)]);
    expect(e2e.fake.calls.length).toBe(sent + 1);
    expect(await countVotes(e2e.db.db, original.id)).toBe(4);
  });

  it('only marketing and Terrain admins may merge: anyone else is refused privately and nothing changes', async () => {
    const app = await e2e.start();
    const { original, duplicate } = await board(app);
    const before = { rows: (await outboxRows(e2e.db.db)).length, updates: e2e.fake.callsTo('chat.update').length };

    await command(app, `merge ${duplicate.id} ${original.id}`, 'U0SALES3', 'refused');
    await app.drain();
    expect(responses('refused').map((c) => c.args.text)).toEqual([en.merge.refused]);
    expect((await items()).map((i) => i.status)).toEqual(['new', 'new']);
    expect(await countVotes(e2e.db.db, duplicate.id)).toBe(2);
    expect((await outboxRows(e2e.db.db)).length).toBe(before.rows);
    expect(e2e.fake.callsTo('chat.update').length).toBe(before.updates);

    // A Slack admin (a Terrain admin by their role) may, whatever their side.
    e2e.fake.setUser('U0BOSS', { is_admin: true });
    await command(app, `merge ${duplicate.id} ${original.id}`, 'U0BOSS', 'admin');
    await app.drain();
    expect((await items())[1]).toMatchObject({ status: 'merged', merged_into: original.id });
    expect(responses('admin')[0]?.args.text).toContain('Done:');
  });

  it('refuses, with a friendly private answer, what cannot be merged; follows an original merged before to the item that stands', async () => {
    const app = await e2e.start();
    const { original, duplicate } = await board(app);
    await e2e.db.db
      .insertInto('items')
      .values({ ...original, id: undefined as never, team_id: 'T0OTHER', client_key: null, card_ts: null })
      .execute();
    const foreign = (await items()).at(-1)!;
    const ask = async (text: string, id: string) => {
      await command(app, text, 'U0MKT', id);
      await app.drain();
      return responses(id).map((c) => c.args.text);
    };
    expect(await ask(`merge ${original.id} ${original.id}`, 'self')).toEqual([en.merge.sameItem(`#${original.id}`)]);
    expect(await ask(`merge 999 ${original.id}`, 'unknown')).toEqual([en.merge.unknown('#999')]);
    expect(await ask(`merge ${duplicate.id} #${foreign.id}`, 'foreign')).toEqual([en.merge.unknown(`#${foreign.id}`)]);
    expect(await ask(`merge #${duplicate.id}`, 'usage')).toEqual([en.merge.usage]);
    expect(await ask('merge', 'usage2')).toEqual([en.merge.usage]);
    expect((await items()).filter((i) => i.team_id === TEAM).map((i) => i.status)).toEqual(['new', 'new']);

    expect(await ask(`merge #${duplicate.id} into #${original.id}`, 'ok')).toEqual([expect.stringContaining('Done:')]);
    // The other way round now would go round in a circle.
    expect(await ask(`merge ${original.id} ${duplicate.id}`, 'cycle')).toEqual([en.merge.cycle(`#${original.id}`, `#${duplicate.id}`)]);
    // A third item merged into the duplicate goes to the original it was merged into.
    await sendCommand(
      app.url,
      { command: '/flag', text: 'The brochure says nothing about prices', user_id: 'U0SALES3', response_url: e2e.fake.responseUrl('c') },
      opts,
    );
    await app.drain();
    const third = (await items()).filter((i) => i.team_id === TEAM).at(-1)!;
    const done = await ask(`merge ${third.id} ${duplicate.id}`, 'follow');
    expect(done).toHaveLength(1);
    expect(done[0]).toContain(en.merge.followed(`#${duplicate.id}`, `#${original.id}`));
    expect((await items()).find((i) => i.id === third.id)).toMatchObject({ status: 'merged', merged_into: original.id });
    // Merging it again elsewhere is refused: it is merged already.
    expect(await ask(`merge ${third.id} ${foreign.id}`, 'elsewhere')).toEqual([en.merge.unknown(`#${foreign.id}`)]);
    const fourth = await sendCommand(
      app.url,
      { command: '/flag', text: 'Webinar slides are outdated', user_id: 'U0SALES3', response_url: e2e.fake.responseUrl('d') },
      opts,
    );
    expect(fourth.status).toBe(200);
    await app.drain();
    const last = (await items()).filter((i) => i.team_id === TEAM).at(-1)!;
    expect(await ask(`merge ${third.id} ${last.id}`, 'merged-already')).toEqual([
      en.merge.alreadyMerged(`#${third.id}`, `#${original.id}`),
    ]);
  });

  it('the card control: marketing picks the original among look-alikes in a modal; the submission merges; others are refused', async () => {
    const app = await e2e.start();
    const { original, duplicate } = await board(app);
    // Two look-alikes of the duplicate to pick from.
    await sendCommand(
      app.url,
      { command: '/feedback', text: 'Shops lose sales when the network drops', user_id: 'U0V1', response_url: e2e.fake.responseUrl('e') },
      opts,
    );
    await app.drain();
    const lookalike = (await items()).at(-1)!;

    await sendInteraction(
      app.url,
      buttonClick({
        userId: 'U0SALES3',
        actionId: ACTIONS.mergeItem,
        value: String(duplicate.id),
        responseUrl: e2e.fake.responseUrl('no'),
        ephemeral: false,
        triggerId: '1.2.no',
      }),
      opts,
    );
    await app.drain();
    expect(responses('no').map((c) => c.args.text)).toEqual([en.merge.refused]);
    expect(e2e.fake.callsTo('views.open')).toHaveLength(0);

    await sendInteraction(
      app.url,
      buttonClick({
        userId: 'U0MKT',
        actionId: ACTIONS.mergeItem,
        value: String(duplicate.id),
        responseUrl: e2e.fake.responseUrl('yes'),
        ephemeral: false,
        triggerId: '1.2.yes',
      }),
      opts,
    );
    await app.drain();
    const opened = e2e.fake.callsTo('views.open')[0]!;
    expect(opened.args.trigger_id).toBe('1.2.yes');
    const view = opened.args.view;
    expect(view.callback_id).toBe(VIEWS.mergeItem);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const select = view.blocks.find((b: any) => b.block_id === MERGE_FIELDS.original);
    const offered = select.element.options.map((o: any) => o.value);
    expect(offered[0]).toBe(String(lookalike.id));
    expect(offered).not.toContain(String(duplicate.id));
    expect(select.element.options.every((o: any) => o.text.text.length <= 75)).toBe(true);

    const submit = (userId: string, answer: { pick?: string; number?: string }) =>
      sendInteraction(
        app.url,
        {
          type: 'view_submission',
          team: { id: TEAM, domain: 'acme' },
          user: { id: userId, username: userId, name: userId, team_id: TEAM },
          api_app_id: 'A0001',
          token: 'verification-token',
          trigger_id: '3.4.submit',
          view: {
            id: 'VMERGE',
            team_id: TEAM,
            type: 'modal',
            callback_id: VIEWS.mergeItem,
            private_metadata: view.private_metadata,
            hash: '1.a',
            state: {
              values: {
                [MERGE_FIELDS.original]: {
                  [FIELD_ACTION]: { type: 'static_select', selected_option: answer.pick ? { value: answer.pick } : null },
                },
                [MERGE_FIELDS.number]: { [FIELD_ACTION]: { type: 'plain_text_input', value: answer.number ?? null } },
              },
            },
          },
          response_urls: [],
          is_enterprise_install: false,
        },
        opts,
      );
    // A forged submission by someone who may not merge: refused where the merge would be stored.
    const forged = await submit('U0SALES3', { number: `#${original.id}` });
    expect(forged.json).toEqual({ response_action: 'errors', errors: { [MERGE_FIELDS.number]: en.merge.refused } });
    expect((await items())[1]!.status).toBe('new');
    expect((await submit('U0MKT', {})).json).toEqual({ response_action: 'errors', errors: { [MERGE_FIELDS.number]: en.merge.needOne } });
    expect((await submit('U0MKT', { number: String(duplicate.id) })).json).toEqual({
      response_action: 'errors',
      errors: { [MERGE_FIELDS.number]: en.merge.sameItem(`#${duplicate.id}`) },
    });
    const ok = await submit('U0MKT', { pick: String(lookalike.id) });
    expect(ok.status).toBe(200);
    expect(ok.text).toBe('');
    expect((await items())[1]).toMatchObject({ status: 'merged', merged_into: lookalike.id });
    await app.drain();
    // No response_url from a modal: the merger is told by DM.
    expect(dms('U0MKT').map((c) => c.args.text)).toEqual([expect.stringContaining(`Done: #${duplicate.id} is merged into`)]);
    expect(await listVoters(e2e.db.db, lookalike.id)).toEqual(['U0SALES2', 'U0V2', 'U0V3']);
    expect(await countVotes(e2e.db.db, original.id)).toBe(2);
  });

  it("Slack's 429 and 500 on the merge's messages: each is sent again later, and lands once", async () => {
    const clock = manualClock(new Date());
    const app = await e2e.start(undefined, clock);
    const { original, duplicate, originalTs, duplicateTs } = await board(app);
    // Fault: chat.update answers 429 (Retry-After 1 s) once; the credit in the thread gets a 500 once.
    e2e.fake.rateLimit('chat.update', 1, 1);
    let failed = false;
    e2e.fake.on('chat.postMessage', (args) => {
      if (args.thread_ts !== originalTs || failed) return undefined;
      failed = true;
      return { status: 500, body: 'oops' };
    });
    const callsBefore = e2e.fake.calls.length;
    await command(app, `merge ${duplicate.id} ${original.id}`, 'U0MKT', 'merge');
    await app.drain();
    expect(e2e.fake.callsTo('chat.update').some((c) => c.rateLimited)).toBe(true);
    expect(failed).toBe(true);
    const waiting = (await outboxRows(e2e.db.db)).filter((m) => m.state === 'pending');
    expect(waiting.map((m) => m.kind).sort()).toEqual(['item_card_update', 'post']);

    clock.advance(10 * 60_000);
    await app.drain();
    const after = e2e.fake.calls.slice(callsBefore).filter((c) => c.status === 200);
    expect(
      after
        .filter((c) => c.method === 'chat.update')
        .map((c) => c.args.ts)
        .sort(),
    ).toEqual([originalTs, duplicateTs].sort());
    // The 500 may have reached Slack: the thread was looked at first; the fake kept nothing, so it is posted once.
    expect(e2e.fake.messages(CHANNEL).filter((m) => m.thread_ts === originalTs && m.ts !== originalTs)).toHaveLength(1);
    expect((await outboxRows(e2e.db.db)).filter((m) => m.state !== 'sent')).toEqual([]);
  });

  it(`/terrain merge while ${OUTAGE}: nothing is half done, the answer says so, and the same command works afterwards`, async () => {
    const app = await e2e.start();
    const { original, duplicate } = await board(app);
    const outage = await startOutage(e2e.db);
    let res: Awaited<ReturnType<typeof command>>;
    try {
      res = await command(app, `merge ${duplicate.id} ${original.id}`, 'U0MKT', 'down');
    } finally {
      await outage.end();
    }
    expect(res.status).toBe(200);
    // The policy's honest answer, in the acknowledgement, with the command's words given back.
    expect(res.json).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(res.json)).toContain(en.failure.notSaved.slice(0, 40));
    expect(JSON.stringify(res.json)).toContain(`merge ${duplicate.id} ${original.id}`);
    expect((await items()).map((i) => i.status)).toEqual(['new', 'new']);
    expect(await countVotes(e2e.db.db, duplicate.id)).toBe(2);

    await command(app, `merge ${duplicate.id} ${original.id}`, 'U0MKT', 'up');
    await app.drain();
    expect((await items())[1]).toMatchObject({ status: 'merged', merged_into: original.id });
    expect(responses('up')[0]?.args.text).toContain('Done:');
  });

  it('a crash between the merge and its messages: a restarted process sends each message once', async () => {
    // Fault: the process that stored the merge dies before its outbox sends anything (its sender is stopped).
    const first = await e2e.start();
    const { original, duplicate, originalTs, duplicateTs } = await board(first);
    await first.outbox.stop();
    const callsBefore = e2e.fake.calls.length;
    expect((await command(first, `merge ${duplicate.id} ${original.id}`, 'U0MKT', 'merge')).status).toBe(200);
    await first.background.drain();
    expect(e2e.fake.calls.length).toBe(callsBefore);
    const pending = (await outboxRows(e2e.db.db)).filter((m) => m.state === 'pending');
    expect(pending.map((m) => m.kind).sort()).toEqual([
      'item_card_update',
      'item_card_update',
      'merge_notice',
      'merge_notice',
      'merge_notice',
      'post',
    ]);

    const second = await startTestApp({ db: e2e.db, fake: e2e.fake });
    const third = await startTestApp({ db: e2e.db, fake: e2e.fake });
    try {
      await Promise.all([second.drain(), third.drain()]);
      const after = e2e.fake.calls.slice(callsBefore);
      const count = (predicate: (c: SlackCall) => boolean) => after.filter(predicate).length;
      expect(count((c) => c.method === 'chat.update' && c.args.ts === originalTs)).toBe(1);
      expect(count((c) => c.method === 'chat.update' && c.args.ts === duplicateTs)).toBe(1);
      expect(count((c) => c.method === 'chat.postMessage' && c.args.thread_ts === originalTs)).toBe(1);
      expect(count((c) => c.method === 'response_url' && c.args._id === 'merge')).toBe(1);
      expect(count((c) => c.method === 'chat.postMessage' && c.args.channel === 'U0SALES2')).toBe(1);
      expect(count((c) => c.method === 'chat.postMessage' && c.args.channel === 'U0SALES1')).toBe(1);
      expect((await outboxRows(e2e.db.db)).filter((m) => m.state !== 'sent')).toEqual([]);
    } finally {
      await second.stop();
      await third.stop();
    }
  });
});
