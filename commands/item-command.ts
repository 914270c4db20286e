import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { ItemKind } from '../db/schema.js';
import { noticeWithText } from '../src/blocks/messages.js';
import type { Deps } from '../src/deps.js';
import { isTeamId, isUserId } from '../src/domain/slack-ids.js';
import { messages } from '../src/i18n/index.js';
import { fileQuickText } from '../src/services/filing.js';
import { userLocale } from '../src/services/locale.js';
import { openItemModal } from '../src/services/modals.js';
import { tellUser } from '../src/services/replies.js';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/feedback` and `/flag`: with text, the item is stored before Slack's acknowledgement, which carries
 * the filer's private answer, and its card is posted right after; without text, the modal opens.
 * Whatever goes wrong, the user gets their text back.
 */
export function itemCommand(kind: ItemKind, deps: Deps) {
  return async ({ command, ack, client }: CommandArgs): Promise<void> => {
    const { team_id: teamId, user_id: userId } = command;
    if (!isTeamId(teamId) || !isUserId(userId)) {
      await ack({ response_type: 'ephemeral', text: messages(deps.config.locale).errors.unexpectedNoText });
      return;
    }
    const raw = command.text ?? '';
    const log = { teamId, userId, command: command.command };
    if (raw.trim() === '') {
      await ack();
      deps.background.run('open item modal', log, () =>
        openItemModal(deps, client, { kind, teamId, userId, triggerId: command.trigger_id, responseUrl: command.response_url }),
      );
      return;
    }

    const filing = await fileQuickText(deps, client, {
      kind,
      teamId,
      userId,
      text: raw,
      responseUrl: command.response_url,
      teamDomain: command.team_domain,
    });
    if (filing.stored) {
      await ack({ response_type: 'ephemeral', ...filing.answer });
      deps.outbox.kick(); // the card was queued with the item
      return;
    }
    await ack();

    const { check } = filing;
    deps.background.run(`answer ${kind}`, log, async () => {
      const t = messages(await userLocale(deps, client, teamId, userId));
      const intro = !check.ok && check.reason === 'too_long' ? t.errors.tooLong(check.length, check.max) : t.errors.noChannel;
      await tellUser(deps, client, { userId, responseUrl: command.response_url }, noticeWithText(intro, raw));
    });
  };
}
