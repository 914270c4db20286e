import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { ItemKind } from '../db/schema.js';
import { noticeWithText } from '../src/blocks/messages.js';
import type { Deps } from '../src/deps.js';
import { checkText, NO_DETAILS, parseQuickFeedback, type ValidItem } from '../src/domain/items.js';
import { urlOfTeamDomain } from '../src/domain/links.js';
import { isTeamId, isUserId } from '../src/domain/slack-ids.js';
import { messages } from '../src/i18n/index.js';
import { storeItem } from '../src/services/cards.js';
import { sharedChannel } from '../src/services/channel.js';
import { userLocale } from '../src/services/locale.js';
import { openItemModal } from '../src/services/modals.js';
import { tellUser } from '../src/services/replies.js';
import { BEFORE_ACK_MS } from '../src/services/roles.js';
import { findSimilar, SUGGESTION_GRACE_MS, suggestionFor } from '../src/services/similar.js';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** What quick text files: the text alone (a `kind:` prefix picks the feedback category). */
export function quickItem(kind: ItemKind, text: string): ValidItem {
  const parsed = kind === 'feedback' ? parseQuickFeedback(text) : { category: null, text: text.trim() };
  return { kind, category: parsed.category, text: parsed.text, ...NO_DETAILS };
}

/**
 * `/feedback` and `/flag`: with text, the item is stored before Slack's acknowledgement and its card
 * posted right after; without text, the modal opens. Whatever goes wrong, the user gets their text back.
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

    const values = quickItem(kind, raw);
    const check = checkText(values.text);
    const channelId = await sharedChannel(deps, teamId);
    if (check.ok && channelId) {
      // Open items that look alike are offered in the acknowledgement; the card waits a little meanwhile.
      const similar = await findSimilar(deps, teamId, values);
      // Read while the item is stored (at most BEFORE_ACK_MS): the suggestion speaks the filer's language.
      const locale =
        similar.length > 0
          ? userLocale(deps, client, teamId, userId, { deadlineMs: BEFORE_ACK_MS }).catch(() => deps.config.locale)
          : undefined;
      const cardDelayMs = similar.length > 0 ? SUGGESTION_GRACE_MS : undefined;
      const { item, created } = await storeItem(deps, { teamId, userId, channelId, values, replyTo: command.response_url, cardDelayMs });
      const t = locale && created ? messages(await locale) : undefined;
      const workspace = urlOfTeamDomain(command.team_domain);
      await ack(t ? { response_type: 'ephemeral', ...suggestionFor(t, item.id, similar, workspace) } : undefined);
      deps.outbox.kick(); // the card, then the confirmation, were queued with the item
      return;
    }
    await ack();

    deps.background.run(`answer ${kind}`, log, async () => {
      const t = messages(await userLocale(deps, client, teamId, userId));
      const intro = !check.ok && check.reason === 'too_long' ? t.errors.tooLong(check.length, check.max) : t.errors.noChannel;
      await tellUser(deps, client, { userId, responseUrl: command.response_url }, noticeWithText(intro, raw));
    });
  };
}
