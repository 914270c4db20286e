import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { notice } from '../../blocks/messages.js';
import type { Deps } from '../../deps.js';
import { slackMarkupToPlain } from '../../domain/markup.js';
import { isChannelId, isMessageTs, isTeamId, isUserId } from '../../domain/slack-ids.js';
import { messages } from '../../i18n/index.js';
import { userLocale } from '../../services/locale.js';
import { openItemModal } from '../../services/modals.js';
import { tellUser } from '../../services/replies.js';

/** Message shortcut "Send to Terrain": the feedback modal, filled with the message and linked to it. */
export function sendToTerrain(deps: Deps) {
  return async ({ shortcut, ack, client }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const teamId = shortcut.team?.id ?? shortcut.user.team_id;
    const userId = shortcut.user.id;
    if (!isTeamId(teamId) || !isUserId(userId)) return;
    const channelId = shortcut.channel?.id;
    const ts = shortcut.message?.ts;
    const text = slackMarkupToPlain(shortcut.message?.text ?? '').trim();
    deps.background.run('send to terrain', { teamId, userId, channelId }, async () => {
      if (text === '') {
        const t = messages(await userLocale(deps, client, teamId, userId));
        await tellUser(deps, client, { userId, responseUrl: shortcut.response_url }, notice(t.errors.shortcutEmpty));
        return;
      }
      let source: { channelId: string; ts: string; permalink: string | null } | undefined;
      if (isChannelId(channelId) && isMessageTs(ts)) {
        const link = await client.chat.getPermalink({ channel: channelId, message_ts: ts }).catch(() => undefined);
        source = { channelId, ts, permalink: link?.permalink ?? null };
      }
      await openItemModal(deps, client, {
        kind: 'feedback',
        teamId,
        userId,
        triggerId: shortcut.trigger_id,
        responseUrl: shortcut.response_url,
        text,
        source,
      });
    });
  };
}
