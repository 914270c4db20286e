import type { WebClient } from '@slack/web-api';
import type { Transaction } from 'kysely';
import {
  cancelAfterwork,
  createAfterwork,
  getAfterwork,
  getRsvp,
  listRsvps,
  listUnpostedAfterworks,
  lockAfterwork,
  markAfterworkPosted,
  saveRsvp,
  updateAfterwork,
} from '../../db/afterworks.js';
import { getMember } from '../../db/members.js';
import { enqueue, enqueueOrRestore, getMessageByKey, retry, withdrawByPrefix } from '../../db/outbox.js';
import type { Afterwork, AfterworkRsvp, Database } from '../../db/schema.js';
import { buildAfterworkCard, buildCancelledDm, buildChangedDm, buildPromotedDm, buildReminderDm } from '../blocks/afterwork.js';
import { type MessageContent, notice } from '../blocks/messages.js';
import type { Deps } from '../deps.js';
import {
  type AfterworkChange,
  type Answer,
  applyAnswer,
  changesWorthTelling,
  isClosed,
  promotions,
  type Rsvp,
  type ValidAfterwork,
  waitlistPosition,
} from '../domain/afterwork.js';
import { escapeMrkdwn } from '../domain/escape.js';
import { isUserId, mentionChannel } from '../domain/slack-ids.js';
import { type Locale, localeFromSlack, messages } from '../i18n/index.js';
import { METADATA } from '../ids.js';
import type { OutboxHandler } from '../outbox/dispatcher.js';
import { classifyFailure, DeliveryError } from '../outbox/failures.js';
import { findMessageByMetadata } from '../slack/history.js';
import { postContent } from '../slack/post.js';
import { userLocale, workspaceLocale } from './locale.js';
import { enqueueNotice, tellUser } from './replies.js';
import { terrainAdminStanding } from './roles.js';

type ServiceDeps = Pick<Deps, 'db' | 'config' | 'clock' | 'logger'>;
type Trx = Transaction<Database>;

export const AFTERWORK_CARD_KIND = 'afterwork_card';
export const AFTERWORK_CARD_UPDATE_KIND = 'afterwork_card_update';
export const AFTERWORK_DM_KIND = 'afterwork_dm';
export const AFTERWORK_REMINDER_KIND = 'afterwork_reminder';

export const afterworkCardKey = (id: number) => `afterwork-card:${id}`;
/** Every reminder of an after-work starts with this; one person's with `reminderPrefix(id, user)`. */
export const reminderPrefix = (id: number, userId?: string) => `afterwork-reminder:${id}:${userId ? `${userId}:` : ''}`;
/** One reminder per after-work, person and start time: a moved after-work reminds again, at its new time. */
export const reminderKey = (id: number, userId: string, startsAt: string) => `${reminderPrefix(id, userId)}${Date.parse(startsAt)}`;

export const toRsvp = (row: AfterworkRsvp): Rsvp => ({
  userId: row.user_id,
  answer: row.answer,
  side: row.side,
  answeredAt: row.answered_at,
  waitlistedAt: row.waitlisted_at,
});

/** What a direct message about an after-work says; rendered when it is sent, in the reader's language. */
export type AfterworkDm =
  | { what: 'promoted' }
  | { what: 'waitlisted' }
  | { what: 'changed'; change: AfterworkChange; by: string }
  | { what: 'cancelled'; by: string };

/** Why a click on an invite changed nothing, said privately to whoever clicked. */
export type Refusal = 'closed' | 'cancelled' | 'gone' | 'host' | 'not_host' | 'role_unknown';

function refusalText(t: ReturnType<typeof messages>, reason: Refusal): string {
  switch (reason) {
    case 'closed':
      return t.afterwork.rsvp.closed;
    case 'cancelled':
      return t.afterwork.rsvp.cancelled;
    case 'gone':
      return t.afterwork.errors.gone;
    case 'host':
      return t.afterwork.rsvp.hostStays;
    case 'not_host':
      return t.afterwork.errors.notHost;
    case 'role_unknown':
      return t.roles.roleUnknown;
  }
}

const REFUSALS: readonly string[] = ['closed', 'cancelled', 'gone', 'host', 'not_host', 'role_unknown'] satisfies Refusal[];

/**
 * Queues a private answer to a click that changed nothing, written when sent in the reader's language;
 * an invite shown out of date (still open after the start, still on after a cancel) is brought up to date.
 * `key` names the click (a retry queues nothing more).
 */
export async function enqueueRefusal(
  deps: Pick<Deps, 'db' | 'clock'>,
  req: { teamId: string; userId: string; responseUrl?: string | undefined; key: string; afterwork?: Afterwork | undefined },
  reason: Refusal,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await enqueue(
      trx,
      {
        teamId: req.teamId,
        key: `afterwork-answer:${req.key}`,
        kind: AFTERWORK_DM_KIND,
        payload: { what: 'refused', reason, userId: req.userId, responseUrl: req.responseUrl ?? null },
      },
      now,
    );
    if (req.afterwork && (reason === 'closed' || reason === 'cancelled'))
      await queueCardUpdate(trx, req.afterwork, `refresh:${req.key}`, now);
  });
}

// ---------------------------------------------------------------------------------------------------
// Queuing, inside the transaction of the change

/** Queues the invite's update in place, rendered when it is sent; `because` names the change (a retry queues nothing more). */
export async function queueCardUpdate(trx: Trx, afterwork: Afterwork, because: string, now: Date, notBefore?: Date): Promise<void> {
  await enqueue(
    trx,
    {
      teamId: afterwork.team_id,
      key: `afterwork-update:${afterwork.id}:${because}`,
      kind: AFTERWORK_CARD_UPDATE_KIND,
      payload: { afterworkId: afterwork.id },
      notBefore,
    },
    now,
  );
}

async function queueDm(
  trx: Trx,
  afterwork: Afterwork,
  userId: string,
  key: string,
  dm: AfterworkDm,
  now: Date,
  responseUrl?: string,
): Promise<void> {
  await enqueue(
    trx,
    {
      teamId: afterwork.team_id,
      key: `afterwork-dm:${afterwork.id}:${userId}:${key}`,
      kind: AFTERWORK_DM_KIND,
      payload: { afterworkId: afterwork.id, userId, ...dm, ...(responseUrl ? { responseUrl } : {}) },
    },
    now,
  );
}

/**
 * Queues one person's reminder, due `AFTERWORK_REMINDER_HOURS` before the start, or at once when that
 * moment has passed (someone who says going late). A reminder withdrawn earlier (they had said no) is
 * queued again; one already sent is not sent twice.
 */
async function queueReminder(deps: Pick<Deps, 'config'>, trx: Trx, afterwork: Afterwork, userId: string, now: Date): Promise<void> {
  const remindAt = Date.parse(afterwork.starts_at) - deps.config.afterworkReminderHours * 3_600_000;
  await enqueueOrRestore(
    trx,
    {
      teamId: afterwork.team_id,
      key: reminderKey(afterwork.id, userId, afterwork.starts_at),
      kind: AFTERWORK_REMINDER_KIND,
      payload: { afterworkId: afterwork.id, userId, startsAt: afterwork.starts_at },
      notBefore: new Date(Math.max(remindAt, now.getTime())),
    },
    now,
  );
}

/** When it starts, the invite is updated again: its buttons give way to "answers are closed". */
async function queueClosing(trx: Trx, afterwork: Afterwork, now: Date): Promise<void> {
  await queueCardUpdate(trx, afterwork, `start:${Date.parse(afterwork.starts_at)}`, now, new Date(afterwork.starts_at));
}

/** Gives free places to the waitlist (the rule in domain/afterwork.ts), each promoted person told and reminded. */
async function promote(deps: Pick<Deps, 'config'>, trx: Trx, afterwork: Afterwork, now: Date): Promise<string[]> {
  const rsvps = (await listRsvps(trx, afterwork.team_id, afterwork.id)).map(toRsvp);
  const promoted = promotions(rsvps, afterwork.capacity);
  for (const r of promoted) {
    await saveRsvp(trx, {
      teamId: afterwork.team_id,
      afterworkId: afterwork.id,
      userId: r.userId,
      answer: 'going',
      side: r.side,
      answeredAt: now,
      waitlistedAt: null,
    });
    await queueDm(trx, afterwork, r.userId, `promoted:${afterwork.version}`, { what: 'promoted' }, now);
    await queueReminder(deps, trx, afterwork, r.userId, now);
  }
  return promoted.map((r) => r.userId);
}

// ---------------------------------------------------------------------------------------------------
// Changes

export interface NewAfterworkRequest {
  teamId: string;
  hostId: string;
  channelId: string;
  timezone: string;
  values: ValidAfterwork;
  /** The modal's view id: the same submission twice is the same after-work. */
  clientKey: string;
}

/**
 * Stores an after-work, the host going, and queues its invite (and the host's reminder, and the
 * invite's closing at the start) in one transaction, before Slack is acknowledged.
 */
export async function storeAfterwork(deps: Pick<Deps, 'db' | 'clock' | 'config'>, req: NewAfterworkRequest): Promise<Afterwork> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const { afterwork, created } = await createAfterwork(
      trx,
      {
        teamId: req.teamId,
        hostId: req.hostId,
        title: req.values.title,
        startsAt: req.values.startsAt,
        timezone: req.timezone,
        place: req.values.place,
        note: req.values.note,
        capacity: req.values.capacity,
        channelId: req.channelId,
        clientKey: req.clientKey,
      },
      now,
    );
    if (!created) return afterwork;
    const member = await getMember(trx, req.teamId, req.hostId);
    await saveRsvp(trx, {
      teamId: req.teamId,
      afterworkId: afterwork.id,
      userId: req.hostId,
      answer: 'going',
      side: member?.side ?? null,
      answeredAt: now,
      waitlistedAt: null,
    });
    await enqueue(
      trx,
      { teamId: req.teamId, key: afterworkCardKey(afterwork.id), kind: AFTERWORK_CARD_KIND, payload: { afterworkId: afterwork.id } },
      now,
    );
    // The host just set it up: inside the reminder window they need no reminder of what they just wrote.
    const remindAt = Date.parse(afterwork.starts_at) - deps.config.afterworkReminderHours * 3_600_000;
    if (remindAt > now.getTime()) await queueReminder(deps, trx, afterwork, req.hostId, now);
    await queueClosing(trx, afterwork, now);
    return afterwork;
  });
}

export type AnswerResult =
  | { outcome: 'stored'; stored: AfterworkRsvp['answer'] }
  | { outcome: 'unchanged'; stored: AfterworkRsvp['answer'] }
  | { outcome: 'closed' | 'cancelled' | 'gone' | 'host' };

/**
 * One person's answer, stored before Slack is acknowledged: it replaces their last one; `going` when
 * full joins the waitlist (told privately); leaving `going` withdraws their reminder and gives the place
 * to the waitlist (the side with fewer people going first). The invite is updated through the outbox.
 * The after-work is held for the whole change, so two answers for the last place are taken in turn.
 */
export async function answerAfterwork(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  req: { teamId: string; afterworkId: number; userId: string; wanted: Answer; responseUrl?: string | undefined },
): Promise<AnswerResult> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<AnswerResult> => {
    const afterwork = await lockAfterwork(trx, req.teamId, req.afterworkId, now);
    if (!afterwork) return { outcome: 'gone' };
    if (afterwork.state === 'cancelled') return { outcome: 'cancelled' };
    if (isClosed(afterwork.starts_at, now)) return { outcome: 'closed' };
    if (req.userId === afterwork.host_id) return req.wanted === 'going' ? { outcome: 'unchanged', stored: 'going' } : { outcome: 'host' };
    const rsvps = (await listRsvps(trx, req.teamId, afterwork.id)).map(toRsvp);
    const result = applyAnswer(rsvps, req.userId, req.wanted, afterwork.capacity);
    if (result.unchanged) return { outcome: 'unchanged', stored: result.stored };
    const member = await getMember(trx, req.teamId, req.userId);
    await saveRsvp(trx, {
      teamId: req.teamId,
      afterworkId: afterwork.id,
      userId: req.userId,
      answer: result.stored,
      side: member?.side ?? null,
      answeredAt: now,
      waitlistedAt: result.stored === 'waitlisted' ? now : null,
    });
    if (result.stored === 'going') await queueReminder(deps, trx, afterwork, req.userId, now);
    if (result.leftGoing) {
      await withdrawByPrefix(trx, req.teamId, reminderPrefix(afterwork.id, req.userId), now);
      await promote(deps, trx, afterwork, now);
    }
    if (result.stored === 'waitlisted')
      await queueDm(trx, afterwork, req.userId, `waitlisted:${afterwork.version}`, { what: 'waitlisted' }, now, req.responseUrl);
    await queueCardUpdate(trx, afterwork, `v${afterwork.version}`, now);
    return { outcome: 'stored', stored: result.stored };
  });
}

/** Everyone told about a change or a cancellation: going, maybe or waitlisted, but not who made it. */
const concerned = (rsvps: readonly AfterworkRsvp[], by: string) =>
  rsvps.filter((r) => r.answer !== 'no' && r.user_id !== by && isUserId(r.user_id)).map((r) => r.user_id);

export type ChangeResult = { outcome: 'stored'; told: number } | { outcome: 'cancelled' | 'gone' | 'capacity_below_going'; going?: number };

/**
 * The host's (or an admin's) edit: stored with its consequences in one transaction. A new time re-times
 * every reminder (the old ones withdrawn, new ones at the new time); more places go to the waitlist;
 * everyone coming is told what changed (title, time, place) in their language.
 */
export async function editAfterwork(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  req: { teamId: string; afterworkId: number; by: string; timezone: string; values: ValidAfterwork },
): Promise<ChangeResult> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<ChangeResult> => {
    const before = await lockAfterwork(trx, req.teamId, req.afterworkId, now);
    if (!before) return { outcome: 'gone' };
    if (before.state === 'cancelled') return { outcome: 'cancelled' };
    const rows = await listRsvps(trx, req.teamId, before.id);
    const going = rows.filter((r) => r.answer === 'going').length;
    if (req.values.capacity !== null && req.values.capacity < going) return { outcome: 'capacity_below_going', going };
    const v = req.values;
    const startsAt = v.startsAt.toISOString();
    const moved = Date.parse(before.starts_at) !== v.startsAt.getTime();
    await updateAfterwork(
      trx,
      req.teamId,
      before.id,
      {
        title: v.title,
        starts_at: startsAt,
        timezone: moved ? req.timezone : before.timezone,
        place: v.place,
        note: v.note,
        capacity: v.capacity,
      },
      now,
    );
    const after = (await getAfterwork(trx, req.teamId, before.id)) as Afterwork;
    if (moved) {
      await withdrawByPrefix(trx, req.teamId, reminderPrefix(before.id), now);
      for (const r of rows.filter((r) => r.answer === 'going')) await queueReminder(deps, trx, after, r.user_id, now);
      await queueClosing(trx, after, now);
    }
    await promote(deps, trx, after, now);
    const change = changesWorthTelling(before, after);
    const told = change ? concerned(await listRsvps(trx, req.teamId, before.id), req.by) : [];
    for (const userId of told)
      await queueDm(
        trx,
        after,
        userId,
        `changed:${after.version}`,
        { what: 'changed', change: change as AfterworkChange, by: req.by },
        now,
      );
    await queueCardUpdate(trx, after, `v${after.version}`, now);
    return { outcome: 'stored', told: told.length };
  });
}

/** Calls it off: the invite says so (keeping who answered), no reminder goes out, everyone coming is told. */
export async function cancelAfterworkNow(
  deps: Pick<Deps, 'db' | 'clock'>,
  req: { teamId: string; afterworkId: number; by: string },
): Promise<ChangeResult> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<ChangeResult> => {
    const afterwork = await lockAfterwork(trx, req.teamId, req.afterworkId, now);
    if (!afterwork) return { outcome: 'gone' };
    if (!(await cancelAfterwork(trx, req.teamId, afterwork.id, req.by, now))) return { outcome: 'cancelled' };
    await withdrawByPrefix(trx, req.teamId, reminderPrefix(afterwork.id), now);
    const told = concerned(await listRsvps(trx, req.teamId, afterwork.id), req.by);
    for (const userId of told) await queueDm(trx, afterwork, userId, 'cancelled', { what: 'cancelled', by: req.by }, now);
    await queueCardUpdate(trx, afterwork, 'cancelled', now);
    return { outcome: 'stored', told: told.length };
  });
}

/**
 * Once Terrain is let into a channel, the invites Slack refused there (not in the channel) are queued
 * again. Returns how many.
 */
export async function requeueBlockedInvites(
  deps: Pick<Deps, 'db' | 'clock' | 'outbox'>,
  teamId: string,
  channelId: string,
): Promise<number> {
  const waiting = await listUnpostedAfterworks(deps.db, teamId, channelId);
  const queued = await retry(deps.db, { teamId, keys: waiting.map((a) => afterworkCardKey(a.id)) }, deps.clock.now());
  if (queued > 0) deps.outbox.kick();
  return queued;
}

export type ManageAccess = { allowed: true } | { allowed: false; why: 'not_host' | 'role_unknown' };

/**
 * The host and Terrain admins may edit or cancel. The database first (host, named admin); Slack's role
 * (users.info, cached a day) only for someone else. Before an acknowledgement, `deadlineMs` bounds the wait.
 */
export async function mayManage(
  deps: Pick<Deps, 'db' | 'clock' | 'logger'>,
  client: WebClient,
  req: { teamId: string; userId: string; afterwork: Pick<Afterwork, 'host_id'>; deadlineMs?: number },
): Promise<ManageAccess> {
  if (req.userId === req.afterwork.host_id) return { allowed: true };
  const admin = await terrainAdminStanding(deps, client, req.teamId, req.userId, req.deadlineMs);
  if (admin) return { allowed: true };
  return { allowed: false, why: admin === undefined ? 'role_unknown' : 'not_host' };
}

// ---------------------------------------------------------------------------------------------------
// Sending

async function afterworkOf(deps: ServiceDeps, teamId: string, payload: Record<string, unknown>): Promise<Afterwork> {
  const afterwork = await getAfterwork(deps.db, teamId, Number(payload.afterworkId));
  if (!afterwork) throw new DeliveryError('afterwork_not_found', true);
  return afterwork;
}

async function cardContent(deps: ServiceDeps, afterwork: Afterwork) {
  const locale = await workspaceLocale(deps, afterwork.team_id);
  const rsvps = (await listRsvps(deps.db, afterwork.team_id, afterwork.id)).map(toRsvp);
  return buildAfterworkCard(afterwork, rsvps, deps.clock.now(), messages(locale), locale);
}

/** The invite may have reached Slack just before a crash: its metadata names the after-work. */
async function lookForInvite(deps: ServiceDeps, client: WebClient, afterwork: Afterwork): Promise<string | undefined> {
  try {
    return await findMessageByMetadata(
      deps.clock,
      client,
      afterwork.channel_id,
      new Date(Date.parse(afterwork.created_at) - 60_000),
      (m) =>
        m.event_type === METADATA.afterwork &&
        Number(m.event_payload?.afterwork_id) === afterwork.id &&
        m.event_payload?.team_id === afterwork.team_id,
    );
  } catch (error) {
    if (classifyFailure(error).type !== 'permanent') throw error;
    deps.logger.warn('could not look for the invite in the channel; posting it', {
      teamId: afterwork.team_id,
      afterworkId: afterwork.id,
      error,
    });
    return undefined;
  }
}

/** Posts the invite in its channel, rendered as the after-work then is, and records where it is. */
export function afterworkCardHandler(deps: ServiceDeps): OutboxHandler {
  return {
    async send({ message, payload, maybeSent, client }) {
      const afterwork = await afterworkOf(deps, message.team_id, payload);
      const channel = afterwork.channel_id;
      let ts = afterwork.message_ts ?? undefined;
      if (!ts && maybeSent) ts = await lookForInvite(deps, client, afterwork);
      if (!ts) {
        const card = await cardContent(deps, afterwork);
        const res = await postContent(client, channel, card, {
          metadata: { event_type: METADATA.afterwork, event_payload: { afterwork_id: afterwork.id, team_id: afterwork.team_id } },
        });
        ts = String(res.ts);
      }
      const posted = ts;
      return {
        result: { channel, ts: posted },
        after: (trx) => markAfterworkPosted(trx, afterwork.team_id, afterwork.id, posted),
      };
    },
    async failed(trx, { message, payload }, code) {
      const afterwork = await getAfterwork(trx, message.team_id, Number(payload.afterworkId));
      if (!afterwork) return;
      const member = await getMember(trx, afterwork.team_id, afterwork.host_id);
      const locale = localeFromSlack(member?.locale, await workspaceLocale({ db: trx, config: deps.config }, afterwork.team_id));
      const t = messages(locale);
      const closed = ['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action'].includes(code);
      await enqueueNotice(
        trx,
        {
          teamId: afterwork.team_id,
          key: `afterwork-refused:${afterwork.id}:${message.attempts}`,
          target: { userId: afterwork.host_id },
          content: notice(
            closed ? t.afterwork.errors.notInChannel(mentionChannel(afterwork.channel_id)) : t.afterwork.errors.cardRefused(code),
          ),
        },
        deps.clock.now(),
      );
    },
  };
}

/** Updates the invite in place, rendered as the after-work is when the update is sent. */
export function afterworkCardUpdateHandler(deps: ServiceDeps): OutboxHandler {
  return {
    async send({ message, payload, client }) {
      const afterwork = await afterworkOf(deps, message.team_id, payload);
      if (!afterwork.message_ts) {
        // Still being posted: wait for it (it will show this change too, or this update will). Refused: nothing to update.
        const post = await getMessageByKey(deps.db, afterwork.team_id, afterworkCardKey(afterwork.id));
        if (post?.state === 'pending') throw new DeliveryError('invite_not_posted_yet', false);
        return { result: { skipped: 'invite_not_posted' } };
      }
      const card = await cardContent(deps, afterwork);
      await client.chat.update({ channel: afterwork.channel_id, ts: afterwork.message_ts, text: card.text, blocks: card.blocks });
      return { result: { channel: afterwork.channel_id, ts: afterwork.message_ts } };
    },
  };
}

async function inviteLink(deps: ServiceDeps, client: WebClient, afterwork: Afterwork): Promise<string | undefined> {
  if (!afterwork.message_ts) return undefined;
  try {
    return (await client.chat.getPermalink({ channel: afterwork.channel_id, message_ts: afterwork.message_ts })).permalink;
  } catch (error) {
    if (classifyFailure(error).type === 'rate_limited') throw error; // the message waits: the link is worth it
    deps.logger.warn('could not get the invite permalink', { teamId: afterwork.team_id, afterworkId: afterwork.id, error });
    return undefined;
  }
}

async function readerLocale(deps: ServiceDeps, client: WebClient, teamId: string, userId: string): Promise<Locale> {
  return userLocale(deps, client, teamId, userId);
}

/** Direct messages about an after-work, written when sent for each reader: their language, the latest facts. */
export function afterworkDmHandler(deps: ServiceDeps): OutboxHandler {
  return {
    async send({ message, payload, client }) {
      const userId = String(payload.userId);
      if (!isUserId(userId)) throw new DeliveryError('invalid_user', true);
      const responseUrl = typeof payload.responseUrl === 'string' ? payload.responseUrl : null;
      if (payload.what === 'refused') {
        const reason = REFUSALS.includes(String(payload.reason)) ? (payload.reason as Refusal) : 'gone';
        const t = messages(await readerLocale(deps, client, message.team_id, userId));
        await tellUser(deps, client, { userId, responseUrl }, notice(refusalText(t, reason)), { waitOutRateLimits: false });
        return {};
      }
      const afterwork = await afterworkOf(deps, message.team_id, payload);
      const rsvp = await getRsvp(deps.db, afterwork.team_id, afterwork.id, userId);
      const what = payload.what;
      // Said when queued, no longer true: the person hears what is true instead, from the message that made it so.
      if (what === 'promoted' && rsvp?.answer !== 'going') return { result: { skipped: 'not_going' } };
      if (what === 'waitlisted' && rsvp?.answer !== 'waitlisted') return { result: { skipped: 'not_waitlisted' } };
      if (what === 'changed' && afterwork.state === 'cancelled') return { result: { skipped: 'cancelled' } };
      const locale = await readerLocale(deps, client, afterwork.team_id, userId);
      const t = messages(locale);
      const by = typeof payload.by === 'string' && isUserId(payload.by) ? payload.by : afterwork.host_id;
      let content: MessageContent;
      if (what === 'waitlisted') {
        const rsvps = (await listRsvps(deps.db, afterwork.team_id, afterwork.id)).map(toRsvp);
        const position = waitlistPosition(rsvps, userId) ?? 1;
        content = notice(t.afterwork.rsvp.waitlisted(escapeMrkdwn(afterwork.title), position));
      } else {
        const link = await inviteLink(deps, client, afterwork);
        if (what === 'promoted') content = buildPromotedDm(afterwork, link, t, locale);
        else if (what === 'cancelled') content = buildCancelledDm(afterwork, by, link, t, locale);
        else if (what === 'changed') content = buildChangedDm(afterwork, payload.change as AfterworkChange, by, link, t, locale);
        else throw new DeliveryError('unknown_afterwork_dm', true);
      }
      await tellUser(deps, client, { userId, responseUrl }, content, { waitOutRateLimits: false });
      return {};
    },
  };
}

/**
 * The reminder before the start. Checked when it is due: still on, at the same time (a moved after-work
 * has its own reminders), the person still going, not started yet. Whatever the outbox does (restarts,
 * replicas), it is sent once.
 */
export function afterworkReminderHandler(deps: ServiceDeps): OutboxHandler {
  return {
    async send({ message, payload, client }) {
      const afterwork = await afterworkOf(deps, message.team_id, payload);
      const userId = String(payload.userId);
      if (afterwork.state !== 'active') return { result: { skipped: 'cancelled' } };
      if (Date.parse(afterwork.starts_at) !== Date.parse(String(payload.startsAt))) return { result: { skipped: 'moved' } };
      if (isClosed(afterwork.starts_at, deps.clock.now())) return { result: { skipped: 'started' } };
      const rsvp = await getRsvp(deps.db, afterwork.team_id, afterwork.id, userId);
      if (rsvp?.answer !== 'going') return { result: { skipped: 'not_going' } };
      const locale = await readerLocale(deps, client, afterwork.team_id, userId);
      const link = await inviteLink(deps, client, afterwork);
      await tellUser(deps, client, { userId }, buildReminderDm(afterwork, link, messages(locale), locale), { waitOutRateLimits: false });
      return {};
    },
  };
}
