import type { WebClient } from '@slack/web-api';
import type { Transaction } from 'kysely';
import { getItem } from '../../db/items.js';
import { getMember } from '../../db/members.js';
import { getItemForUpdate, markMerged, mergeChain, moveCustomers, moveVotes } from '../../db/merge.js';
import { enqueue, withdraw } from '../../db/outbox.js';
import type { Database, Item } from '../../db/schema.js';
import { getItemWithCounts } from '../../db/search.js';
import { castVote } from '../../db/votes.js';
import { buildMergeCredit, buildMergeNotice } from '../blocks/merge.js';
import { itemHandle } from '../blocks/similar.js';
import type { Deps } from '../deps.js';
import { type MergePlan, mayMerge, planMerge } from '../domain/merge.js';
import { isUserId, mentionUser } from '../domain/slack-ids.js';
import { isLocale, messages } from '../i18n/index.js';
import type { OutboxHandler } from '../outbox/dispatcher.js';
import { classifyFailure, DeliveryError } from '../outbox/failures.js';
import { cardKey, enqueueCardUpdate } from './cards.js';
import { userLocale, workspaceLocale } from './locale.js';
import { enqueuePost } from './posts.js';
import type { ProfileOptions } from './profile.js';
import { tellUser } from './replies.js';
import { terrainAdminStanding } from './roles.js';

export const MERGE_NOTICE_KIND = 'merge_notice';

/** Where a merge comes from: `/terrain merge`, the card's merge control, or the filer's "Vote for this one instead". */
export type MergeVia = 'command' | 'card' | 'vote_instead';

/** Who a merge notice is for: the person who merged, the two authors, or the filer who voted instead. */
export type MergeRole = 'merger' | 'duplicate_author' | 'original_author' | 'voted';

export interface MergeRequest {
  teamId: string;
  byUserId: string;
  duplicateId: number;
  originalId: number;
  via: MergeVia;
  /** Where the person who asked is answered (their command's or button's response_url); else a DM. */
  responseUrl?: string | null | undefined;
}

export type MergeOutcome =
  | { done: true; duplicate: Item; root: Item; followed: boolean }
  /** Refused, or done already: `plan` says which, for the answer. */
  | { done: false; plan: Exclude<MergePlan, { ok: true; alreadyDone: false }> }
  /** "Vote for this one instead" clicked by someone else than the item's author. */
  | { done: false; notYours: true };

/**
 * Whether a member may merge items: marketers (their side) and Terrain admins (named, or Slack admins
 * and owners). Slack is asked only when the database cannot say yes.
 */
export async function mergePermission(
  deps: Pick<Deps, 'db' | 'clock' | 'logger'>,
  client: WebClient,
  teamId: string,
  userId: string,
  options: ProfileOptions = {},
): Promise<'allowed' | 'not_allowed' | 'role_unknown'> {
  const member = await getMember(deps.db, teamId, userId);
  if (mayMerge({ side: member?.side, terrainAdmin: false }) === 'allowed') return 'allowed';
  return mayMerge({ side: member?.side, terrainAdmin: await terrainAdminStanding(deps, client, teamId, userId, options.deadlineMs) });
}

/**
 * Merges a duplicate into the item it repeats, in one transaction, with every message it calls for
 * queued in the same transaction (sent once, after a crash too):
 * - the duplicate becomes `merged` into the original (or where the original itself went), with its
 *   history row; its voters and customers count on the original, each person and account once; its
 *   author backs the original (a Terrain vote: they raised it, and hear what becomes of it);
 * - its card, if still waiting to be posted, is withdrawn; otherwise both cards are updated in place;
 * - by marketing: the duplicate's author is credited in the original's thread, and the merger and both
 *   authors are told privately, each in their language; by the filer ("Vote for this one instead"): they
 *   are told their vote is in.
 * The caller checks who may merge (marketing or admins; the author for a vote instead is checked here).
 */
export async function mergeItems(deps: Pick<Deps, 'db' | 'clock' | 'config'>, req: MergeRequest): Promise<MergeOutcome> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<MergeOutcome> => {
    // Both rows locked in the order of their ids, so that two merges at once never wait on each other in a circle.
    for (const id of [req.duplicateId, req.originalId].sort((a, b) => a - b)) await getItemForUpdate(trx, req.teamId, id);
    const duplicate = await getItemForUpdate(trx, req.teamId, req.duplicateId);
    if (req.via === 'vote_instead' && duplicate && duplicate.author_id !== req.byUserId) return { done: false, notYours: true };
    const chain = await mergeChain(trx, req.teamId, req.originalId);
    const plan = planMerge(duplicate, chain);
    if (!plan.ok || plan.alreadyDone) return { done: false, plan };
    const root = chain.find((item) => item.id === plan.rootId);
    if (!duplicate || !root) return { done: false, plan: { ok: false, why: 'unknown_original' } };

    const byMarketing = req.via !== 'vote_instead';
    await markMerged(trx, { teamId: req.teamId, duplicate, rootId: root.id, byUserId: req.byUserId, firstResponse: byMarketing, at: now });
    await moveVotes(trx, { teamId: req.teamId, fromId: duplicate.id, toId: root.id, at: now });
    await moveCustomers(trx, { teamId: req.teamId, fromId: duplicate.id, toId: root.id });
    await castVote(trx, {
      teamId: req.teamId,
      itemId: root.id,
      userId: duplicate.author_id,
      votedAt: new Date(duplicate.created_at),
      at: now,
    });
    // A card still waiting (its author was shown look-alikes) is never posted. One already out, or
    // being sent right now, is updated in place instead (see itemCardHandler).
    await withdraw(trx, req.teamId, cardKey(duplicate.id), now);
    await enqueueCardUpdate(trx, { teamId: req.teamId, itemId: root.id, because: `merge:${duplicate.id}` }, now);
    await enqueueCardUpdate(trx, { teamId: req.teamId, itemId: duplicate.id, because: `merged:${root.id}` }, now);

    const told = (role: MergeRole, userId: string, target: { responseUrl?: string | null | undefined; replaceOriginal?: boolean } = {}) =>
      enqueueMergeNotice(
        trx,
        {
          teamId: req.teamId,
          role,
          userId,
          duplicateId: duplicate.id,
          rootId: root.id,
          originalId: req.originalId,
          byUserId: req.byUserId,
          ...target,
        },
        now,
      );
    if (!byMarketing) {
      await told('voted', req.byUserId, { responseUrl: req.responseUrl, replaceOriginal: true });
      return { done: true, duplicate, root, followed: plan.followed };
    }
    if (root.card_state === 'posted' && root.card_ts && duplicate.author_id !== root.author_id) {
      const t = messages(await workspaceLocale({ db: trx, config: deps.config }, req.teamId));
      await enqueuePost(
        trx,
        {
          teamId: req.teamId,
          key: `merge-credit:${duplicate.id}`,
          channel: root.card_channel_id,
          threadTs: root.card_ts,
          content: buildMergeCredit(t, mentionUser(duplicate.author_id), duplicate),
        },
        now,
      );
    }
    await told('merger', req.byUserId, { responseUrl: req.responseUrl });
    if (duplicate.author_id !== req.byUserId) await told('duplicate_author', duplicate.author_id);
    if (root.author_id !== req.byUserId && root.author_id !== duplicate.author_id) await told('original_author', root.author_id);
    return { done: true, duplicate, root, followed: plan.followed };
  });
}

interface MergeNotice {
  teamId: string;
  role: MergeRole;
  userId: string;
  duplicateId: number;
  rootId: number;
  /** The original asked for (the root, unless it had been merged itself). */
  originalId: number;
  byUserId: string;
  responseUrl?: string | null | undefined;
  replaceOriginal?: boolean | undefined;
}

/** Queues one person's message about a merge; it is written when sent, in their language, with the counts as they then are. */
async function enqueueMergeNotice(trx: Transaction<Database>, n: MergeNotice, now: Date): Promise<boolean> {
  return enqueue(
    trx,
    {
      teamId: n.teamId,
      key: `merge-told:${n.duplicateId}:${n.role}:${n.userId}`,
      kind: MERGE_NOTICE_KIND,
      payload: {
        role: n.role,
        userId: n.userId,
        duplicateId: n.duplicateId,
        rootId: n.rootId,
        originalId: n.originalId,
        byUserId: n.byUserId,
        responseUrl: n.responseUrl ?? null,
        replaceOriginal: n.replaceOriginal === true,
      },
    },
    now,
  );
}

async function cardLink(deps: Pick<Deps, 'logger'>, client: WebClient, item: Item): Promise<string | null> {
  if (item.card_state !== 'posted' || !item.card_ts) return null;
  try {
    return (await client.chat.getPermalink({ channel: item.card_channel_id, message_ts: item.card_ts })).permalink ?? null;
  } catch (error) {
    if (classifyFailure(error).type === 'rate_limited') throw error; // the message waits; the link is worth it
    deps.logger.warn('could not get the card permalink', { itemId: item.id, error });
    return null;
  }
}

const ROLES: ReadonlySet<string> = new Set<MergeRole>(['merger', 'duplicate_author', 'original_author', 'voted']);

/** Sends a merge notice, written now in the reader's language, with the original's counts as they are now. */
export function mergeNoticeHandler(deps: Pick<Deps, 'db' | 'config' | 'clock' | 'logger'>): OutboxHandler {
  return {
    async send({ message, payload, client }) {
      const teamId = message.team_id;
      const role = String(payload.role);
      const userId = String(payload.userId);
      const by = String(payload.byUserId);
      if (!ROLES.has(role) || !isUserId(userId)) throw new DeliveryError('invalid_payload', true);
      const duplicate = await getItem(deps.db, teamId, Number(payload.duplicateId));
      const root = await getItemWithCounts(deps.db, teamId, Number(payload.rootId));
      if (!duplicate || !root) throw new DeliveryError('item_not_found', true);
      const locale = role === 'voted' && isLocale(duplicate.locale) ? duplicate.locale : await userLocale(deps, client, teamId, userId);
      const t = messages(locale);
      const h = t.search.handle;
      const original = itemHandle(t, root.id, await cardLink(deps, client, root));
      let content: ReturnType<typeof buildMergeNotice>;
      switch (role as MergeRole) {
        case 'merger': {
          const followed = Number(payload.originalId) !== root.id ? `\n${t.merge.followed(h(Number(payload.originalId)), h(root.id))}` : '';
          content = buildMergeNotice(`${t.merge.done(h(duplicate.id), original, root.votes, root.customers)}${followed}`);
          break;
        }
        case 'duplicate_author':
          content = buildMergeNotice(t.merge.toDuplicateAuthor(h(duplicate.id), original, mentionUser(by)), root);
          break;
        case 'original_author':
          content = buildMergeNotice(
            t.merge.toOriginalAuthor(mentionUser(duplicate.author_id), h(duplicate.id), original, mentionUser(by), root.votes),
            duplicate,
          );
          break;
        case 'voted':
          content = buildMergeNotice(t.similar.voted(original, root.votes), root);
          break;
      }
      const target = {
        userId,
        responseUrl: typeof payload.responseUrl === 'string' ? payload.responseUrl : null,
        replaceOriginal: payload.replaceOriginal === true,
      };
      await tellUser(deps, client, target, content, { waitOutRateLimits: false });
      return {};
    },
  };
}
