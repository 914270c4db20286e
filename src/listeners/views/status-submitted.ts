import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { notice } from '../../blocks/messages.js';
import { buildRefusalModal } from '../../blocks/roles.js';
import type { Deps } from '../../deps.js';
import { MAX_LONG_FIELD, shownLength } from '../../domain/items.js';
import { isTeamId, isUserId } from '../../domain/slack-ids.js';
import { cleanText } from '../../domain/triage.js';
import { isLocale, messages } from '../../i18n/index.js';
import { TRIAGE_FIELDS, VIEWS } from '../../ids.js';
import { userLocale } from '../../services/locale.js';
import { authorizeSide, BEFORE_ACK_MS } from '../../services/roles.js';
import { changeStatus, outcomeText, refreshCard } from '../../services/triage.js';
import { parseItemModalMetadata, readField } from '../../slack/view-state.js';

/**
 * The decline modal (why is required) or the "with a note" modal was submitted. The permission is checked
 * again here, where the move is stored: a modal may outlive its opener's side, or be forged. Stored, with
 * its history row and what follows, before the modal closes.
 */
export function statusSubmitted(deps: Deps) {
  return async ({ ack, view, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const meta = parseItemModalMetadata(view.private_metadata, deps.config.locale);
    const t = messages(isLocale(meta?.locale) ? meta.locale : deps.config.locale);
    const declining = view.callback_id === VIEWS.declineReason;
    const to = declining ? 'declined' : meta?.to;
    const teamId = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    const firstField = declining ? TRIAGE_FIELDS.reason : TRIAGE_FIELDS.note;
    if (!meta || !to || !isTeamId(teamId) || !isUserId(userId)) {
      await ack({ response_action: 'errors', errors: { [firstField]: t.errors.unexpectedNoText } });
      return;
    }
    const values = view.state?.values;
    const reason = declining ? cleanText(readField(values, TRIAGE_FIELDS.reason)) : null;
    const note = cleanText(readField(values, TRIAGE_FIELDS.note));
    const errors: Record<string, string> = {};
    if (declining && !reason) errors[TRIAGE_FIELDS.reason] = t.errors.emptyText;
    if (!declining && !note) errors[TRIAGE_FIELDS.note] = t.errors.emptyText;
    for (const [field, text] of [
      [TRIAGE_FIELDS.reason, reason],
      [TRIAGE_FIELDS.note, note],
    ] as const) {
      if (text && shownLength(text) > MAX_LONG_FIELD) errors[field] = t.errors.fieldTooLong(shownLength(text), MAX_LONG_FIELD);
    }
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    const title = declining ? t.triage.declineTitle : t.triage.noteTitle;
    const access = await authorizeSide(deps, client, { teamId, userId, action: 'triage', deadlineMs: BEFORE_ACK_MS });
    if (!access.allowed) {
      const reader = messages(await userLocale(deps, client, teamId, userId, { cacheOnly: true }));
      const why = access.why === 'role_unknown' ? reader.roles.roleUnknown : reader.triage.refused;
      await ack({ response_action: 'update', view: buildRefusalModal(reader, title, notice(why)) });
      return;
    }
    const outcome = await changeStatus(deps, { teamId, itemId: meta.itemId, userId, to, note, reason });
    if (outcome.kind === 'changed' || outcome.kind === 'unchanged') {
      await ack();
      deps.outbox.kick();
      return;
    }
    // Nothing changed: the modal says why, and a card that was out of date is brought up to date.
    const text = outcomeText(outcome);
    if (outcome.kind === 'not_allowed' || outcome.kind === 'moved_meanwhile') {
      await refreshCard(deps, { teamId, itemId: meta.itemId, key: `${userId}:${view.id}` });
    }
    await ack({ response_action: 'update', view: buildRefusalModal(t, title, notice(text ? text(t) : t.triage.gone)) });
    deps.outbox.kick();
  };
}
