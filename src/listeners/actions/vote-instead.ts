import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { mergeAnswer } from '../../blocks/merge.js';
import { notice } from '../../blocks/messages.js';
import { parseVoteInsteadValue } from '../../blocks/similar.js';
import type { Deps } from '../../deps.js';
import { isTeamId, isUserId } from '../../domain/slack-ids.js';
import { messages } from '../../i18n/index.js';
import { userLocale } from '../../services/locale.js';
import { mergeItems } from '../../services/merge.js';
import { tellUser } from '../../services/replies.js';

/**
 * "Vote for this one instead", under "Looks like this was already raised": the filer's new item is
 * merged into the one they picked (its card, still waiting, is never posted) and their vote counts
 * there. Stored before the acknowledgement; the answer and the card update go through the outbox.
 */
export function voteInstead(deps: Deps) {
  return async ({ ack, body, client, action }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    const value = parseVoteInsteadValue(action.type === 'button' ? action.value : undefined);
    if (!isTeamId(teamId) || !isUserId(userId) || !value) {
      await ack();
      return;
    }
    const outcome = await mergeItems(deps, {
      teamId,
      byUserId: userId,
      duplicateId: value.newItemId,
      originalId: value.similarId,
      via: 'vote_instead',
      responseUrl: body.response_url,
    });
    await ack();
    if (outcome.done) {
      deps.outbox.kick();
      return;
    }
    // Nothing was changed: a private word, in their language, on where things stand.
    deps.background.run('vote instead refused', { teamId, userId }, async () => {
      const t = messages(await userLocale(deps, client, teamId, userId));
      const text =
        'notYours' in outcome
          ? t.similar.notYours
          : outcome.plan.ok
            ? t.similar.alreadyVoted(t.search.handle(outcome.plan.rootId))
            : outcome.plan.why === 'unknown_duplicate' || outcome.plan.why === 'unknown_original'
              ? t.similar.gone
              : mergeAnswer(t, outcome.plan, { duplicateId: value.newItemId, originalId: value.similarId });
      await tellUser(deps, client, { userId, responseUrl: body.response_url }, notice(text));
    });
  };
}
