import { describe, expect, it } from 'vitest';
import { setMemberSide } from '../../db/members.js';
import type { Side } from '../../db/schema.js';
import { previewDigest } from '../../src/digest/service.js';
import { messages } from '../../src/i18n/index.js';
import { AFTERWORK_FIELDS, FIELD_ACTION, VIEWS } from '../../src/ids.js';
import { afterworkDigestSection, homeAfterworkSection } from '../../src/services/afterwork-rhythm.js';
import { afterworkSubmission, blockText, click, openAfterworkModal, submitView } from '../support/afterwork.js';
import { CHANNEL, SIGNING_SECRET, TEAM } from '../support/app.js';
import { manualClock } from '../support/clock.js';
import { describeDb, dialect, OUTAGE, startOutage } from '../support/database.js';
import { useE2E } from '../support/e2e.js';
import { sendEvent } from '../support/slack-requests.js';

const en = messages('en');
const fr = messages('fr');

// Monday 23 November 2026, 10:00 in Paris.
const START = '2026-11-23T09:00:00.000Z';
// Thursday 26 November 2026, 18:30 in Paris.
const THURSDAY = '2026-11-26T17:30:00.000Z';
const THURSDAY_UNIX = Date.parse(THURSDAY) / 1000;

interface ViewBlock {
  type: string;
  block_id?: string;
  element?: Record<string, any>;
}

/** The action ids of a message's buttons. */
const actionIds = (blocks: unknown[]) =>
  (blocks as Array<{ type: string; elements?: Array<{ action_id?: string }> }>)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).map((e) => e.action_id));

const input = (view: { blocks: ViewBlock[] }, id: string) => view.blocks.find((b) => b.block_id === id)?.element;

describeDb(`after-works (${dialect})`, () => {
  const clock = manualClock(START);
  const e2e = useE2E({ start: false });

  const start = async () => {
    clock.set(START);
    await e2e.start(undefined, clock);
  };
  const afterworks = () => e2e.db.db.selectFrom('afterworks').selectAll().orderBy('id').execute();
  const rsvps = () => e2e.db.db.selectFrom('afterwork_rsvps').selectAll().orderBy('answered_at').orderBy('user_id').execute();
  const invites = () => e2e.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL);
  const side = (userId: string, s: Side) => setMemberSide(e2e.db.db, TEAM, userId, s, new Date(START));

  /** The host creates an after-work through the modal; returns the invite's ts once posted. */
  const create = async (answers: Parameters<typeof afterworkSubmission>[1] = {}, host = 'U0SALES1') => {
    const opened = await openAfterworkModal(e2e, '', host);
    const res = await submitView(
      e2e,
      afterworkSubmission(opened, { title: 'Drinks with marketing', when: THURSDAY, place: 'Le Comptoir', ...answers }, { userId: host }),
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    await e2e.app.drain();
    const [afterwork] = (await afterworks()).slice(-1);
    expect(afterwork?.message_ts).toBeTruthy();
    return afterwork as NonNullable<typeof afterwork>;
  };
  const card = (ts: string) => e2e.fake.messages(CHANNEL).find((m) => m.ts === ts) as { text: string; blocks: unknown[] };
  const rsvpClick = async (userId: string, ts: string, value: 'going' | 'maybe' | 'no') => {
    const res = await click(e2e, { userId, ts, actionId: `rsvp_${value}`, value });
    expect(res.status).toBe(200);
    await e2e.app.drain();
  };

  describe('the modal', () => {
    it('/afterwork with no text opens the invite modal: title, date and time, place, note, places and the shared channel by default', async () => {
      await start();
      const opened = await openAfterworkModal(e2e);
      const view = opened.args.view;
      expect(view.callback_id).toBe(VIEWS.afterworkCreate);
      expect(view.blocks.filter((b: ViewBlock) => b.type === 'input').map((b: ViewBlock) => b.block_id)).toEqual([
        AFTERWORK_FIELDS.title,
        AFTERWORK_FIELDS.when,
        AFTERWORK_FIELDS.place,
        AFTERWORK_FIELDS.note,
        AFTERWORK_FIELDS.capacity,
        AFTERWORK_FIELDS.channel,
      ]);
      expect(input(view, AFTERWORK_FIELDS.when)).toEqual({ type: 'datetimepicker', action_id: FIELD_ACTION });
      expect(input(view, AFTERWORK_FIELDS.channel)).toMatchObject({ type: 'conversations_select', initial_conversation: CHANNEL });
      expect(input(view, AFTERWORK_FIELDS.capacity)).toMatchObject({ type: 'number_input', is_decimal_allowed: false, min_value: '1' });
      expect(input(view, AFTERWORK_FIELDS.title)?.initial_value).toBe(en.afterwork.defaultTitle);
      expect(JSON.parse(view.private_metadata)).toMatchObject({ locale: 'en', timezone: 'Europe/Paris' });
      await e2e.app.drain();
      expect(await afterworks()).toHaveLength(0);
    });

    it('/afterwork Thursday 18:30 at Le Comptoir opens it filled in, on the host clock', async () => {
      await start();
      const view = (await openAfterworkModal(e2e, 'Thursday 18:30 at Le Comptoir')).args.view;
      expect(input(view, AFTERWORK_FIELDS.when)?.initial_date_time).toBe(THURSDAY_UNIX);
      expect(input(view, AFTERWORK_FIELDS.place)?.initial_value).toBe('Le Comptoir');
      expect(input(view, AFTERWORK_FIELDS.note)?.initial_value).toBeUndefined();
      expect(blockText(view.blocks)).toContain(en.afterwork.modal.fromText);
    });

    it('a host in New York: the same words are 18:30 on their clock', async () => {
      e2e.fake.setUser('U0NY', { tz: 'America/New_York' });
      await start();
      const view = (await openAfterworkModal(e2e, 'Thursday 18:30', 'U0NY')).args.view;
      expect(input(view, AFTERWORK_FIELDS.when)?.initial_date_time).toBe(Date.parse('2026-11-26T23:30:00.000Z') / 1000);
      expect(JSON.parse(view.private_metadata).timezone).toBe('America/New_York');
    });

    it('French: /afterwork jeudi 18h30 à Le Comptoir opens the French modal filled in, 12/5 read day first', async () => {
      e2e.fake.setUser('U0FR', { locale: 'fr-FR' });
      await start();
      const view = (await openAfterworkModal(e2e, 'jeudi 18h30 à Le Comptoir', 'U0FR')).args.view;
      expect(view.title.text).toBe(fr.afterwork.modal.title);
      expect(input(view, AFTERWORK_FIELDS.when)?.initial_date_time).toBe(THURSDAY_UNIX);
      expect(input(view, AFTERWORK_FIELDS.place)?.initial_value).toBe('Le Comptoir');
      const dated = (await openAfterworkModal(e2e, '3/12 19h', 'U0FR')).args.view;
      expect(input(dated, AFTERWORK_FIELDS.when)?.initial_date_time).toBe(Date.parse('2026-12-03T18:00:00.000Z') / 1000);
    });

    it('text it cannot understand stays in the note, and no time is made up', async () => {
      await start();
      const view = (await openAfterworkModal(e2e, 'bring your best customer story & a friend')).args.view;
      expect(input(view, AFTERWORK_FIELDS.note)?.initial_value).toBe('bring your best customer story & a friend');
      expect(input(view, AFTERWORK_FIELDS.when)?.initial_date_time).toBeUndefined();
    });

    it('refuses in the modal a time already past, an empty title and places that are not a positive whole number; nothing is stored', async () => {
      await start();
      const opened = await openAfterworkModal(e2e);
      const res = await submitView(e2e, afterworkSubmission(opened, { title: '  ', when: '2026-11-23T08:00:00.000Z', capacity: '0' }));
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        response_action: 'errors',
        errors: {
          [AFTERWORK_FIELDS.title]: en.afterwork.errors.titleEmpty,
          [AFTERWORK_FIELDS.when]: en.afterwork.errors.whenPast,
          [AFTERWORK_FIELDS.capacity]: en.afterwork.errors.capacity,
        },
      });
      const missing = await submitView(e2e, afterworkSubmission(opened, { title: 'x', when: null, capacity: '2.5' }));
      expect(missing.json.errors).toEqual({
        [AFTERWORK_FIELDS.when]: en.afterwork.errors.whenMissing,
        [AFTERWORK_FIELDS.capacity]: en.afterwork.errors.capacity,
      });
      await e2e.app.drain();
      expect(await afterworks()).toHaveLength(0);
      expect(invites()).toHaveLength(0);
    });
  });

  describe('the invite', () => {
    it('is stored with the host going before the modal closes, then posted with the time as a Slack date, the place, the host, RSVP buttons and calendar links', async () => {
      await side('U0SALES1', 'sales');
      await start();
      const opened = await openAfterworkModal(e2e);
      const res = await submitView(
        e2e,
        afterworkSubmission(opened, { title: 'Drinks <!channel>', when: THURSDAY, place: 'Le Comptoir', note: 'Ask for *Marc* & co' }),
      );
      expect(res.text).toBe('');
      // Acknowledged means stored.
      const [stored] = await afterworks();
      expect(stored).toMatchObject({
        team_id: TEAM,
        host_id: 'U0SALES1',
        title: 'Drinks <!channel>',
        starts_at: THURSDAY,
        timezone: 'Europe/Paris',
        place: 'Le Comptoir',
        capacity: null,
        channel_id: CHANNEL,
        state: 'active',
      });
      expect(await rsvps()).toMatchObject([{ user_id: 'U0SALES1', answer: 'going', side: 'sales' }]);
      await e2e.app.drain();
      expect(invites()).toHaveLength(1);
      const post = invites()[0]!.args;
      expect(post.metadata).toEqual({ event_type: 'terrain_afterwork', event_payload: { afterwork_id: stored!.id, team_id: TEAM } });
      const text = blockText(post.blocks);
      expect(text).toContain(`<!date^${THURSDAY_UNIX}^{date_short_pretty} at {time}|Thu 26 Nov 2026, 18:30>`);
      expect(text).toContain('Drinks &lt;!channel&gt;');
      expect(text).not.toContain('<!channel>');
      expect(text).toContain('Ask for *Marc* &amp; co');
      expect(text).toContain(':round_pushpin: Le Comptoir');
      expect(text).toContain(en.afterwork.card.host('<@U0SALES1>'));
      expect(text).toContain(en.afterwork.card.bySide(1, 0));
      expect(text).toContain(en.afterwork.card.marketingSilent);
      const buttons = (post.blocks as Array<{ type: string; elements?: Array<Record<string, any>> }>)
        .filter((b) => b.type === 'actions')
        .flatMap((b) => b.elements ?? []);
      expect(buttons.map((b) => [b.action_id, b.value ?? null])).toEqual([
        ['rsvp_going', 'going'],
        ['rsvp_maybe', 'maybe'],
        ['rsvp_no', 'no'],
        ['afterwork_edit', String(stored!.id)],
        ['afterwork_cancel', String(stored!.id)],
        ['afterwork_link_google', null],
        ['afterwork_link_outlook', null],
      ]);
      expect(buttons[4]?.confirm?.title.text).toBe(en.afterwork.card.confirmTitle);
      expect(buttons[5]?.url).toContain('dates=20261126T173000Z/20261126T193000Z');
      expect(buttons[6]?.url).toContain('startdt=2026-11-26T17%3A30%3A00Z');
      const [posted] = await afterworks();
      expect(posted?.message_ts).toBe(invites()[0]!.response && (invites()[0]!.response as { ts: string }).ts);
    });

    it('the same submission twice is one after-work and one invite', async () => {
      await start();
      const opened = await openAfterworkModal(e2e);
      const payload = afterworkSubmission(opened, { title: 'Drinks', when: THURSDAY }, { viewId: 'VSAME' });
      await submitView(e2e, payload);
      await submitView(e2e, payload);
      await e2e.app.drain();
      expect(await afterworks()).toHaveLength(1);
      expect(invites()).toHaveLength(1);
    });

    it('a French workspace gets the invite in French', async () => {
      await e2e.db.db
        .insertInto('workspaces')
        .values({
          team_id: TEAM,
          channel_id: CHANNEL,
          digest_cron: null,
          digest_timezone: null,
          locale: 'fr',
          schedule_key: null,
          schedule_since: null,
          first_admin_at: null,
          currency: null,
          sales_usergroup_id: null,
          marketing_usergroup_id: null,
          created_at: START,
          updated_at: START,
        })
        .execute();
      await start();
      const afterwork = await create();
      const text = blockText(card(afterwork.message_ts!).blocks);
      expect(text).toContain(`<!date^${THURSDAY_UNIX}^{date_short_pretty} à {time}|jeu. 26 nov. 2026, 18:30>`);
      expect(text).toContain(fr.afterwork.card.host('<@U0SALES1>'));
      expect(text).toContain(fr.afterwork.card.rsvpGoing);
    });
  });

  describe('RSVP', () => {
    it('one answer per person: a new one replaces the last, the invite is updated in place each time, a double click changes nothing', async () => {
      await side('U0SALES1', 'sales');
      await side('U0MKT1', 'marketing');
      await start();
      const afterwork = await create();
      const ts = afterwork.message_ts!;
      await rsvpClick('U0MKT1', ts, 'going');
      expect((await rsvps()).map((r) => [r.user_id, r.answer, r.side])).toEqual([
        ['U0MKT1', 'going', 'marketing'],
        ['U0SALES1', 'going', 'sales'],
      ]);
      let text = blockText(card(ts).blocks);
      expect(text).toContain(en.afterwork.card.going(2, '<@U0SALES1>, <@U0MKT1>'));
      expect(text).not.toContain(en.afterwork.card.marketingSilent);
      expect(text).toContain(en.afterwork.card.bySide(1, 1));
      expect(text).toContain(en.afterwork.card.both);
      const updates = e2e.fake.callsTo('chat.update').length;
      expect(updates).toBe(1);
      await rsvpClick('U0MKT1', ts, 'going');
      expect(e2e.fake.callsTo('chat.update')).toHaveLength(updates);
      await rsvpClick('U0MKT1', ts, 'maybe');
      await rsvpClick('U0MKT1', ts, 'no');
      const mine = (await rsvps()).filter((r) => r.user_id === 'U0MKT1');
      expect(mine).toMatchObject([{ answer: 'no', side: 'marketing' }]);
      text = blockText(card(ts).blocks);
      expect(text).toContain(en.afterwork.card.going(1, '<@U0SALES1>'));
      expect(text).toContain(en.afterwork.card.no(1));
      expect(text).toContain(en.afterwork.card.marketingNotGoing);
      expect(e2e.fake.callsTo('chat.update')).toHaveLength(updates + 2);
    });
  });

  /** Direct messages Terrain sent to a user (a DM is a chat.postMessage to their user id). */
  const dms = (userId: string) => e2e.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === userId && c.status === 200);
  /** Private answers through the response_url of a click. */
  const privateAnswers = () => e2e.fake.callsTo('response_url');

  describe('capacity and the waitlist', () => {
    it('going beyond the places joins the waitlist (told privately); a freed place goes to the side with fewer people going first, else to the earliest', async () => {
      await side('U0SALES1', 'sales');
      await side('U0SALES2', 'sales');
      await side('U0SALES3', 'sales');
      await side('U0MKT1', 'marketing');
      await side('U0MKT2', 'marketing');
      await start();
      const afterwork = await create({ capacity: '3' });
      const ts = afterwork.message_ts!;
      const step = async (userId: string, value: 'going' | 'maybe' | 'no') => {
        clock.advance(60_000);
        await rsvpClick(userId, ts, value);
      };
      await step('U0SALES2', 'going');
      await step('U0MKT1', 'going');
      expect(blockText(card(ts).blocks)).toContain(en.afterwork.card.full(3));
      // Full: the next two wait, in order; each is told privately where the click was.
      await step('U0SALES3', 'going');
      await step('U0MKT2', 'going');
      const answer = async (userId: string) => Object.fromEntries((await rsvps()).map((r) => [r.user_id, r.answer]))[userId];
      expect(await answer('U0SALES3')).toBe('waitlisted');
      expect(await answer('U0MKT2')).toBe('waitlisted');
      expect(privateAnswers().map((c) => c.args.text)).toEqual([
        en.afterwork.rsvp.waitlisted('Drinks with marketing', 1),
        en.afterwork.rsvp.waitlisted('Drinks with marketing', 2),
      ]);
      expect(blockText(card(ts).blocks)).toContain(en.afterwork.card.waitlist(2, '<@U0SALES3>, <@U0MKT2>'));

      // Marketing's only person going steps out: marketing now has fewer going, so its waiting member
      // gets the place although sales' joined the waitlist first.
      await step('U0MKT1', 'no');
      expect(await answer('U0MKT2')).toBe('going');
      expect(await answer('U0SALES3')).toBe('waitlisted');
      expect(dms('U0MKT2')).toHaveLength(1);
      expect(dms('U0MKT2')[0]!.args.text).toContain(':tada:');
      expect(dms('U0MKT2')[0]!.args.text).toContain('*Drinks with marketing*');
      expect(dms('U0SALES3')).toHaveLength(0);
      let text = blockText(card(ts).blocks);
      expect(text).toContain(en.afterwork.card.both);
      expect(text).toContain(en.afterwork.card.waitlist(1, '<@U0SALES3>'));

      // Now as many from each side (host + U0SALES2 vs U0MKT2 → 2:1; U0SALES2 leaves → 1:1): the earliest waiting.
      await step('U0SALES2', 'maybe');
      expect(await answer('U0SALES3')).toBe('going');
      expect(dms('U0SALES3')).toHaveLength(1);
      text = blockText(card(ts).blocks);
      expect(text).not.toContain('Waitlist');
      expect(text).toContain(en.afterwork.card.bySide(2, 1));
      expect(text).toContain(en.afterwork.card.maybe(1));
    });

    it('two people answering going for the last place at once: one gets it, the other waits', async () => {
      await start();
      const afterwork = await create({ capacity: '2' });
      const ts = afterwork.message_ts!;
      await Promise.all([
        click(e2e, { userId: 'U0MKT1', ts, actionId: 'rsvp_going', value: 'going' }),
        click(e2e, { userId: 'U0MKT2', ts, actionId: 'rsvp_going', value: 'going' }),
      ]);
      await e2e.app.drain();
      const answers = (await rsvps())
        .filter((r) => r.user_id !== 'U0SALES1')
        .map((r) => r.answer)
        .sort();
      expect(answers).toEqual(['going', 'waitlisted']);
    });
  });

  describe('after the start', () => {
    it('RSVPs are refused privately, nothing changes, and the invite says answers are closed', async () => {
      await start();
      const afterwork = await create();
      const ts = afterwork.message_ts!;
      clock.set('2026-11-26T17:31:00.000Z');
      await e2e.app.drain();
      // The invite was queued to close at the start.
      const closed = blockText(card(ts).blocks);
      expect(closed).toContain(en.afterwork.card.closed);
      expect(actionIds(card(ts).blocks)).toEqual([]);
      const before = await rsvps();
      const res = await click(e2e, {
        userId: 'U0MKT1',
        ts,
        actionId: 'rsvp_going',
        value: 'going',
        blockId: `afterwork_rsvp_${afterwork.id}`,
      });
      expect(res.status).toBe(200);
      await e2e.app.drain();
      expect(await rsvps()).toEqual(before);
      expect(privateAnswers().map((c) => c.args.text)).toEqual([en.afterwork.rsvp.closed]);
    });

    it('the host cannot step out of their own after-work: they are told to cancel it instead', async () => {
      await start();
      const afterwork = await create();
      await rsvpClick('U0SALES1', afterwork.message_ts!, 'no');
      expect(await rsvps()).toMatchObject([{ user_id: 'U0SALES1', answer: 'going' }]);
      expect(privateAnswers().map((c) => c.args.text)).toEqual([en.afterwork.rsvp.hostStays]);
    });
  });

  describe('host controls', () => {
    const edit = async (userId: string, afterworkId: number, ts: string) => {
      const res = await click(e2e, { userId, ts, actionId: 'afterwork_edit', value: String(afterworkId) });
      expect(res.status).toBe(200);
    };
    const cancel = async (userId: string, afterworkId: number, ts: string) => {
      const res = await click(e2e, { userId, ts, actionId: 'afterwork_cancel', value: String(afterworkId) });
      expect(res.status).toBe(200);
      await e2e.app.drain();
    };

    it('anyone else than the host or a Terrain admin is refused privately, and nothing changes', async () => {
      await start();
      const afterwork = await create();
      await edit('U0MKT1', afterwork.id, afterwork.message_ts!);
      await cancel('U0MKT1', afterwork.id, afterwork.message_ts!);
      await e2e.app.drain();
      expect(e2e.fake.callsTo('views.open')).toHaveLength(1); // the host's own /afterwork
      expect(privateAnswers().map((c) => c.args.text)).toEqual([en.afterwork.errors.notHost, en.afterwork.errors.notHost]);
      expect(await afterworks()).toMatchObject([{ state: 'active', title: 'Drinks with marketing' }]);
    });

    it('the host edits from the invite: the modal opens filled in; a new time and place update the invite and tell everyone going or maybe, each in their language', async () => {
      e2e.fake.setUser('U0MKT1', { locale: 'fr-FR' });
      await start();
      const afterwork = await create({ note: 'Ask for Marc', capacity: '10' });
      const ts = afterwork.message_ts!;
      await rsvpClick('U0MKT1', ts, 'going');
      await rsvpClick('U0MKT2', ts, 'maybe');
      await rsvpClick('U0SALES2', ts, 'no');
      await edit('U0SALES1', afterwork.id, ts);
      const opened = await e2e.fake.waitFor('views.open', (c) => c.args.view?.callback_id === VIEWS.afterworkEdit);
      const view = opened.args.view;
      expect(input(view, AFTERWORK_FIELDS.title)?.initial_value).toBe('Drinks with marketing');
      expect(input(view, AFTERWORK_FIELDS.when)?.initial_date_time).toBe(THURSDAY_UNIX);
      expect(input(view, AFTERWORK_FIELDS.note)?.initial_value).toBe('Ask for Marc');
      expect(input(view, AFTERWORK_FIELDS.capacity)?.initial_value).toBe('10');
      expect(input(view, AFTERWORK_FIELDS.channel)).toBeUndefined();
      const friday = '2026-11-27T18:00:00.000Z';
      const res = await submitView(
        e2e,
        afterworkSubmission(
          opened,
          { title: 'Drinks with marketing', when: friday, place: 'Café Oz', note: 'Ask for Marc', capacity: '10' },
          { userId: 'U0SALES1' },
        ),
      );
      expect(res.text).toBe('');
      expect(await afterworks()).toMatchObject([{ starts_at: friday, place: 'Café Oz' }]);
      await e2e.app.drain();
      expect(blockText(card(ts).blocks)).toContain(`<!date^${Date.parse(friday) / 1000}^`);
      expect(blockText(card(ts).blocks)).toContain('Café Oz');
      const mkt = dms('U0MKT1');
      expect(mkt).toHaveLength(1);
      expect(mkt[0]!.args.text).toContain(fr.afterwork.dm.changed('Drinks with marketing', '<@U0SALES1>'));
      expect(mkt[0]!.args.text).toContain('• Quand : <!date^');
      expect(mkt[0]!.args.text).toContain(fr.afterwork.dm.placeChanged('Café Oz', 'Le Comptoir'));
      const maybe = dms('U0MKT2');
      expect(maybe).toHaveLength(1);
      expect(maybe[0]!.args.text).toContain(en.afterwork.dm.placeChanged('Café Oz', 'Le Comptoir'));
      expect(blockText(maybe[0]!.args.blocks)).toContain('See the invite');
      // Who said no, and the host who made the change, are not told.
      expect(dms('U0SALES2')).toHaveLength(0);
      expect(dms('U0SALES1')).toHaveLength(0);
    });

    it('an edit to a time already past, or to fewer places than people going, is refused in the modal', async () => {
      await start();
      const afterwork = await create();
      const ts = afterwork.message_ts!;
      await rsvpClick('U0MKT1', ts, 'going');
      await edit('U0SALES1', afterwork.id, ts);
      const opened = await e2e.fake.waitFor('views.open', (c) => c.args.view?.callback_id === VIEWS.afterworkEdit);
      const res = await submitView(
        e2e,
        afterworkSubmission(opened, { title: 'x', when: '2026-11-22T18:00:00.000Z', capacity: '1' }, { userId: 'U0SALES1' }),
      );
      expect(res.json).toEqual({
        response_action: 'errors',
        errors: {
          [AFTERWORK_FIELDS.when]: en.afterwork.errors.whenPast,
          [AFTERWORK_FIELDS.capacity]: en.afterwork.errors.capacityBelowGoing(2),
        },
      });
      expect(await afterworks()).toMatchObject([{ title: 'Drinks with marketing', starts_at: THURSDAY }]);
    });

    it('more places given in an edit go to the waitlist at once, by the same rule, each promoted person told', async () => {
      await side('U0SALES1', 'sales');
      await side('U0SALES2', 'sales');
      await side('U0MKT1', 'marketing');
      await start();
      const afterwork = await create({ capacity: '1' });
      const ts = afterwork.message_ts!;
      await rsvpClick('U0SALES2', ts, 'going');
      clock.advance(60_000);
      await rsvpClick('U0MKT1', ts, 'going');
      await edit('U0SALES1', afterwork.id, ts);
      const opened = await e2e.fake.waitFor('views.open', (c) => c.args.view?.callback_id === VIEWS.afterworkEdit);
      await submitView(
        e2e,
        afterworkSubmission(
          opened,
          { title: 'Drinks with marketing', when: THURSDAY, place: 'Le Comptoir', capacity: '2' },
          { userId: 'U0SALES1' },
        ),
      );
      await e2e.app.drain();
      expect(Object.fromEntries((await rsvps()).map((r) => [r.user_id, r.answer]))).toEqual({
        U0SALES1: 'going',
        U0SALES2: 'waitlisted',
        U0MKT1: 'going',
      });
      expect(dms('U0MKT1')).toHaveLength(1);
      expect(dms('U0MKT1')[0]!.args.text).toContain(':tada:');
      // Nothing worth telling changed for the others (same title, time and place).
      expect(dms('U0SALES2')).toHaveLength(0);
      expect(blockText(card(ts).blocks)).toContain(en.afterwork.card.waitlist(1, '<@U0SALES2>'));
    });

    it('a non-host who got hold of the edit modal is refused where the change is stored', async () => {
      await start();
      const afterwork = await create();
      await edit('U0SALES1', afterwork.id, afterwork.message_ts!);
      const opened = await e2e.fake.waitFor('views.open', (c) => c.args.view?.callback_id === VIEWS.afterworkEdit);
      const res = await submitView(e2e, afterworkSubmission(opened, { title: 'Hijacked', when: THURSDAY }, { userId: 'U0MKT1' }));
      expect(res.json).toEqual({ response_action: 'errors', errors: { [AFTERWORK_FIELDS.title]: en.afterwork.errors.notHost } });
      expect(await afterworks()).toMatchObject([{ title: 'Drinks with marketing' }]);
    });

    it('the host cancels (after Slack’s confirmation): the invite says so and keeps who had answered; everyone going, maybe or waitlisted is told', async () => {
      e2e.fake.setUser('U0MKT1', { locale: 'fr-FR' });
      await start();
      const afterwork = await create({ capacity: '2' });
      const ts = afterwork.message_ts!;
      await rsvpClick('U0MKT1', ts, 'going');
      await rsvpClick('U0MKT2', ts, 'going'); // waitlisted
      await rsvpClick('U0SALES2', ts, 'maybe');
      await rsvpClick('U0SALES3', ts, 'no');
      await cancel('U0SALES1', afterwork.id, ts);
      expect(await afterworks()).toMatchObject([{ state: 'cancelled', cancelled_by: 'U0SALES1' }]);
      const text = blockText(card(ts).blocks);
      expect(text).toContain(en.afterwork.card.cancelled('<@U0SALES1>'));
      expect(text).toContain(en.afterwork.card.going(2, '<@U0SALES1>, <@U0MKT1>'));
      expect(actionIds(card(ts).blocks)).toEqual([]);
      expect(dms('U0MKT1').map((c) => c.args.text)).toEqual([
        expect.stringContaining(
          fr.afterwork.dm.cancelled(
            'Drinks with marketing',
            `<!date^${THURSDAY_UNIX}^{date_short_pretty} à {time}|jeu. 26 nov. 2026, 18:30>`,
            '<@U0SALES1>',
          ),
        ),
      ]);
      expect(dms('U0MKT2')).toHaveLength(1);
      expect(dms('U0SALES2')).toHaveLength(1);
      expect(dms('U0SALES3')).toHaveLength(0);
      // Answers are closed on a cancelled invite; a second cancel changes nothing more.
      await rsvpClick('U0SALES3', ts, 'going');
      expect(privateAnswers().at(-1)?.args.text).toBe(en.afterwork.rsvp.cancelled);
      await cancel('U0SALES1', afterwork.id, ts);
      expect(dms('U0MKT2')).toHaveLength(1);
    });

    it('a Terrain admin may cancel someone else’s after-work', async () => {
      e2e.fake.setUser('U0ADMIN', { is_admin: true });
      await start();
      const afterwork = await create();
      await cancel('U0ADMIN', afterwork.id, afterwork.message_ts!);
      expect(await afterworks()).toMatchObject([{ state: 'cancelled', cancelled_by: 'U0ADMIN' }]);
      expect(dms('U0SALES1').map((c) => c.args.text)).toEqual([
        expect.stringContaining(
          en.afterwork.dm.cancelled(
            'Drinks with marketing',
            `<!date^${THURSDAY_UNIX}^{date_short_pretty} at {time}|Thu 26 Nov 2026, 18:30>`,
            '<@U0ADMIN>',
          ),
        ),
      ]);
    });
  });

  describe('when things go wrong', () => {
    it('an invite Slack refuses (Terrain not in the channel) is kept: the host is told privately, and it is posted once Terrain is let in', async () => {
      await start();
      let closed = true;
      e2e.fake.on('chat.postMessage', (args) =>
        closed && args.channel === 'C0PRIVATE' ? { ok: false, error: 'not_in_channel' } : undefined,
      );
      const opened = await openAfterworkModal(e2e);
      await submitView(e2e, afterworkSubmission(opened, { title: 'Drinks', when: THURSDAY, channel: 'C0PRIVATE' }));
      await e2e.app.drain();
      expect(await afterworks()).toMatchObject([{ channel_id: 'C0PRIVATE', message_ts: null }]);
      expect(dms('U0SALES1').map((c) => c.args.text)).toEqual([en.afterwork.errors.notInChannel('<#C0PRIVATE>')]);
      // Someone types /invite @Terrain there.
      closed = false;
      const res = await sendEvent(
        e2e.app.url,
        { type: 'member_joined_channel', user: 'UBOT', channel: 'C0PRIVATE', team: TEAM, event_ts: '1.1' },
        { secret: SIGNING_SECRET },
      );
      expect(res.status).toBe(200);
      await e2e.app.drain();
      const posted = e2e.fake
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === 'C0PRIVATE' && c.status === 200 && c.response && (c.response as { ok: boolean }).ok);
      expect(posted).toHaveLength(1);
      expect((await afterworks())[0]?.message_ts).toBe((posted[0]!.response as { ts: string }).ts);
    });

    it('a 429 on the invite is waited out: posted once, after Retry-After', async () => {
      await start();
      e2e.fake.rateLimit('chat.postMessage', 1, 1);
      const opened = await openAfterworkModal(e2e);
      await submitView(e2e, afterworkSubmission(opened, { title: 'Drinks', when: THURSDAY }));
      await e2e.app.drain();
      expect(invites().filter((c) => c.rateLimited)).toHaveLength(1);
      expect(invites().filter((c) => !c.rateLimited)).toHaveLength(0);
      clock.advance(2_000);
      await e2e.app.drain();
      expect(invites().filter((c) => !c.rateLimited)).toHaveLength(1);
      expect((await afterworks())[0]?.message_ts).toBeTruthy();
    });

    it(`an answer while the database is down (${OUTAGE}) is not acknowledged as stored: the person is told, and answering again afterwards counts once`, async () => {
      await start();
      const afterwork = await create();
      const ts = afterwork.message_ts!;
      const outage = await startOutage(e2e.db);
      let res: Awaited<ReturnType<typeof click>>;
      try {
        res = await click(e2e, { userId: 'U0MKT1', ts, actionId: 'rsvp_going', value: 'going' });
      } finally {
        await outage.end();
      }
      expect(res.status).toBe(200);
      await e2e.app.drain();
      expect((await rsvps()).map((r) => r.user_id)).toEqual(['U0SALES1']);
      expect(privateAnswers().map((c) => c.args.text)).toEqual([en.failure.notSavedNoText]);
      await rsvpClick('U0MKT1', ts, 'going');
      expect((await rsvps()).filter((r) => r.user_id === 'U0MKT1')).toMatchObject([{ answer: 'going' }]);
    });
  });

  describe('in the rhythm (the builders the digest and Home use)', () => {
    it('the digest section lists the coming after-works and the period’s mix by side', async () => {
      await side('U0SALES1', 'sales');
      await side('U0MKT1', 'marketing');
      await start();
      const afterwork = await create();
      await rsvpClick('U0MKT1', afterwork.message_ts!, 'going');
      const week = { from: new Date('2026-11-16T08:00:00.000Z'), to: new Date(START) };
      const before = await afterworkDigestSection(e2e.app.deps, TEAM, week, en, 'en');
      expect(blockText(before)).toContain(
        en.afterwork.digest.upcoming(
          'Drinks with marketing',
          `<!date^${THURSDAY_UNIX}^{date_short_pretty} at {time}|Thu 26 Nov 2026, 18:30>`,
          2,
        ),
      );
      // The next week's digest: it happened, with one from each side.
      const next = { from: new Date(START), to: new Date('2026-11-30T08:00:00.000Z') };
      const after = blockText(await afterworkDigestSection(e2e.app.deps, TEAM, next, fr, 'fr'));
      expect(after).toContain(fr.afterwork.digest.mix('Drinks with marketing', 1, 1, 0));
      expect(after).toContain(fr.afterwork.digest.none);
      // A period with none, and none coming: nothing to say.
      expect(
        await afterworkDigestSection(
          e2e.app.deps,
          TEAM,
          { from: new Date('2027-01-04T08:00:00.000Z'), to: new Date('2027-01-11T08:00:00.000Z') },
          en,
          'en',
        ),
      ).toEqual([]);
    });

    it('the Home section shows the next after-work, the reader’s own answer and a link to the invite', async () => {
      await start();
      const afterwork = await create();
      await rsvpClick('U0MKT1', afterwork.message_ts!, 'maybe');
      const client = e2e.app.terrain.app.client;
      const blocks = await homeAfterworkSection(e2e.app.deps, client, TEAM, 'U0MKT1', en, 'en');
      expect(blockText(blocks)).toContain(en.afterwork.home.yourAnswer(en.afterwork.answer.maybe));
      expect(JSON.stringify(blocks)).toContain(`https://acme.slack.com/archives/${CHANNEL}/p${afterwork.message_ts!.replace('.', '')}`);
      expect(blockText(await homeAfterworkSection(e2e.app.deps, client, TEAM, 'U0NEW', en, 'en'))).toContain(en.afterwork.home.noAnswer);
      clock.set('2026-11-27T09:00:00.000Z');
      expect(blockText(await homeAfterworkSection(e2e.app.deps, client, TEAM, 'U0MKT1', en, 'en'))).toContain(en.afterwork.home.none);
    });

    it('the digest and the Home tab carry them: the coming after-work in the digest, the reader’s answer on Home', async () => {
      await start();
      const afterwork = await create();
      await rsvpClick('U0MKT1', afterwork.message_ts!, 'going');
      const client = e2e.app.terrain.app.client;
      const digest = await previewDigest(e2e.app.deps, client, TEAM);
      expect(blockText(digest.main.blocks)).toContain(en.afterwork.digest.title);
      expect(blockText(digest.main.blocks)).toContain('Drinks with marketing');

      e2e.fake.reset();
      await sendEvent(e2e.app.url, { type: 'app_home_opened', user: 'U0MKT1', tab: 'home', channel: 'D0HOME' }, { secret: SIGNING_SECRET });
      await e2e.app.drain();
      const published = await e2e.fake.waitFor('views.publish', (c) => c.args.user_id === 'U0MKT1');
      const home = blockText(published.args.view.blocks);
      expect(home).toContain('Drinks with marketing');
      expect(home).toContain(en.afterwork.home.yourAnswer(en.afterwork.answer.going));
    });
  });
});
