import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import type { Afterwork, RsvpAnswer } from '../../db/schema.js';
import { type AfterworkChange, goingBySide, isClosed, mixOf, type Rsvp, waitlist } from '../domain/afterwork.js';
import { googleCalendarUrl, outlookCalendarUrl } from '../domain/calendar.js';
import { escapeMrkdwn } from '../domain/escape.js';
import { mentionUser } from '../domain/slack-ids.js';
import { inZone, type Locale, type Messages } from '../i18n/index.js';
import { ACTIONS } from '../ids.js';
import { context, escapedSections, type MessageContent, plain, section } from './kit.js';

export type CardAfterwork = Pick<
  Afterwork,
  'id' | 'title' | 'starts_at' | 'timezone' | 'place' | 'note' | 'capacity' | 'host_id' | 'state' | 'cancelled_by'
>;

/** Names shown on the card before "+N more": the card stays short on a phone. */
export const MAX_NAMES = 15;

/** The block that carries the RSVP buttons names the after-work: the buttons' values are only the answer. */
export const RSVP_BLOCK_PREFIX = 'afterwork_rsvp_';
export const rsvpBlockId = (afterworkId: number) => `${RSVP_BLOCK_PREFIX}${afterworkId}`;
export function afterworkIdOfBlock(blockId: unknown): number | undefined {
  if (typeof blockId !== 'string' || !blockId.startsWith(RSVP_BLOCK_PREFIX)) return undefined;
  const id = Number(blockId.slice(RSVP_BLOCK_PREFIX.length));
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * A time as Slack shows it to each reader, in their own zone (`<!date^…>`); the fallback, for clients
 * that cannot, is the time on the host's clock.
 */
export function slackDate(at: string | Date, zone: string, t: Messages, locale: Locale, tokens = t.afterwork.card.dateTokens): string {
  const date = new Date(at);
  const fallback = inZone(date, zone, locale).format(t.afterwork.card.dateFallback);
  return `<!date^${Math.floor(date.getTime() / 1000)}^${tokens}|${fallback}>`;
}

/** Mentions of the valid ids, the first `max`, then "+N more". */
function names(userIds: readonly string[], t: Messages, max = MAX_NAMES): string {
  const shown = userIds.map(mentionUser).filter((m) => m !== '');
  const rest = shown.length - max;
  return rest > 0 ? `${shown.slice(0, max).join(', ')} ${t.afterwork.card.more(rest)}` : shown.join(', ');
}

function mixLine(rsvps: readonly Rsvp[], t: Messages): string {
  const c = t.afterwork.card;
  const mix = mixOf(rsvps);
  if (mix.kind === 'both') return c.both;
  if (mix.kind === 'neither') return mix.why === 'silent' ? c.neitherSilent : c.neitherNotGoing;
  if (mix.side === 'marketing') return mix.why === 'silent' ? c.marketingSilent : c.marketingNotGoing;
  return mix.why === 'silent' ? c.salesSilent : c.salesNotGoing;
}

function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  return { type: 'button', text: plain(text), action_id: actionId, value, ...(style ? { style } : {}) };
}

/**
 * The invite in the channel, rendered from the after-work as it is now: when (each reader's zone),
 * where, the note, the host; who is going, a count per side and whether both teams are coming; the
 * waitlist; the RSVP buttons until it starts, and the host's controls. A cancelled invite says so and
 * keeps who had answered.
 */
export function buildAfterworkCard(
  afterwork: CardAfterwork,
  rsvps: readonly Rsvp[],
  now: Date,
  t: Messages,
  locale: Locale,
): MessageContent {
  const c = t.afterwork.card;
  const cancelled = afterwork.state === 'cancelled';
  const closed = isClosed(afterwork.starts_at, now);
  const title = escapeMrkdwn(afterwork.title);
  const when = slackDate(afterwork.starts_at, afterwork.timezone, t, locale);
  const blocks: KnownBlock[] = [];

  if (cancelled) blocks.push(section(c.cancelled(mentionUser(afterwork.cancelled_by ?? afterwork.host_id))));
  const head = [`:beers: *${cancelled ? `~${title}~` : title}*`, c.when(when)];
  if (afterwork.place) head.push(c.place(escapeMrkdwn(afterwork.place)));
  head.push(c.host(mentionUser(afterwork.host_id)));
  blocks.push(section(head.join('\n')));
  if (afterwork.note) blocks.push(...escapedSections(afterwork.note).slice(0, 2));

  // The host first, then in the order people answered.
  const going = rsvps
    .filter((r) => r.answer === 'going')
    .sort((a, b) => Number(b.userId === afterwork.host_id) - Number(a.userId === afterwork.host_id));
  const count = (answer: RsvpAnswer) => rsvps.filter((r) => r.answer === answer).length;
  if (going.length > 0)
    blocks.push(
      context(
        c.going(
          going.length,
          names(
            going.map((r) => r.userId),
            t,
          ),
        ),
      ),
    );
  const sides = goingBySide(rsvps);
  // Other only when someone of no side is going: the card is about the two teams.
  const tally = [c.bySide(sides.sales, sides.marketing)];
  if (sides.other > 0) tally.push(c.other(sides.other));
  if (count('maybe') > 0) tally.push(c.maybe(count('maybe')));
  if (count('no') > 0) tally.push(c.no(count('no')));
  if (afterwork.capacity !== null)
    tally.push(going.length >= afterwork.capacity ? c.full(afterwork.capacity) : c.places(going.length, afterwork.capacity));
  blocks.push(context(tally.join(' · ')));
  if (!cancelled) blocks.push(section(mixLine(rsvps, t)));
  const queue = waitlist(rsvps);
  if (queue.length > 0)
    blocks.push(
      context(
        c.waitlist(
          queue.length,
          names(
            queue.map((r) => r.userId),
            t,
          ),
        ),
      ),
    );

  if (!cancelled && closed) blocks.push(context(c.closed));
  if (!cancelled && !closed) {
    const id = String(afterwork.id);
    const rsvp: ActionsBlock = {
      type: 'actions',
      block_id: rsvpBlockId(afterwork.id),
      elements: [
        button(c.rsvpGoing, `${ACTIONS.rsvp}_going`, 'going', 'primary'),
        button(c.rsvpMaybe, `${ACTIONS.rsvp}_maybe`, 'maybe'),
        button(c.rsvpNo, `${ACTIONS.rsvp}_no`, 'no'),
        button(c.edit, ACTIONS.afterworkEdit, id),
        {
          ...button(c.cancel, ACTIONS.afterworkCancel, id, 'danger'),
          confirm: {
            title: plain(c.confirmTitle),
            text: plain(c.confirmText),
            confirm: plain(c.confirmYes),
            deny: plain(c.confirmNo),
            style: 'danger',
          },
        },
      ],
    };
    const event = { title: afterwork.title, start: new Date(afterwork.starts_at), place: afterwork.place, details: afterwork.note };
    const calendar: ActionsBlock = {
      type: 'actions',
      block_id: `afterwork_calendar_${afterwork.id}`,
      elements: [
        {
          type: 'button',
          text: plain(`:calendar: ${c.google}`),
          action_id: `${ACTIONS.afterworkLink}_google`,
          url: googleCalendarUrl(event),
        },
        {
          type: 'button',
          text: plain(`:calendar: ${c.outlook}`),
          action_id: `${ACTIONS.afterworkLink}_outlook`,
          url: outlookCalendarUrl(event),
        },
      ],
    };
    blocks.push(rsvp, calendar);
  }
  return { text: c.fallback(title, when), blocks };
}

/** " at *Le Comptoir*", or nothing. */
const atPlace = (place: string | null, t: Messages) => (place ? t.afterwork.dm.atPlace(escapeMrkdwn(place)) : '');

function withLink(lines: string[], link: string | undefined, t: Messages): MessageContent {
  const text = lines.join('\n');
  return { text, blocks: [section(text), ...(link ? [context(t.afterwork.dm.seeInvite(link))] : [])] };
}

type DmAfterwork = Pick<Afterwork, 'title' | 'starts_at' | 'timezone' | 'place'>;

/** The direct message of someone taken off the waitlist. */
export function buildPromotedDm(afterwork: DmAfterwork, link: string | undefined, t: Messages, locale: Locale): MessageContent {
  const when = slackDate(afterwork.starts_at, afterwork.timezone, t, locale);
  return withLink([t.afterwork.dm.promoted(escapeMrkdwn(afterwork.title), when, atPlace(afterwork.place, t))], link, t);
}

/** The reminder before it starts: when (in the reader's zone), where, and the invite. */
export function buildReminderDm(afterwork: DmAfterwork, link: string | undefined, t: Messages, locale: Locale): MessageContent {
  const when = slackDate(afterwork.starts_at, afterwork.timezone, t, locale);
  return withLink([t.afterwork.dm.reminder(escapeMrkdwn(afterwork.title), when, atPlace(afterwork.place, t))], link, t);
}

/** What an edit changed, line by line, each with what it was. */
export function buildChangedDm(
  afterwork: DmAfterwork,
  change: AfterworkChange,
  by: string,
  link: string | undefined,
  t: Messages,
  locale: Locale,
): MessageContent {
  const d = t.afterwork.dm;
  const date = (at: string) => slackDate(at, afterwork.timezone, t, locale);
  const place = (p: string | null) => (p ? escapeMrkdwn(p) : d.noPlace);
  const lines = [d.changed(escapeMrkdwn(change.title?.from ?? afterwork.title), mentionUser(by))];
  if (change.title) lines.push(d.titleChanged(escapeMrkdwn(change.title.to), escapeMrkdwn(change.title.from)));
  if (change.startsAt) lines.push(d.timeChanged(date(change.startsAt.to), date(change.startsAt.from)));
  if (change.place) lines.push(d.placeChanged(place(change.place.to), place(change.place.from)));
  return withLink(lines, link, t);
}

export function buildCancelledDm(
  afterwork: DmAfterwork,
  by: string,
  link: string | undefined,
  t: Messages,
  locale: Locale,
): MessageContent {
  const when = slackDate(afterwork.starts_at, afterwork.timezone, t, locale);
  return withLink([t.afterwork.dm.cancelled(escapeMrkdwn(afterwork.title), when, mentionUser(by))], link, t);
}

export interface DigestAfterwork {
  afterwork: Pick<Afterwork, 'title' | 'starts_at' | 'timezone'>;
  rsvps: readonly Rsvp[];
}

/**
 * The digest's after-work lines: the coming ones (when, how many going) and how the last period's mixed
 * (people who went, by side). None when there is nothing to say about either, so a quiet digest stays
 * quiet. At most 5 of each; each line is short. (The digest joins lines into sections itself.)
 */
export function afterworkDigestLines(
  coming: readonly DigestAfterwork[],
  past: readonly DigestAfterwork[],
  t: Messages,
  locale: Locale,
): string[] {
  const d = t.afterwork.digest;
  if (coming.length === 0 && past.length === 0) return [];
  const lines: string[] = [d.title];
  for (const a of coming.slice(0, 5)) {
    const going = a.rsvps.filter((r) => r.answer === 'going').length;
    lines.push(d.upcoming(escapeMrkdwn(a.afterwork.title), slackDate(a.afterwork.starts_at, a.afterwork.timezone, t, locale), going));
  }
  if (coming.length === 0) lines.push(d.none);
  if (past.length > 0) {
    lines.push(d.lastWeek);
    for (const a of past.slice(0, 5)) {
      const s = goingBySide(a.rsvps);
      lines.push(d.mix(escapeMrkdwn(a.afterwork.title), s.sales, s.marketing, s.other));
    }
  }
  return lines;
}

/** The same as one section block (empty when there is nothing to say). */
export function buildAfterworkDigestSection(
  coming: readonly DigestAfterwork[],
  past: readonly DigestAfterwork[],
  t: Messages,
  locale: Locale,
): KnownBlock[] {
  const lines = afterworkDigestLines(coming, past, t, locale);
  return lines.length === 0 ? [] : [section(lines.join('\n'))];
}

/**
 * The Home tab's after-work: the next one and the reader's answer (or that they have not answered),
 * with a link to the invite; or an invitation to plan one.
 */
export function buildHomeAfterworkSection(
  next: { afterwork: Pick<Afterwork, 'title' | 'starts_at' | 'timezone' | 'place'>; answer: RsvpAnswer | null; going: number } | undefined,
  link: string | undefined,
  t: Messages,
  locale: Locale,
): KnownBlock[] {
  const h = t.afterwork.home;
  if (!next) return [section(`${h.title}\n${h.none}`)];
  const { afterwork } = next;
  const line = h.line(escapeMrkdwn(afterwork.title), slackDate(afterwork.starts_at, afterwork.timezone, t, locale), next.going);
  const place = afterwork.place ? `\n${t.afterwork.card.place(escapeMrkdwn(afterwork.place))}` : '';
  const answer = next.answer ? h.yourAnswer(t.afterwork.answer[next.answer]) : h.noAnswer;
  const head = section(`${h.title}\n${line}${place}`);
  if (link) head.accessory = { type: 'button', text: plain(h.seeInvite), action_id: `${ACTIONS.afterworkLink}_home`, url: link };
  return [head, context(answer)];
}
