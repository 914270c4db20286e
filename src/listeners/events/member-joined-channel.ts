import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { isChannelId, isTeamId } from '../../domain/slack-ids.js';
import { requeueBlockedInvites } from '../../services/afterworks.js';
import { requeueBlockedCards } from '../../services/cards.js';

/** Terrain was invited into a channel: the cards and after-work invites that were waiting to be posted there go out now. */
export function memberJoinedChannel(deps: Deps) {
  return async ({ event, body, context }: SlackEventMiddlewareArgs<'member_joined_channel'> & AllMiddlewareArgs): Promise<void> => {
    const teamId = body.team_id;
    if (event.user !== context.botUserId || !isChannelId(event.channel) || !isTeamId(teamId)) return;
    // Queued before the event is acknowledged: a crash right after still posts them.
    const queued = await requeueBlockedCards(deps, teamId, event.channel);
    if (queued > 0)
      deps.logger.info('cards that waited for Terrain to join are on their way', { teamId, channel: event.channel, count: queued });
    const invites = await requeueBlockedInvites(deps, teamId, event.channel);
    if (invites > 0)
      deps.logger.info('after-work invites that waited for Terrain to join are on their way', {
        teamId,
        channel: event.channel,
        count: invites,
      });
  };
}
