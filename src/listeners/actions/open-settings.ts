import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildRefusal } from '../../blocks/roles.js';
import type { Deps } from '../../deps.js';
import { isTeamId, isTriggerId, isUserId } from '../../domain/slack-ids.js';
import { messages } from '../../i18n/index.js';
import { userLocale } from '../../services/locale.js';
import { tellUser } from '../../services/replies.js';
import { adminsOverview, authorize } from '../../services/roles.js';
import { openSettingsModal } from '../../services/settings.js';

/** The "Digest settings" button under `/terrain setup`'s answer: Terrain admins only, whoever sees it. */
export function openSettings(deps: Deps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    if (!isTeamId(teamId) || !isUserId(userId) || !isTriggerId(body.trigger_id)) return;
    deps.background.run('open settings', { teamId, userId }, async () => {
      const access = await authorize(deps, client, { teamId, userId, action: 'settings' });
      if (access.allowed) return openSettingsModal(deps, client, teamId, userId, body.trigger_id);
      const t = messages(await userLocale(deps, client, teamId, userId));
      const refusal = buildRefusal(t, 'settings', access.why, await adminsOverview(deps, teamId));
      await tellUser(deps, client, { userId, responseUrl: body.response_url }, refusal);
    });
  };
}
