import { describe, expect, it } from 'vitest';
import type { RsvpAnswer, Side } from '../../../db/schema.js';
import {
  afterworkDigestLines,
  afterworkIdOfBlock,
  buildAfterworkCard,
  buildAfterworkDigestSection,
  buildCancelledDm,
  buildChangedDm,
  buildHomeAfterworkSection,
  buildReminderDm,
  type CardAfterwork,
  MAX_NAMES,
  rsvpBlockId,
} from '../../../src/blocks/afterwork.js';
import { buildAfterworkModal } from '../../../src/blocks/afterwork-modal.js';
import { LIMITS } from '../../../src/blocks/kit.js';
import type { Rsvp } from '../../../src/domain/afterwork.js';
import { messages } from '../../../src/i18n/index.js';
import { AFTERWORK_FIELDS, VIEWS } from '../../../src/ids.js';

const en = messages('en');
const fr = messages('fr');
const NOW = new Date('2026-11-23T09:00:00.000Z');
const THURSDAY = '2026-11-26T17:30:00.000Z';
const UNIX = Date.parse(THURSDAY) / 1000;

const afterwork: CardAfterwork = {
  id: 7,
  title: 'Drinks <!here> & co',
  starts_at: THURSDAY,
  timezone: 'Europe/Paris',
  place: 'Le <Comptoir>',
  note: 'Ask for *Marc* <@U0EVIL>',
  capacity: null,
  host_id: 'U0HOST',
  state: 'active',
  cancelled_by: null,
};
const r = (userId: string, answer: RsvpAnswer, side: Side | null, minute = 0): Rsvp => {
  const at = new Date(NOW.getTime() + minute * 60_000).toISOString();
  return { userId, answer, side, answeredAt: at, waitlistedAt: answer === 'waitlisted' ? at : null };
};

/** All the mrkdwn and plain text a reader sees. */
const textOf = (blocks: unknown): string => JSON.stringify(blocks);
const buttons = (blocks: Array<{ type: string; elements?: Array<Record<string, any>> }>) =>
  blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

describe('buildAfterworkCard', () => {
  const rsvps = [
    r('U0HOST', 'going', 'sales'),
    r('U0MKT1', 'going', 'marketing', 1),
    r('U0MAYBE', 'maybe', 'sales', 2),
    r('U0NO', 'no', null, 3),
  ];

  it('shows the time as a Slack date with a fallback on the host clock, the escaped title, place and note, and the host', () => {
    const card = buildAfterworkCard(afterwork, rsvps, NOW, en, 'en');
    const text = textOf(card.blocks);
    expect(text).toContain(`<!date^${UNIX}^{date_short_pretty} at {time}|Thu 26 Nov 2026, 18:30>`);
    expect(text).toContain('Drinks &lt;!here&gt; &amp; co');
    expect(text).toContain('Le &lt;Comptoir&gt;');
    expect(text).toContain('Ask for *Marc* &lt;@U0EVIL&gt;');
    expect(text).not.toContain('<!here>');
    expect(text).not.toContain('<@U0EVIL>');
    expect(text).toContain(en.afterwork.card.host('<@U0HOST>'));
    expect(card.text).toBe(
      en.afterwork.card.fallback('Drinks &lt;!here&gt; &amp; co', `<!date^${UNIX}^{date_short_pretty} at {time}|Thu 26 Nov 2026, 18:30>`),
    );
  });

  it('lists who is going (host first), counts each side, maybes and noes, and says both teams are represented', () => {
    const text = textOf(
      buildAfterworkCard(afterwork, [r('U0MKT1', 'going', 'marketing'), ...rsvps.slice(2), r('U0HOST', 'going', 'sales', 5)], NOW, en, 'en')
        .blocks,
    );
    expect(text).toContain(en.afterwork.card.going(2, '<@U0HOST>, <@U0MKT1>'));
    expect(text).toContain([en.afterwork.card.bySide(1, 1), en.afterwork.card.maybe(1), en.afterwork.card.no(1)].join(' · '));
    expect(text).toContain(en.afterwork.card.both);
    expect(text).not.toContain('U0MAYBE');
    expect(text).not.toContain(en.afterwork.card.other(0));
    const others = textOf(buildAfterworkCard(afterwork, [r('U0HOST', 'going', null), r('U0S', 'going', 'sales')], NOW, en, 'en').blocks);
    expect(others).toContain([en.afterwork.card.bySide(1, 0), en.afterwork.card.other(1)].join(' · '));
  });

  it('says plainly which team is missing, and whether it has answered at all', () => {
    const line = (list: Rsvp[]) => textOf(buildAfterworkCard(afterwork, list, NOW, en, 'en').blocks);
    expect(line([r('U0HOST', 'going', 'sales')])).toContain(en.afterwork.card.marketingSilent);
    expect(line([r('U0HOST', 'going', 'sales'), r('U0M', 'no', 'marketing')])).toContain(en.afterwork.card.marketingNotGoing);
    expect(line([r('U0HOST', 'going', 'marketing')])).toContain(en.afterwork.card.salesSilent);
    expect(line([r('U0HOST', 'going', null)])).toContain(en.afterwork.card.neitherSilent);
  });

  it('RSVP buttons with unique ids and the answer as value in a block that names the after-work; host controls; calendar links', () => {
    const card = buildAfterworkCard(afterwork, rsvps, NOW, en, 'en');
    const all = buttons(card.blocks as never);
    expect(all.map((b) => [b.action_id, b.value])).toEqual([
      ['rsvp_going', 'going'],
      ['rsvp_maybe', 'maybe'],
      ['rsvp_no', 'no'],
      ['afterwork_edit', '7'],
      ['afterwork_cancel', '7'],
      ['afterwork_link_google', undefined],
      ['afterwork_link_outlook', undefined],
    ]);
    const rsvpBlock = (card.blocks as Array<{ block_id?: string }>).find((b) => b.block_id?.startsWith('afterwork_rsvp_'));
    expect(rsvpBlock?.block_id).toBe(rsvpBlockId(7));
    expect(afterworkIdOfBlock(rsvpBlockId(7))).toBe(7);
    expect(afterworkIdOfBlock('afterwork_rsvp_x')).toBeUndefined();
    expect(afterworkIdOfBlock('other')).toBeUndefined();
    expect(all[4]?.confirm).toMatchObject({ title: { text: en.afterwork.card.confirmTitle }, style: 'danger' });
    expect(all[5]?.url).toMatch(/^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&text=Drinks%20%3C!here%3E%20%26%20co/);
    expect(all[6]?.url).toMatch(/^https:\/\/outlook\.office\.com\/calendar\/0\/deeplink\/compose\?/);
  });

  it('shows the places left, then full, and the waitlist in its order', () => {
    const withCapacity = { ...afterwork, capacity: 2 };
    expect(textOf(buildAfterworkCard(withCapacity, [r('U0HOST', 'going', 'sales')], NOW, en, 'en').blocks)).toContain(
      en.afterwork.card.places(1, 2),
    );
    const text = textOf(
      buildAfterworkCard(
        withCapacity,
        [...rsvps.slice(0, 2), r('U0W2', 'waitlisted', 'sales', 9), r('U0W1', 'waitlisted', 'marketing', 8)],
        NOW,
        en,
        'en',
      ).blocks,
    );
    expect(text).toContain(en.afterwork.card.full(2));
    expect(text).toContain(en.afterwork.card.waitlist(2, '<@U0W1>, <@U0W2>'));
  });

  it('keeps a long list compact: names in one line, then "+N more", well within 50 blocks', () => {
    const many = Array.from({ length: 80 }, (_, i) =>
      r(`U0P${String(i).padStart(3, '0')}`, i % 3 === 0 ? 'waitlisted' : 'going', i % 2 ? 'sales' : 'marketing', i),
    );
    const card = buildAfterworkCard({ ...afterwork, note: 'x'.repeat(2000), capacity: 53 }, many, NOW, en, 'en');
    expect(card.blocks.length).toBeLessThanOrEqual(12);
    expect(card.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    const text = textOf(card.blocks);
    expect(text).toContain(en.afterwork.card.more(53 - MAX_NAMES));
    expect(text).toContain(en.afterwork.card.more(27 - MAX_NAMES));
    for (const b of card.blocks as Array<{ text?: { text: string } }>)
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
  });

  it('after the start: no buttons, and it says answers are closed', () => {
    const card = buildAfterworkCard(afterwork, rsvps, new Date(THURSDAY), en, 'en');
    expect(buttons(card.blocks as never)).toEqual([]);
    expect(textOf(card.blocks)).toContain(en.afterwork.card.closed);
  });

  it('cancelled: says so first and who did it, keeps who had answered, no buttons and no "both teams" line', () => {
    const card = buildAfterworkCard({ ...afterwork, state: 'cancelled', cancelled_by: 'U0ADMIN' }, rsvps, NOW, en, 'en');
    expect(textOf(card.blocks[0])).toContain(en.afterwork.card.cancelled('<@U0ADMIN>'));
    expect(textOf(card.blocks)).toContain(en.afterwork.card.going(2, '<@U0HOST>, <@U0MKT1>'));
    expect(textOf(card.blocks)).not.toContain(en.afterwork.card.both);
    expect(buttons(card.blocks as never)).toEqual([]);
  });

  it('in French: Slack date wording, labels and the fallback date', () => {
    const text = textOf(buildAfterworkCard(afterwork, rsvps, NOW, fr, 'fr').blocks);
    expect(text).toContain(`<!date^${UNIX}^{date_short_pretty} à {time}|jeu. 26 nov. 2026, 18:30>`);
    expect(text).toContain(fr.afterwork.card.rsvpMaybe);
    expect(text).toContain(fr.afterwork.card.both);
  });
});

describe('direct messages', () => {
  it('the reminder: when in the reader’s zone, where, and a link to the invite', () => {
    const dm = buildReminderDm(afterwork, 'https://acme.slack.com/archives/C1/p1', en, 'en');
    expect(dm.text).toBe(
      en.afterwork.dm.reminder(
        'Drinks &lt;!here&gt; &amp; co',
        `<!date^${UNIX}^{date_short_pretty} at {time}|Thu 26 Nov 2026, 18:30>`,
        en.afterwork.dm.atPlace('Le &lt;Comptoir&gt;'),
      ),
    );
    expect(textOf(dm.blocks)).toContain('<https://acme.slack.com/archives/C1/p1|See the invite>');
    expect(buildReminderDm({ ...afterwork, place: null }, undefined, en, 'en').blocks).toHaveLength(1);
  });

  it('a change: each line says what it is now and what it was', () => {
    const dm = buildChangedDm(
      afterwork,
      { startsAt: { from: THURSDAY, to: '2026-11-27T18:00:00.000Z' }, place: { from: null, to: 'Café Oz' } },
      'U0HOST',
      undefined,
      fr,
      'fr',
    );
    expect(dm.text).toContain(fr.afterwork.dm.changed('Drinks &lt;!here&gt; &amp; co', '<@U0HOST>'));
    expect(dm.text).toContain(fr.afterwork.dm.placeChanged('Café Oz', fr.afterwork.dm.noPlace));
    expect(dm.text).toContain(`• Quand : <!date^${Date.parse('2026-11-27T18:00:00.000Z') / 1000}^`);
  });

  it('a cancellation names who called it off', () => {
    expect(buildCancelledDm(afterwork, 'U0ADMIN', undefined, en, 'en').text).toContain('<@U0ADMIN> called it off');
  });
});

describe('buildAfterworkDigestSection', () => {
  const coming = [{ afterwork, rsvps: [r('U0HOST', 'going', 'sales'), r('U0M', 'going', 'marketing'), r('U0X', 'maybe', null)] }];
  const past = [
    {
      afterwork: { ...afterwork, title: 'Apéro' },
      rsvps: [r('A', 'going', 'sales'), r('B', 'going', 'sales'), r('C', 'going', 'marketing'), r('D', 'no', 'marketing')],
    },
  ];

  it('lists the coming after-works with how many are going, and last week’s mix by side', () => {
    const blocks = buildAfterworkDigestSection(coming, past, en, 'en');
    expect(blocks).toHaveLength(1);
    const text = textOf(blocks);
    expect(text).toContain(
      en.afterwork.digest.upcoming(
        'Drinks &lt;!here&gt; &amp; co',
        `<!date^${UNIX}^{date_short_pretty} at {time}|Thu 26 Nov 2026, 18:30>`,
        2,
      ),
    );
    expect(text).toContain(en.afterwork.digest.mix('Apéro', 2, 1, 0));
  });

  it('says none is planned when only last week had one, and says nothing at all when there is nothing', () => {
    expect(textOf(buildAfterworkDigestSection([], past, fr, 'fr'))).toContain(fr.afterwork.digest.none);
    expect(buildAfterworkDigestSection([], [], en, 'en')).toEqual([]);
    expect(afterworkDigestLines([], [], en, 'en')).toEqual([]);
    expect(afterworkDigestLines(coming, [], en, 'en')[0]).toBe(en.afterwork.digest.title);
  });
});

describe('buildHomeAfterworkSection', () => {
  it('shows the next after-work, the reader’s answer and a link to the invite', () => {
    const blocks = buildHomeAfterworkSection(
      { afterwork, answer: 'waitlisted', going: 4 },
      'https://acme.slack.com/archives/C1/p1',
      en,
      'en',
    );
    const text = textOf(blocks);
    expect(text).toContain(
      en.afterwork.home.line('Drinks &lt;!here&gt; &amp; co', `<!date^${UNIX}^{date_short_pretty} at {time}|Thu 26 Nov 2026, 18:30>`, 4),
    );
    expect(text).toContain(en.afterwork.home.yourAnswer(en.afterwork.answer.waitlisted));
    expect(text).toContain('https://acme.slack.com/archives/C1/p1');
  });

  it('asks for an answer when there is none, and invites to plan one when none is coming', () => {
    expect(textOf(buildHomeAfterworkSection({ afterwork, answer: null, going: 1 }, undefined, fr, 'fr'))).toContain(
      fr.afterwork.home.noAnswer,
    );
    expect(textOf(buildHomeAfterworkSection(undefined, undefined, en, 'en'))).toContain(en.afterwork.home.none);
  });
});

describe('buildAfterworkModal', () => {
  it('creates: intro, inputs with the contract ids, the shared channel selected, metadata carried', () => {
    const view = buildAfterworkModal(
      en,
      { locale: 'en', timezone: 'Europe/Paris' },
      { channelId: 'C0TERRAIN', startsAt: UNIX, place: 'Le Comptoir' },
    );
    expect(view.callback_id).toBe(VIEWS.afterworkCreate);
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    const blocks = view.blocks as Array<{ block_id?: string; element?: Record<string, unknown> }>;
    expect(blocks.map((b) => b.block_id).filter(Boolean)).toEqual(Object.values(AFTERWORK_FIELDS));
    expect(blocks.find((b) => b.block_id === AFTERWORK_FIELDS.when)?.element).toMatchObject({
      type: 'datetimepicker',
      initial_date_time: UNIX,
    });
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ locale: 'en', timezone: 'Europe/Paris' });
  });

  it('edits: its own callback id, no channel, the after-work id in the metadata; titles fit Slack’s 24 characters in French too', () => {
    const view = buildAfterworkModal(fr, { locale: 'fr', timezone: 'Europe/Paris', afterworkId: 7 }, { title: 'Apéro', capacity: 12 });
    expect(view.callback_id).toBe(VIEWS.afterworkEdit);
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(buildAfterworkModal(fr, { locale: 'fr', timezone: 'UTC' }).title.text.length).toBeLessThanOrEqual(24);
    const blocks = view.blocks as Array<{ block_id?: string; element?: Record<string, unknown> }>;
    expect(blocks.find((b) => b.block_id === AFTERWORK_FIELDS.channel)).toBeUndefined();
    expect(blocks.find((b) => b.block_id === AFTERWORK_FIELDS.capacity)?.element).toMatchObject({ initial_value: '12' });
    expect(JSON.parse(view.private_metadata ?? '').afterworkId).toBe(7);
  });
});
