import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { listItemsByAuthor } from '../../../db/items.js';
import { buildHome } from '../../blocks/home.js';
import type { Deps } from '../../deps.js';
import { isTeamId, isUserId } from '../../domain/slack-ids.js';
import { messages } from '../../i18n/index.js';
import { userLocale } from '../../services/locale.js';
import { withRateLimit } from '../../slack/calls.js';

/** The Home tab: how to file, and what became of one's own feedback and flags. */
export function appHomeOpened(deps: Deps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    const teamId = body.team_id;
    const userId = event.user;
    if (event.tab !== 'home' || !isTeamId(teamId) || !isUserId(userId)) return;
    deps.background.run('publish home', { teamId, userId }, async () => {
      const t = messages(await userLocale(deps, client, teamId, userId));
      const items = await listItemsByAuthor(deps.db, teamId, userId, 10);
      const links = new Map<number, string>();
      await Promise.all(
        items.map(async (item) => {
          if (!item.card_ts) return;
          const res = await client.chat.getPermalink({ channel: item.card_channel_id, message_ts: item.card_ts }).catch(() => undefined);
          if (res?.permalink) links.set(item.id, res.permalink);
        }),
      );
      await withRateLimit(deps.clock, () => client.views.publish({ user_id: userId, view: buildHome(t, items, links) }));
    });
  };
}
