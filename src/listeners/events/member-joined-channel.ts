import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { isChannelId, isTeamId } from '../../domain/slack-ids.js';
import { postBlockedCards } from '../../services/cards.js';

/** Terrain was invited into a channel: the cards that were waiting to be posted there go out now. */
export function memberJoinedChannel(deps: Deps) {
  return async ({ event, body, context, client }: SlackEventMiddlewareArgs<'member_joined_channel'> & AllMiddlewareArgs): Promise<void> => {
    const teamId = body.team_id;
    if (event.user !== context.botUserId || !isChannelId(event.channel) || !isTeamId(teamId)) return;
    deps.background.run('post waiting cards', { teamId, channel: event.channel }, async () => {
      const posted = await postBlockedCards(deps, client, teamId, event.channel);
      if (posted > 0) deps.logger.info('posted cards that waited for Terrain to join', { teamId, channel: event.channel, count: posted });
    });
  };
}
