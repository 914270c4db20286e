import type { WebClient } from '@slack/web-api';
import { listCustomers } from '../../db/customers.js';
import { findItemByCard, getItem } from '../../db/items.js';
import { getMember, mutedAmong } from '../../db/members.js';
import { enqueue } from '../../db/outbox.js';
import type { Item } from '../../db/schema.js';
import { getStatusChange, moveItem, recordStatusChange } from '../../db/triage.js';
import { listVoters } from '../../db/votes.js';
import { notice } from '../blocks/messages.js';
import { buildShippedCredit, buildStatusModal, buildStatusUpdate } from '../blocks/triage.js';
import type { Deps } from '../deps.js';
import { isChannelId, isMessageTs, isTriggerId, isUserId } from '../domain/slack-ids.js';
import { type Audience, canMove, recipients, type TriageStatus } from '../domain/triage.js';
import { type Messages, messages } from '../i18n/index.js';
import type { OutboxHandler } from '../outbox/dispatcher.js';
import { DeliveryError } from '../outbox/failures.js';
import { withRateLimit } from '../slack/calls.js';
import { postContent } from '../slack/post.js';
import { cardPermalink } from './card-view.js';
import { enqueueCardUpdate } from './cards.js';
import { userLocale, workspaceLocale } from './locale.js';
import { enqueuePost } from './posts.js';
import { enqueueNotice, tellUser } from './replies.js';

export const STATUS_UPDATE_KIND = 'status_update';

export interface StatusRequest {
  teamId: string;
  itemId: number;
  userId: string;
  to: TriageStatus;
  note: string | null;
  reason: string | null;
}

export type StatusOutcome =
  | { kind: 'changed'; changeId: number; item: Item }
  /** Already there: the same click delivered twice changes it once. */
  | { kind: 'unchanged'; item: Item }
  /** Not a move from where the item is (a card shown before someone else moved it). */
  | { kind: 'not_allowed'; item: Item }
  /** Someone else moved it between our read and our write. */
  | { kind: 'moved_meanwhile'; item: Item }
  | { kind: 'merged'; item: Item }
  | { kind: 'gone' };

/**
 * Moves an item (the caller checked that the person may) and queues, in the same transaction, what
 * follows: the card updated in place, one direct message to each person who raised it, voted for it or
 * added a customer to it (rendered when sent, in their language; none for the mover, none for the muted),
 * and for `shipped` the credit in the card's thread. Idempotent: a move to where the item already is
 * changes nothing and queues nothing.
 */
export async function changeStatus(deps: Pick<Deps, 'db' | 'config' | 'clock'>, req: StatusRequest): Promise<StatusOutcome> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<StatusOutcome> => {
    const item = await getItem(trx, req.teamId, req.itemId);
    if (!item) return { kind: 'gone' };
    if (item.status === 'merged') return { kind: 'merged', item };
    if (item.status === req.to) return { kind: 'unchanged', item };
    if (!canMove(item.status, req.to)) return { kind: 'not_allowed', item };
    if (!(await moveItem(trx, req.teamId, item.id, item.status, req.to, now))) {
      const latest = (await getItem(trx, req.teamId, req.itemId)) ?? item;
      return latest.status === req.to ? { kind: 'unchanged', item: latest } : { kind: 'moved_meanwhile', item: latest };
    }
    const changeId = await recordStatusChange(
      trx,
      { teamId: req.teamId, itemId: item.id, from: item.status, to: req.to, by: req.userId, note: req.note, reason: req.reason },
      now,
    );
    await enqueueCardUpdate(trx, { teamId: req.teamId, itemId: item.id, because: `status:${changeId}` }, now);

    const voters = await listVoters(trx, item.id);
    const customers = await listCustomers(trx, req.teamId, item.id);
    const customerAdders = [...new Set(customers.map((c) => c.added_by))];
    const candidates = [item.author_id, ...voters, ...customerAdders].filter(isUserId);
    const muted = await mutedAmong(trx, req.teamId, [...new Set(candidates)]);
    const told = recipients(
      { author: item.author_id, voters: voters.filter(isUserId), customerAdders: customerAdders.filter(isUserId), changedBy: req.userId },
      muted,
    ).filter((r) => isUserId(r.userId));
    for (const { userId, audience } of told) {
      await enqueue(
        trx,
        {
          teamId: req.teamId,
          key: `status-update:${changeId}:${userId}`,
          kind: STATUS_UPDATE_KIND,
          payload: { changeId, itemId: item.id, userId, audience },
        },
        now,
      );
    }

    if (req.to === 'shipped') {
      // In the channel's language, like the card it answers.
      const t = messages(await workspaceLocale({ db: trx, config: deps.config }, req.teamId));
      await enqueuePost(
        trx,
        {
          teamId: req.teamId,
          key: `shipped-credit:${changeId}`,
          channel: item.card_channel_id,
          threadTs: item.card_ts ?? undefined,
          content: buildShippedCredit(t, { authorId: item.author_id, customerAdders, votes: voters.length, note: req.note }),
        },
        now,
      );
    }
    return { kind: 'changed', changeId, item: { ...item, status: req.to } };
  });
}

const AUDIENCES: readonly Audience[] = ['author', 'voter', 'customer'];

/**
 * Sends one status update to one person, rendered now in their language. Someone who muted these
 * updates since it was queued is skipped. A 429 is thrown, so the dispatcher reschedules it.
 */
export function statusUpdateHandler(deps: Pick<Deps, 'db' | 'config' | 'clock' | 'logger'>): OutboxHandler {
  return {
    async send({ message, payload, client }) {
      const userId = payload.userId;
      if (!isUserId(userId)) throw new DeliveryError('invalid_user', true);
      const [change, item] = await Promise.all([
        getStatusChange(deps.db, message.team_id, Number(payload.changeId)),
        getItem(deps.db, message.team_id, Number(payload.itemId)),
      ]);
      if (!change || !item) throw new DeliveryError('item_not_found', true);
      if ((await getMember(deps.db, message.team_id, userId))?.updates_muted === 1) return { result: { skipped: 'muted' } };
      // No 429 is waited out here: a language not known in time falls back to the workspace's.
      const locale = await userLocale(deps, client, message.team_id, userId, { deadlineMs: 2000 });
      const audience = AUDIENCES.find((a) => a === payload.audience) ?? 'voter';
      const content = buildStatusUpdate(messages(locale), {
        item,
        from: change.from_status,
        to: change.to_status,
        by: change.by_user_id,
        note: change.note,
        reason: change.reason,
        audience,
        link: await cardPermalink(deps, client, item),
      });
      const res = await postContent(client, userId, content);
      return { result: { channel: res.channel ?? userId, ts: res.ts } };
    },
  };
}

/**
 * Answers the person who clicked or submitted, privately, through the outbox: a refusal, or why nothing
 * changed. A card that was out of date is updated in the same transaction. `key` names the request, so a
 * retried request answers once.
 */
export async function enqueueAnswer(
  deps: Pick<Deps, 'db' | 'config' | 'clock' | 'logger'>,
  client: WebClient,
  req: { teamId: string; userId: string; responseUrl?: string | undefined; key: string; refreshItemId?: number | undefined },
  text: (t: Messages) => string,
): Promise<void> {
  // Whatever is known of their language without asking Slack again (a role check may just have read it).
  const t = messages(await userLocale(deps, client, req.teamId, req.userId, { cacheOnly: true }));
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await enqueueNotice(
      trx,
      {
        teamId: req.teamId,
        key: `answer:${req.key}`,
        target: { userId: req.userId, responseUrl: req.responseUrl ?? null },
        content: notice(text(t)),
      },
      now,
    );
    if (req.refreshItemId !== undefined) {
      await enqueueCardUpdate(trx, { teamId: req.teamId, itemId: req.refreshItemId, because: `refresh:${req.key}` }, now);
    }
  });
}

/** Brings a card that was shown out of date (a click on a stale control) up to date. */
export async function refreshCard(deps: Pick<Deps, 'db' | 'clock'>, req: { teamId: string; itemId: number; key: string }): Promise<void> {
  const now = deps.clock.now();
  await deps.db
    .transaction()
    .execute((trx) => enqueueCardUpdate(trx, { teamId: req.teamId, itemId: req.itemId, because: `refresh:${req.key}` }, now));
}

/** Why nothing changed, said to the person who asked. */
export function outcomeText(outcome: Exclude<StatusOutcome, { kind: 'changed' }>): ((t: Messages) => string) | null {
  switch (outcome.kind) {
    case 'unchanged':
      return null;
    case 'not_allowed':
      return (t) => t.triage.already(t.status[outcome.item.status]);
    case 'moved_meanwhile':
      return (t) => t.triage.movedMeanwhile(t.status[outcome.item.status]);
    case 'merged':
      return (t) => t.triage.merged;
    case 'gone':
      return (t) => t.triage.gone;
  }
}

/** Opens the decline modal (why) or the note modal, in the marketer's language. */
export async function openStatusModal(
  deps: Pick<Deps, 'db' | 'config' | 'clock' | 'logger'>,
  client: WebClient,
  req: { teamId: string; userId: string; triggerId: string; responseUrl?: string | undefined; item: Item; to: TriageStatus },
): Promise<void> {
  const locale = await userLocale(deps, client, req.teamId, req.userId);
  const t = messages(locale);
  if (!isTriggerId(req.triggerId)) {
    // Not a trigger Slack issued: views.open would be refused, so say so now rather than fail later.
    deps.logger.warn('no valid trigger_id to open the modal with', { teamId: req.teamId, userId: req.userId });
    await tellUser(deps, client, { userId: req.userId, responseUrl: req.responseUrl ?? null }, notice(t.errors.modalUnavailable));
    return;
  }
  const view = buildStatusModal(t, { itemId: req.item.id, to: req.to, locale }, req.item);
  try {
    await withRateLimit(deps.clock, () => client.views.open({ trigger_id: req.triggerId, view }), { maxWaits: 1, maxWaitSeconds: 2 });
  } catch (error) {
    deps.logger.warn('could not open the triage modal', { teamId: req.teamId, userId: req.userId, error });
    await tellUser(deps, client, { userId: req.userId, responseUrl: req.responseUrl ?? null }, notice(t.errors.modalUnavailable));
  }
}

/**
 * The item whose card a button was clicked on: found by the card's channel and ts, else by the actions
 * block's id (`triage_<id>`), which names it even when the card's ts was not recorded yet.
 */
export async function findCardItem(
  deps: Pick<Deps, 'db'>,
  teamId: string,
  where: { channelId?: unknown; messageTs?: unknown; blockId?: unknown },
): Promise<Item | undefined> {
  if (isChannelId(where.channelId) && isMessageTs(where.messageTs)) {
    const item = await findItemByCard(deps.db, teamId, where.channelId, where.messageTs);
    if (item) return item;
  }
  const id = typeof where.blockId === 'string' ? /^triage_(\d{1,12})$/.exec(where.blockId)?.[1] : undefined;
  return id ? getItem(deps.db, teamId, Number(id)) : undefined;
}
