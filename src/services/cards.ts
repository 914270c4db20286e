import type { WebClient } from '@slack/web-api';
import { claimCard, createItem, listUnpostedCards, markCardBlocked, markCardPosted, releaseCardLease } from '../../db/items.js';
import { getMember } from '../../db/members.js';
import type { Item } from '../../db/schema.js';
import { buildItemCard } from '../blocks/card.js';
import { notice, noticeWithText } from '../blocks/messages.js';
import type { Deps } from '../deps.js';
import type { ValidItem } from '../domain/items.js';
import { mentionChannel } from '../domain/slack-ids.js';
import { isLocale, type Locale, messages } from '../i18n/index.js';
import { METADATA } from '../ids.js';
import { slackErrorCode, withRateLimit } from '../slack/calls.js';
import { findMessageByMetadata } from '../slack/history.js';
import { userLocale, workspaceLocale } from './locale.js';
import { tellUser } from './replies.js';

/** How long one process may hold a card it is posting before another may take over (crash recovery). */
export const CARD_LEASE_MS = 5 * 60 * 1000;

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
}

/** Stores an item before Slack is acknowledged. Only the database is touched: well under a millisecond. */
export async function storeItem(deps: Pick<Deps, 'db' | 'clock'>, req: FilingRequest): Promise<{ item: Item; created: boolean }> {
  const member = await getMember(deps.db, req.teamId, req.userId);
  return createItem(
    deps.db,
    {
      team_id: req.teamId,
      ...req.values,
      author_id: req.userId,
      author_side: member?.side ?? null,
      source_channel_id: req.source?.channelId ?? null,
      source_ts: req.source?.ts ?? null,
      source_permalink: req.source?.permalink ?? null,
      merged_into: null,
      card_channel_id: req.channelId,
      card_lease_until: null,
      reply_to: req.replyTo ?? null,
      locale: req.locale ?? null,
      client_key: req.clientKey ?? null,
    },
    deps.clock.now(),
    CARD_LEASE_MS,
  );
}

export type PublishResult = { state: 'posted'; channel: string; ts: string } | { state: 'blocked'; channel: string; error: string };

/** Posts an item's card; the caller holds the item's lease. */
export async function publishCard(deps: Deps, client: WebClient, item: Item): Promise<PublishResult> {
  const locale = await workspaceLocale(deps, item.team_id);
  const card = buildItemCard(item, messages(locale), locale, deps.config.voteEmojis[0] ?? '+1');
  try {
    const res = await withRateLimit(deps.clock, () =>
      client.chat.postMessage({
        channel: item.card_channel_id,
        text: card.text,
        blocks: card.blocks,
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: METADATA.itemCard, event_payload: { item_id: item.id, team_id: item.team_id } },
      }),
    );
    const ts = res.ts as string;
    await markCardPosted(deps.db, item.id, ts, deps.clock.now());
    return { state: 'posted', channel: item.card_channel_id, ts };
  } catch (error) {
    const code = slackErrorCode(error);
    if (code && CHANNEL_CLOSED.has(code)) {
      await markCardBlocked(deps.db, item.id, deps.clock.now());
      deps.logger.warn('card not posted: Terrain cannot post in the channel', {
        teamId: item.team_id,
        channel: item.card_channel_id,
        code,
      });
      return { state: 'blocked', channel: item.card_channel_id, error: code };
    }
    await releaseCardLease(deps.db, item.id);
    throw error;
  }
}

async function permalink(deps: Deps, client: WebClient, channel: string, ts: string): Promise<string | undefined> {
  try {
    const res = await withRateLimit(deps.clock, () => client.chat.getPermalink({ channel, message_ts: ts }));
    return res.permalink;
  } catch (error) {
    deps.logger.warn('could not get the card permalink', { channel, ts, error });
    return undefined;
  }
}

async function submitterLocale(deps: Deps, client: WebClient, item: Item): Promise<Locale> {
  return isLocale(item.locale) ? item.locale : userLocale(deps, client, item.team_id, item.author_id);
}

/** Tells the submitter what became of what they sent: the link to the card, or what to do. */
export async function confirmToSubmitter(deps: Deps, client: WebClient, item: Item, result: PublishResult): Promise<void> {
  const t = messages(await submitterLocale(deps, client, item));
  const target = { userId: item.author_id, responseUrl: item.reply_to };
  const flag = item.kind === 'flag';
  if (result.state === 'posted') {
    const link = await permalink(deps, client, result.channel, result.ts);
    const text = link ? (flag ? t.filed.flag(link) : t.filed.feedback(link)) : flag ? t.filed.flagNoLink : t.filed.feedbackNoLink;
    // The digest counts by side: someone who has not said theirs is asked, once per filing, in one line.
    const sideTip = item.author_side === null ? `\n${t.filed.sideTip}` : '';
    await tellUser(deps, client, target, notice(`${text}${sideTip}`));
  } else {
    await tellUser(deps, client, target, noticeWithText(t.errors.notInChannel(mentionChannel(result.channel)), item.text));
  }
}

/** After the acknowledgement: post the card, then tell the submitter. */
export async function publishAndConfirm(deps: Deps, client: WebClient, item: Item): Promise<void> {
  const result = await publishCard(deps, client, item);
  await confirmToSubmitter(deps, client, item, result);
}

/**
 * A card may have reached Slack just before a crash, with its ts never recorded. Its metadata names the
 * item: look for it before posting again, so a card is never doubled.
 */
export async function findPostedCard(deps: Deps, client: WebClient, item: Item): Promise<string | undefined> {
  return findMessageByMetadata(
    deps.clock,
    client,
    item.card_channel_id,
    new Date(Date.parse(item.created_at) - 60_000),
    (m) => m.event_type === METADATA.itemCard && Number(m.event_payload?.item_id) === item.id,
  );
}

/**
 * Posts the cards left unposted by a crash or a Slack outage (their lease has run out). Safe to run on
 * every replica at once: each card is claimed in the database first.
 */
export async function recoverCards(deps: Deps, client: WebClient): Promise<number> {
  let recovered = 0;
  for (const candidate of await listUnpostedCards(deps.db, deps.clock.now())) {
    const item = await claimCard(deps.db, candidate.id, deps.clock.now(), CARD_LEASE_MS);
    if (!item) continue;
    try {
      let result: PublishResult;
      const ts = await findPostedCard(deps, client, item).catch((error: unknown) => {
        // Without the channel's history the card is posted anyway: a lost card is worse than a double.
        deps.logger.warn('could not look for the card in the channel', { teamId: item.team_id, itemId: item.id, error });
        return undefined;
      });
      if (ts) {
        await markCardPosted(deps.db, item.id, ts, deps.clock.now());
        result = { state: 'posted', channel: item.card_channel_id, ts };
      } else {
        result = await publishCard(deps, client, item);
      }
      await confirmToSubmitter(deps, client, item, result);
      recovered++;
    } catch (error) {
      deps.logger.error('could not recover a card', { teamId: item.team_id, itemId: item.id, error });
    }
  }
  return recovered;
}

/**
 * Once Terrain is in a channel (`/terrain setup`, or someone's `/invite @Terrain`), the cards that were
 * waiting for it go out: all of the workspace's, or only that channel's.
 */
export async function postBlockedCards(deps: Deps, client: WebClient, teamId: string, channelId?: string): Promise<number> {
  let posted = 0;
  const waiting = await listUnpostedCards(deps.db, deps.clock.now(), { teamId, states: ['blocked'], ...(channelId ? { channelId } : {}) });
  for (const candidate of waiting) {
    const item = await claimCard(deps.db, candidate.id, deps.clock.now(), CARD_LEASE_MS, ['blocked']);
    if (!item) continue;
    const result = await publishCard(deps, client, item);
    if (result.state === 'posted') {
      posted++;
      // The response_url of the original command has likely expired: a direct message reaches them.
      await confirmToSubmitter(deps, client, { ...item, reply_to: null }, result);
    }
  }
  return posted;
}
