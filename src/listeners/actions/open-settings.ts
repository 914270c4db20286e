import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { isTeamId, isTriggerId, isUserId } from '../../domain/slack-ids.js';
import { openSettingsModal } from '../../services/settings.js';

/** The "Digest settings" button under `/terrain setup`'s answer. */
export function openSettings(deps: Deps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    if (!isTeamId(teamId) || !isUserId(userId) || !isTriggerId(body.trigger_id)) return;
    deps.background.run('open settings', { teamId, userId }, () => openSettingsModal(deps, client, teamId, userId, body.trigger_id));
  };
}
