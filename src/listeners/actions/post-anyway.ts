import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { notice } from '../../blocks/messages.js';
import type { Deps } from '../../deps.js';
import { isTeamId, isUserId } from '../../domain/slack-ids.js';
import { messages } from '../../i18n/index.js';
import { userLocale } from '../../services/locale.js';
import { tellUser } from '../../services/replies.js';
import { postAnyway as postNow } from '../../services/similar.js';

/** "Post mine anyway", under "Looks like this was already raised": the card held back goes out now. */
export function postAnyway(deps: Deps) {
  return async ({ ack, body, client, action }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    const raw = action.type === 'button' ? action.value : undefined;
    const itemId = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
    if (!isTeamId(teamId) || !isUserId(userId) || itemId === undefined) {
      await ack();
      return;
    }
    // The language known already (they just filed): no call to Slack before the acknowledgement.
    const t = messages(await userLocale(deps, client, teamId, userId, { cacheOnly: true }));
    const outcome = await postNow(deps, { teamId, userId, itemId, responseUrl: body.response_url, t });
    await ack();
    if (outcome.status === 'posting') {
      deps.outbox.kick();
      return;
    }
    if (outcome.status === 'already_posted') return; // on the board already, as the confirmation says
    deps.background.run('post anyway refused', { teamId, userId }, async () => {
      const text =
        outcome.status === 'merged'
          ? t.similar.alreadyVoted(t.search.handle(outcome.into))
          : outcome.status === 'not_yours'
            ? t.similar.notYours
            : t.similar.gone;
      await tellUser(deps, client, { userId, responseUrl: body.response_url }, notice(text));
    });
  };
}
