import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { notice } from '../src/blocks/messages.js';
import type { Deps } from '../src/deps.js';
import { isTeamId, isUserId } from '../src/domain/slack-ids.js';
import { messages } from '../src/i18n/index.js';
import { userLocale } from '../src/services/locale.js';
import { tellUser } from '../src/services/replies.js';

/** `/afterwork`: registered with the app so the command answers; invites and RSVPs come next. */
export function afterworkCommand(deps: Deps) {
  return async ({ command, ack, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    if (!isTeamId(command.team_id) || !isUserId(command.user_id)) {
      await ack({ response_type: 'ephemeral', text: messages(deps.config.locale).errors.unexpectedNoText });
      return;
    }
    await ack();
    deps.background.run('afterwork', { teamId: command.team_id, userId: command.user_id }, async () => {
      const t = messages(await userLocale(deps, client, command.team_id, command.user_id));
      await tellUser(deps, client, { userId: command.user_id, responseUrl: command.response_url }, notice(t.afterwork.soon));
    });
  };
}
