import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { getAfterwork } from '../../../db/afterworks.js';
import type { Deps } from '../../deps.js';
import { isTeamId, isUserId } from '../../domain/slack-ids.js';
import { openAfterworkModal } from '../../services/afterwork-modal.js';
import { enqueueRefusal, mayManage } from '../../services/afterworks.js';
import { BEFORE_ACK_MS } from '../../services/roles.js';

/**
 * "Edit" on an invite: opens the modal filled in with the after-work as it is, for the host and Terrain
 * admins (checked again when the modal is submitted); anyone else is told privately.
 */
export function afterworkEdit(deps: Deps) {
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
    const refusal = !afterwork
      ? 'gone'
      : afterwork.state === 'cancelled'
        ? 'cancelled'
        : await mayManage(deps, client, { teamId, userId, afterwork, deadlineMs: BEFORE_ACK_MS }).then((a) =>
            a.allowed ? undefined : a.why,
          );
    if (refusal || !afterwork) {
      await enqueueRefusal(deps, answer, refusal ?? 'gone');
      await ack();
      deps.outbox.kick();
      return;
    }
    await ack();
    deps.background.run('open after-work edit modal', { teamId, userId, afterworkId: afterwork.id }, () =>
      openAfterworkModal(deps, client, { teamId, userId, triggerId: body.trigger_id, responseUrl: body.response_url, afterwork }),
    );
  };
}
