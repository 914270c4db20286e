import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';
import { isWorkspaceUrl, urlOfTeamDomain } from '../domain/links.js';
import { withRateLimit } from '../slack/calls.js';

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
