import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { getAfterwork } from '../../../db/afterworks.js';
import type { Deps } from '../../deps.js';
import { isTeamId, isUserId } from '../../domain/slack-ids.js';
import { cancelAfterworkNow, enqueueRefusal, mayManage } from '../../services/afterworks.js';
import { BEFORE_ACK_MS } from '../../services/roles.js';

/**
 * "Cancel it" on an invite (Slack asked to confirm first): the host and Terrain admins only, checked
 * here where it is stored. Stored before Slack is acknowledged; the invite says so in place and everyone
 * coming is told, through the outbox.
 */
export function afterworkCancel(deps: Deps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    const action = body.actions[0] as { value?: string; action_ts?: string } | undefined;
    if (!isTeamId(teamId) || !isUserId(userId)) {
      await ack();
      return;
    }
    const afterwork = await getAfterwork(deps.db, teamId, Number(action?.value));
    const answer = { teamId, userId, responseUrl: body.response_url, key: `${userId}:${action?.action_ts ?? body.trigger_id}`, afterwork };
    if (!afterwork) {
      await enqueueRefusal(deps, answer, 'gone');
    } else {
      const access = await mayManage(deps, client, { teamId, userId, afterwork, deadlineMs: BEFORE_ACK_MS });
      if (!access.allowed) {
        await enqueueRefusal(deps, answer, access.why);
      } else {
        const result = await cancelAfterworkNow(deps, { teamId, afterworkId: afterwork.id, by: userId });
        if (result.outcome !== 'stored') await enqueueRefusal(deps, answer, result.outcome === 'gone' ? 'gone' : 'cancelled');
      }
    }
    await ack();
    deps.outbox.kick();
  };
}
