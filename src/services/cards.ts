import type { WebClient } from '@slack/web-api';
import type { Transaction } from 'kysely';
import { createItem, getItem, listItemsWithCardState, markCardBlocked, markCardPosted } from '../../db/items.js';
import { getMember } from '../../db/members.js';
import { enqueue, retry } from '../../db/outbox.js';
import type { Database, Item, Side } from '../../db/schema.js';
import { getWorkspace } from '../../db/workspaces.js';
import { buildItemCard } from '../blocks/card.js';
import { buildFiled } from '../blocks/filed.js';
import type { MessageContent } from '../blocks/kit.js';
import { noticeWithText } from '../blocks/messages.js';
import type { Deps } from '../deps.js';
import type { ValidItem } from '../domain/items.js';
import { mentionChannel } from '../domain/slack-ids.js';
import { isLocale, type Locale, messages } from '../i18n/index.js';
import { METADATA } from '../ids.js';
import type { OutboxHandler } from '../outbox/dispatcher.js';
import { classifyFailure, DeliveryError } from '../outbox/failures.js';
import { findMessageByMetadata } from '../slack/history.js';
import { postContent } from '../slack/post.js';
import { loadCardView } from './card-view.js';
import { userLocale, workspaceLocale } from './locale.js';
import { enqueueNotice, tellUser } from './replies.js';

type ServiceDeps = Pick<Deps, 'db' | 'config' | 'clock' | 'logger'>;

export const CARD_KIND = 'item_card';
export const CONFIRM_KIND = 'item_confirm';
export const CARD_UPDATE_KIND = 'item_card_update';
export const cardKey = (itemId: number) => `card:${itemId}`;

/** Slack's answers that mean "Terrain is not (or no longer) allowed in that channel". */
const CHANNEL_CLOSED = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

export interface FilingRequest {
  teamId: string;
  userId: string;
  channelId: string;
  values: ValidItem;
  source?: { channelId: string; ts: string; permalink: string | null } | undefined;
  replyTo?: string | null | undefined;
  locale?: Locale | undefined;
  /** Slack's id of what produced the item (a view id): filing it again returns the same item. */
  clientKey?: string | null | undefined;
  /** Hold the card back this long: the filer was shown similar items and may vote for one instead. */
  cardDelayMs?: number | undefined;
  /** The filer's side, when the caller has just read it (else it is read here). */
  authorSide?: Side | null | undefined;
  /** The filer was told in the acknowledgement: no confirmation follows the card (unless it had to wait for a channel). */
  confirmedInAck?: boolean | undefined;
  /** More to queue with a new item, in its transaction (the similar items shown to the filer). */
  alsoQueue?: ((trx: Transaction<Database>, item: Item) => Promise<void>) | undefined;
}

/**
 * Stores an item and queues its card, in one transaction, before Slack is acknowledged. Only the
 * database is touched: well under a millisecond. The caller kicks the outbox once it has acknowledged.
 */
export async function storeItem(deps: Pick<Deps, 'db' | 'clock'>, req: FilingRequest): Promise<{ item: Item; created: boolean }> {
  const authorSide = req.authorSide !== undefined ? req.authorSide : ((await getMember(deps.db, req.teamId, req.userId))?.side ?? null);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const stored = await createItem(
      trx,
      {
        team_id: req.teamId,
        ...req.values,
        author_id: req.userId,
        author_side: authorSide,
        source_channel_id: req.source?.channelId ?? null,
        source_ts: req.source?.ts ?? null,
        source_permalink: req.source?.permalink ?? null,
        merged_into: null,
        card_channel_id: req.channelId,
        reply_to: req.replyTo ?? null,
        locale: req.locale ?? null,
        client_key: req.clientKey ?? null,
      },
      now,
    );
    if (stored.created) {
      const notBefore = req.cardDelayMs ? new Date(now.getTime() + req.cardDelayMs) : undefined;
      await enqueue(
        trx,
        {
          teamId: req.teamId,
          key: cardKey(stored.item.id),
          kind: CARD_KIND,
          payload: req.confirmedInAck ? { itemId: stored.item.id, confirmed: true } : { itemId: stored.item.id },
          notBefore,
        },
        now,
      );
      await req.alsoQueue?.(trx, stored.item);
    }
    return stored;
  });
}

/**
 * A card may have reached Slack just before a crash or a time-out, with its ts never recorded. Its
 * metadata names the item: look for it before posting again, so a card is never doubled.
 */
export async function findPostedCard(deps: Pick<Deps, 'clock'>, client: WebClient, item: Item): Promise<string | undefined> {
  return findMessageByMetadata(
    deps.clock,
    client,
    item.card_channel_id,
    new Date(Date.parse(item.created_at) - 60_000),
    (m) => m.event_type === METADATA.itemCard && Number(m.event_payload?.item_id) === item.id,
  );
}

/** Looks for the card; a history Slack will not show (no scope, a private channel) means "not found". */
async function lookForCard(deps: ServiceDeps, client: WebClient, item: Item): Promise<string | undefined> {
  try {
    return await findPostedCard(deps, client, item);
  } catch (error) {
    // A 429 or an outage: try again later, still uncertain. A refusal: the history cannot tell, so post.
    if (classifyFailure(error).type !== 'permanent') throw error;
    deps.logger.warn('could not look for the card in the channel; posting it', { teamId: item.team_id, itemId: item.id, error });
    return undefined;
  }
}

/** The card as the item now is: its customers, currency, last move and original are read at send time. */
async function renderCard(deps: ServiceDeps, client: WebClient, item: Item): Promise<MessageContent> {
  const workspace = await getWorkspace(deps.db, item.team_id);
  const locale = isLocale(workspace?.locale) ? workspace.locale : deps.config.locale;
  const view = await loadCardView(deps, client, item, { row: workspace });
  return buildItemCard(view, messages(locale), locale, deps.config.voteEmojis[0] ?? '+1');
}

async function itemOf(deps: ServiceDeps, teamId: string, payload: Record<string, unknown>): Promise<Item> {
  const item = await getItem(deps.db, teamId, Number(payload.itemId));
  if (!item) throw new DeliveryError('item_not_found', true);
  return item;
}

/** Posts an item's card in the channel; once posted, the submitter's confirmation is queued with it. */
export function itemCardHandler(deps: ServiceDeps): OutboxHandler {
  return {
    async send({ message, payload, maybeSent, client }) {
      const item = await itemOf(deps, message.team_id, payload);
      const channel = item.card_channel_id;
      let ts = item.card_state === 'posted' ? (item.card_ts ?? undefined) : undefined;
      if (!ts && maybeSent) ts = await lookForCard(deps, client, item);
      // Merged before its card went out (its author voted for a similar item instead): never posted.
      if (!ts && item.status === 'merged') return { result: { skipped: 'merged' } };
      if (!ts) {
        const card = await renderCard(deps, client, item);
        const res = await postContent(client, channel, card, {
          metadata: { event_type: METADATA.itemCard, event_payload: { item_id: item.id, team_id: item.team_id } },
        });
        ts = String(res.ts);
      }
      const postedTs = ts;
      // A card that waited for Terrain to be let in: the command's response_url has likely expired, so a DM.
      const dm = item.card_state === 'blocked';
      return {
        result: { channel, ts: postedTs },
        after: async (trx) => {
          const now = deps.clock.now();
          // Merged while this card was on its way: the card goes on to say so.
          if ((await markCardPosted(trx, item.id, postedTs, now)) === 'merged') {
            await enqueueCardUpdate(trx, { teamId: item.team_id, itemId: item.id, because: 'posted-after-merge' }, now);
          }
          // Told in the acknowledgement already; a card that had to wait for a channel is news again.
          if (payload.confirmed === true && !dm) return;
          await enqueue(
            trx,
            {
              teamId: item.team_id,
              key: `confirm:${item.id}`,
              kind: CONFIRM_KIND,
              payload: { itemId: item.id, channel, ts: postedTs, dm },
            },
            now,
          );
        },
      };
    },
    async failed(trx, { message, payload }, code) {
      const item = await getItem(trx, message.team_id, Number(payload.itemId));
      if (!item) return;
      const now = deps.clock.now();
      const closed = CHANNEL_CLOSED.has(code);
      if (closed) await markCardBlocked(trx, item.id, now);
      const locale = isLocale(item.locale) ? item.locale : await workspaceLocale({ db: trx, config: deps.config }, item.team_id);
      const t = messages(locale);
      const intro = closed ? t.errors.notInChannel(mentionChannel(item.card_channel_id)) : t.errors.cardRefused(code);
      await enqueueNotice(
        trx,
        {
          teamId: item.team_id,
          // One notice per refusal: a card refused again after a later retry says so again.
          key: `card-refused:${item.id}:${message.attempts}`,
          target: { userId: item.author_id, responseUrl: item.reply_to },
          content: noticeWithText(intro, item.text),
        },
        now,
      );
    },
  };
}

/**
 * Queues the card's update in place (`chat.update`), in the transaction of the change that calls for it
 * (a status change, a customer, a merge). The card is rendered when it is sent, from the item as it
 * then is: updates sent late or twice still show the latest state. `because` names the change, so a
 * retried request queues nothing more.
 */
export async function enqueueCardUpdate(
  trx: Transaction<Database>,
  update: { teamId: string; itemId: number; because: string },
  now: Date,
): Promise<boolean> {
  return enqueue(
    trx,
    {
      teamId: update.teamId,
      key: `card-update:${update.itemId}:${update.because}`,
      kind: CARD_UPDATE_KIND,
      payload: { itemId: update.itemId },
    },
    now,
  );
}

/** Updates a posted card in place. A card not posted yet needs nothing: it will be posted as the item then is. */
export function itemCardUpdateHandler(deps: ServiceDeps): OutboxHandler {
  return {
    async send({ message, payload, client }) {
      const item = await itemOf(deps, message.team_id, payload);
      if (item.card_state !== 'posted' || !item.card_ts) return { result: { skipped: 'card_not_posted' } };
      const card = await renderCard(deps, client, item);
      await client.chat.update({ channel: item.card_channel_id, ts: item.card_ts, text: card.text, blocks: card.blocks });
      return { result: { channel: item.card_channel_id, ts: item.card_ts } };
    },
  };
}

async function permalink(deps: ServiceDeps, client: WebClient, channel: string, ts: string): Promise<string | undefined> {
  try {
    return (await client.chat.getPermalink({ channel, message_ts: ts })).permalink;
  } catch (error) {
    if (classifyFailure(error).type === 'rate_limited') throw error; // the confirmation waits; a link is worth it
    deps.logger.warn('could not get the card permalink', { channel, ts, error });
    return undefined;
  }
}

/** Tells the submitter their card is out, with a link to it, in their language. */
export function itemConfirmHandler(deps: ServiceDeps): OutboxHandler {
  return {
    async send({ message, payload, client }) {
      const item = await itemOf(deps, message.team_id, payload);
      const locale = isLocale(item.locale) ? item.locale : await userLocale(deps, client, item.team_id, item.author_id);
      const link = await permalink(deps, client, String(payload.channel), String(payload.ts));
      // Someone who has not said their side (by now) is asked.
      const askSide = item.author_side === null && !(await getMember(deps.db, item.team_id, item.author_id))?.side;
      const target = { userId: item.author_id, responseUrl: payload.dm === true ? null : item.reply_to };
      await tellUser(deps, client, target, buildFiled(messages(locale), { kind: item.kind, link, askSide }), { waitOutRateLimits: false });
      return {};
    },
  };
}

/**
 * Once Terrain is in a channel (`/terrain setup`, or someone's `/invite @Terrain`), the cards that were
 * refused there are queued again: all of the workspace's, or only that channel's. Returns how many.
 */
export async function requeueBlockedCards(
  deps: Pick<Deps, 'db' | 'clock' | 'outbox'>,
  teamId: string,
  channelId?: string,
): Promise<number> {
  const waiting = await listItemsWithCardState(deps.db, teamId, 'blocked', channelId);
  const queued = await retry(deps.db, { teamId, keys: waiting.map((item) => cardKey(item.id)) }, deps.clock.now());
  if (queued > 0) deps.outbox.kick();
  return queued;
}
