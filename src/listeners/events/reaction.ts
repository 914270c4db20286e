import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { findItemByCard } from '../../../db/items.js';
import { applyReaction } from '../../../db/votes.js';
import type { Deps } from '../../deps.js';
import { isVoteEmoji, sortableEventTs } from '../../domain/votes.js';

type ReactionArgs = SlackEventMiddlewareArgs<'reaction_added' | 'reaction_removed'> & AllMiddlewareArgs;

/**
 * A voting reaction on a card, added or removed. Stored before the event is acknowledged; everything
 * else (the bot's own reactions, other emojis, messages that are not cards) is ignored.
 */
export function reactionListener(deps: Deps, added: boolean) {
  return async ({ event, body, context }: ReactionArgs): Promise<void> => {
    if (event.item.type !== 'message') return;
    if (event.user === context.botUserId) return;
    if (!isVoteEmoji(event.reaction, deps.config.voteEmojis)) return;
    const teamId = body.team_id;
    const item = await findItemByCard(deps.db, teamId, event.item.channel, event.item.ts);
    if (!item) return;
    await applyReaction(deps.db, {
      teamId,
      itemId: item.id,
      userId: event.user,
      reaction: event.reaction,
      added,
      eventTs: sortableEventTs(event.event_ts),
      at: deps.clock.now(),
    });
  };
}
