import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { isTeamId, isUserId } from '../../domain/slack-ids.js';
import { publishHome } from '../../services/home.js';

/** The Home tab, published as the dashboard each time it is opened (nothing is stored: no outbox). */
export function appHomeOpened(deps: Deps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    const teamId = body.team_id;
    const userId = event.user;
    if (!isTeamId(teamId) || !isUserId(userId)) return;
    deps.background.run('publish home', { teamId, userId }, () => publishHome(deps, client, teamId, userId));
  };
}
