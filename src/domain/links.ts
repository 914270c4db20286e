import { isChannelId, isMessageTs } from './slack-ids.js';

/** A workspace's web address as Slack gives it (`https://acme.slack.com/`), checked before it goes into a link. */
export function isWorkspaceUrl(url: unknown): url is string {
  return typeof url === 'string' && /^https:\/\/[a-z0-9][a-z0-9.-]*\.slack(-gov)?\.com\/?$/i.test(url);
}

/** The address of a workspace from the team domain of a request (`acme` → `https://acme.slack.com/`). */
export function urlOfTeamDomain(domain: unknown): string | undefined {
  return typeof domain === 'string' && /^[a-z0-9][a-z0-9-]{0,62}$/i.test(domain) ? `https://${domain.toLowerCase()}.slack.com/` : undefined;
}

/**
 * A card's permalink built from the workspace address, as Slack builds them
 * (`https://acme.slack.com/archives/C123/p1700000000000100`): no Web API call per card.
 */
export function cardPermalink(base: string | undefined, card: { card_channel_id: string; card_ts: string | null }): string | null {
  if (!base || !isWorkspaceUrl(base) || !card.card_ts || !isMessageTs(card.card_ts) || !isChannelId(card.card_channel_id)) return null;
  return `${base.replace(/\/?$/, '/')}archives/${card.card_channel_id}/p${card.card_ts.replace('.', '')}`;
}
