import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../src/deps.js';
import { isTeamId, isUserId } from '../src/domain/slack-ids.js';
import { messages } from '../src/i18n/index.js';
import { openAfterworkModal } from '../src/services/afterwork-modal.js';

/**
 * `/afterwork [text]`: opens the invite modal, filled in with what the text says (a day, a time, a
 * place). Nothing is stored until the modal is submitted, so the acknowledgement comes first.
 */
export function afterworkCommand(deps: Deps) {
  return async ({ command, ack, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const { team_id: teamId, user_id: userId } = command;
    if (!isTeamId(teamId) || !isUserId(userId)) {
      await ack({ response_type: 'ephemeral', text: messages(deps.config.locale).errors.unexpectedNoText });
      return;
    }
    await ack();
    deps.background.run('open after-work modal', { teamId, userId }, () =>
      openAfterworkModal(deps, client, {
        teamId,
        userId,
        triggerId: command.trigger_id,
        responseUrl: command.response_url,
        text: command.text ?? '',
      }),
    );
  };
}
