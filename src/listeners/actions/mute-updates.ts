import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { setUpdatesMuted } from '../../../db/members.js';
import { buildMuteAnswer } from '../../blocks/triage.js';
import type { Deps } from '../../deps.js';
import { isTeamId, isUserId } from '../../domain/slack-ids.js';
import { messages } from '../../i18n/index.js';
import { enqueueHomePublish } from '../../services/home.js';
import { userLocale } from '../../services/locale.js';
import { enqueueNotice } from '../../services/replies.js';

/**
 * Mute or unmute the messages about what becomes of items (`mute_updates`, value `mute` or `unmute`),
 * from the Home tab or from such a message: stored, with what follows queued (the Home tab published
 * again, or a private answer with the button that undoes it), then acknowledged.
 */
export function muteUpdates(deps: Deps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    const action = body.actions[0] as ButtonAction | undefined;
    const value = action?.value;
    if (!isTeamId(teamId) || !isUserId(userId) || (value !== 'mute' && value !== 'unmute')) {
      deps.logger.warn('a mute button without mute or unmute', { teamId, userId, value });
      await ack();
      return;
    }
    const muted = value === 'mute';
    const now = deps.clock.now();
    const because = action?.action_ts ?? now.toISOString();
    const fromHome = body.view?.type === 'home';
    const t = fromHome ? undefined : messages(await userLocale(deps, client, teamId, userId, { cacheOnly: true }));
    await deps.db.transaction().execute(async (trx) => {
      await setUpdatesMuted(trx, teamId, userId, muted, now);
      if (!t) await enqueueHomePublish(trx, { teamId, userId, because }, now);
      else {
        await enqueueNotice(
          trx,
          {
            teamId,
            key: `mute:${userId}:${because}`,
            target: { userId, responseUrl: body.response_url },
            content: buildMuteAnswer(t, muted),
          },
          now,
        );
      }
    });
    await ack();
    deps.outbox.kick();
  };
}
