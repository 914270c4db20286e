import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { setUpdatesMuted } from '../../../db/members.js';
import { buildMuteAnswer } from '../../blocks/triage.js';
import type { Deps } from '../../deps.js';
import { isTeamId, isUserId } from '../../domain/slack-ids.js';
import { messages } from '../../i18n/index.js';
import { userLocale } from '../../services/locale.js';
import { enqueueNotice } from '../../services/replies.js';
import type { ClickedAction } from './item-status.js';

/**
 * "Mute these updates" (value `mute`) in a status message, and its undo (`unmute`), also offered on the
 * Home tab. Stored before the acknowledgement; a click in a message is answered privately there, with a
 * button that undoes it. From Home, the tab itself shows the new state: no message.
 */
export function muteUpdates(deps: Deps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    const action = body.actions[0] as ClickedAction | undefined;
    const value = action?.value;
    if (!isTeamId(teamId) || !isUserId(userId) || (value !== 'mute' && value !== 'unmute')) {
      await ack();
      return;
    }
    const muted = value === 'mute';
    const fromMessage = (body.container as { type?: unknown } | undefined)?.type === 'message';
    const t = messages(await userLocale(deps, client, teamId, userId, { cacheOnly: true }));
    const now = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      await setUpdatesMuted(trx, teamId, userId, muted, now);
      if (!fromMessage) return;
      await enqueueNotice(
        trx,
        {
          teamId,
          key: `mute:${userId}:${action?.action_ts ?? body.trigger_id}`,
          target: { userId, responseUrl: body.response_url },
          content: buildMuteAnswer(t, muted),
        },
        now,
      );
    });
    await ack();
    deps.outbox.kick();
  };
}
