import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ItemKind } from '../../../db/schema.js';
import { noticeWithText } from '../../blocks/messages.js';
import type { Deps } from '../../deps.js';
import { type FieldError, validateItemForm } from '../../domain/items.js';
import { urlOfTeamDomain } from '../../domain/links.js';
import { isTeamId, isUserId } from '../../domain/slack-ids.js';
import { isLocale, type Messages, messages } from '../../i18n/index.js';
import { FIELDS } from '../../ids.js';
import { storeItem } from '../../services/cards.js';
import { sharedChannel } from '../../services/channel.js';
import { tellUser } from '../../services/replies.js';
import { enqueueSuggestion, findSimilar, SUGGESTION_GRACE_MS, suggestionFor } from '../../services/similar.js';
import { parseModalMetadata, readItemForm } from '../../slack/view-state.js';

const BLOCK_OF: Readonly<Record<string, string>> = {
  text: FIELDS.text,
  product: FIELDS.product,
  customer: FIELDS.customer,
  revenue: FIELDS.revenue,
  competitor: FIELDS.competitor,
  customer_need: FIELDS.customerNeed,
  reason: FIELDS.reason,
};

export function fieldErrors(errors: FieldError[], t: Messages): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const block = BLOCK_OF[e.field] ?? FIELDS.text;
    out[block] =
      e.code === 'empty' ? t.errors.emptyText : e.code === 'too_long' ? t.errors.fieldTooLong(e.length, e.max) : t.errors.invalidRevenue;
  }
  return out;
}

/**
 * The feedback or flag modal was submitted: invalid input is answered inside the modal; valid input is
 * stored before the modal closes, and its card posted right after.
 */
export function itemSubmitted(deps: Deps, kind: ItemKind) {
  return async ({ ack, view, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const meta = parseModalMetadata(view.private_metadata, kind, deps.config.locale);
    const locale = isLocale(meta.locale) ? meta.locale : deps.config.locale;
    const t = messages(locale);
    const teamId = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    if (!isTeamId(teamId) || !isUserId(userId)) {
      await ack({ response_action: 'errors', errors: { [FIELDS.text]: t.errors.unexpectedNoText } });
      return;
    }
    const result = validateItemForm(readItemForm(view.state?.values, meta.kind));
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: fieldErrors(result.errors, t) });
      return;
    }
    const channelId = await sharedChannel(deps, teamId);
    if (!channelId) {
      await ack();
      deps.background.run('no channel', { teamId, userId }, () =>
        tellUser(deps, client, { userId, responseUrl: meta.responseUrl }, noticeWithText(t.errors.noChannel, result.item.text)),
      );
      return;
    }
    const source =
      meta.sourceChannelId && meta.sourceTs
        ? { channelId: meta.sourceChannelId, ts: meta.sourceTs, permalink: meta.sourcePermalink ?? null }
        : undefined;
    // Open items that look alike are offered to the filer (a modal's acknowledgement carries no message).
    const similar = await findSimilar(deps, teamId, result.item);
    const workspace = urlOfTeamDomain(body.team?.domain);
    await storeItem(deps, {
      teamId,
      userId,
      channelId,
      values: result.item,
      source,
      replyTo: meta.responseUrl ?? null,
      locale,
      clientKey: `view:${view.id}`,
      ...(similar.length > 0
        ? {
            cardDelayMs: SUGGESTION_GRACE_MS,
            alsoQueue: (trx, item) =>
              enqueueSuggestion(
                trx,
                { item, target: { userId, responseUrl: meta.responseUrl ?? null }, content: suggestionFor(t, item.id, similar, workspace) },
                deps.clock.now(),
              ).then(() => undefined),
          }
        : {}),
    });
    await ack();
    // The card was queued with the item (once: the same view submitted twice is the same item).
    deps.outbox.kick();
  };
}
