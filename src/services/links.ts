import type { WebClient } from '@slack/web-api';
import type { Item } from '../../db/schema.js';
import type { Deps } from '../deps.js';
import { cardPermalink, isWorkspaceUrl, urlOfTeamDomain } from '../domain/links.js';
import { withRateLimit } from '../slack/calls.js';

export type CardLink = (item: Pick<Item, 'card_channel_id' | 'card_ts'>) => string | null;

/**
 * The workspace's web address, for links to cards: from the request's team domain when it has one (no
 * call to Slack, so it can be used before an acknowledgement), else Slack's `auth.test`. Undefined when
 * neither tells: the answer then goes without links rather than not at all.
 */
export async function workspaceUrl(
  deps: Pick<Deps, 'clock' | 'logger'>,
  client: WebClient | undefined,
  teamDomain?: unknown,
): Promise<string | undefined> {
  const fromDomain = urlOfTeamDomain(teamDomain);
  if (fromDomain || !client) return fromDomain;
  try {
    const url = (await withRateLimit(deps.clock, () => client.auth.test(), { maxWaits: 1, maxWaitSeconds: 5 })).url;
    return isWorkspaceUrl(url) ? url : undefined;
  } catch (error) {
    deps.logger.warn('no workspace URL: links to cards are left out', { error });
    return undefined;
  }
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
    const url = client ? (await withRateLimit(deps.clock, () => client.auth.test(), waits)).url : undefined;
    base = isWorkspaceUrl(url) ? url : undefined;
  } catch (error) {
    deps.logger.warn('no workspace URL: cards are shown without links', { error });
  }
  return (item) => cardPermalink(base, item);
}
