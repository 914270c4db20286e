import type { WebClient } from '@slack/web-api';
import type { Item } from '../../db/schema.js';
import type { Deps } from '../deps.js';
import { withRateLimit } from '../slack/calls.js';

export type CardLink = (item: Pick<Item, 'card_channel_id' | 'card_ts'>) => string | null;

/** A card's permalink from the workspace URL and the card's channel and ts: what chat.getPermalink answers. */
export function cardLink(workspaceUrl: string | undefined, item: Pick<Item, 'card_channel_id' | 'card_ts'>): string | null {
  return workspaceUrl && item.card_ts
    ? `${workspaceUrl.replace(/\/?$/, '/')}archives/${item.card_channel_id}/p${item.card_ts.replace('.', '')}`
    : null;
}

/**
 * Links to cards built from the workspace URL (one auth.test), not one chat.getPermalink per item: the
 * digest and the Home tab link dozens of cards. Without the URL (Slack did not answer), no links.
 */
export async function cardLinkBuilder(
  deps: Pick<Deps, 'clock' | 'logger'>,
  client: WebClient | undefined,
  waits: { maxWaits?: number; maxWaitSeconds?: number } = {},
): Promise<CardLink> {
  let base: string | undefined;
  try {
    base = client ? (await withRateLimit(deps.clock, () => client.auth.test(), waits)).url : undefined;
  } catch (error) {
    deps.logger.warn('no workspace URL: cards are shown without links', { error });
  }
  return (item) => cardLink(base, item);
}
