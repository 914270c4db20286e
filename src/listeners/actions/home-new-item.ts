import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ItemKind } from '../../../db/schema.js';
import type { Deps } from '../../deps.js';
import { isTeamId, isUserId } from '../../domain/slack-ids.js';
import { openItemModal } from '../../services/modals.js';

/** The Home tab's "New feedback" / "New flag" buttons open the same modals as the commands. */
export function homeNewItem(deps: Deps, kind: ItemKind) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    if (!isTeamId(teamId) || !isUserId(userId)) return;
    deps.background.run('open item modal', { teamId, userId }, () =>
      openItemModal(deps, client, { kind, teamId, userId, triggerId: body.trigger_id }),
    );
  };
}
