import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { applyCardReaction } from '../../../db/votes.js';
import type { Deps } from '../../deps.js';
import { isTeamId } from '../../domain/slack-ids.js';
import { isVoteEmoji, readMessageReaction, sortableEventTs } from '../../domain/votes.js';

type ReactionArgs = SlackEventMiddlewareArgs<'reaction_added' | 'reaction_removed'> & AllMiddlewareArgs;

/**
 * A voting reaction on a card, added or removed. Stored before the event is acknowledged; everything
 * else (the bot's own reactions, other emojis, messages that are not cards) is ignored.
 */
export function reactionListener(deps: Deps, added: boolean) {
  return async ({ event, body, context }: ReactionArgs): Promise<void> => {
    const reaction = readMessageReaction(event);
    const teamId = body.team_id;
    if (!reaction || !isTeamId(teamId)) return;
    if (reaction.user === context.botUserId) return;
    if (!isVoteEmoji(reaction.reaction, deps.config.voteEmojis)) return;
    // The card's item found and the vote stored in one statement: a message that is no card stores nothing.
    await applyCardReaction(deps.db, {
      teamId,
      channelId: reaction.channel,
      ts: reaction.ts,
      userId: reaction.user,
      reaction: reaction.reaction,
      added,
      eventTs: sortableEventTs(reaction.eventTs),
      at: deps.clock.now(),
    });
  };
}
