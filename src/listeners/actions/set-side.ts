import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { setMemberSide } from '../../../db/members.js';
import type { Side } from '../../../db/schema.js';
import { buildSideChosen, SIDES } from '../../blocks/sides.js';
import type { Deps } from '../../deps.js';
import { isTeamId, isUserId } from '../../domain/slack-ids.js';
import { messages } from '../../i18n/index.js';
import { enqueueHomePublish } from '../../services/home.js';
import { userLocale } from '../../services/locale.js';
import { enqueueNotice } from '../../services/replies.js';

const isSide = (value: unknown): value is Side => typeof value === 'string' && (SIDES as readonly string[]).includes(value);

/**
 * A side clicked (`set_side_<side>`, the value is the side), on the Home tab or under a filing
 * confirmation: stored with what follows it queued (the Home tab published again, or a private "you're on
 * the sales side" with the buttons to change it), then acknowledged.
 */
export function setSide(deps: Deps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    const action = body.actions[0] as ButtonAction | undefined;
    const side = action?.value;
    if (!isTeamId(teamId) || !isUserId(userId) || !isSide(side)) {
      deps.logger.warn('a side button without a side', { teamId, userId, value: side });
      await ack();
      return;
    }
    const now = deps.clock.now();
    const because = action?.action_ts ?? now.toISOString();
    const fromHome = body.view?.type === 'home';
    // Before the acknowledgement, the language is what is cached: no Slack call may hold it up.
    const t = fromHome ? undefined : messages(await userLocale(deps, client, teamId, userId, { cacheOnly: true }));
    await deps.db.transaction().execute(async (trx) => {
      await setMemberSide(trx, teamId, userId, side, now);
      if (!t) await enqueueHomePublish(trx, { teamId, userId, because }, now);
      else {
        await enqueueNotice(
          trx,
          {
            teamId,
            key: `side:${userId}:${because}`,
            target: { userId, responseUrl: body.response_url },
            content: buildSideChosen(t, side),
          },
          now,
        );
      }
    });
    await ack();
    deps.outbox.kick();
  };
}
