import { describe, expect, it } from 'vitest';
import { setMemberSide } from '../../db/members.js';
import type { Side } from '../../db/schema.js';
import { messages } from '../../src/i18n/index.js';
import { AFTERWORK_FIELDS, FIELD_ACTION, VIEWS } from '../../src/ids.js';
import { afterworkSubmission, blockText, click, openAfterworkModal, submitView } from '../support/afterwork.js';
import { CHANNEL, TEAM } from '../support/app.js';
import { manualClock } from '../support/clock.js';
import { describeDb, dialect } from '../support/database.js';
import { useE2E } from '../support/e2e.js';

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
      expect(text).toContain(en.afterwork.card.bySide(1, 0, 0));
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
      expect(text).toContain(en.afterwork.card.bySide(1, 1, 0));
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
});
