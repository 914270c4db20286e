import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { notice } from '../../blocks/messages.js';
import { buildRefusalModal } from '../../blocks/roles.js';
import type { Deps } from '../../deps.js';
import { MAX_LONG_FIELD, MAX_SHORT_FIELD, parseAmount, shownLength } from '../../domain/items.js';
import { isTeamId, isUserId } from '../../domain/slack-ids.js';
import { cleanText } from '../../domain/triage.js';
import { isLocale, messages } from '../../i18n/index.js';
import { CUSTOMER_FIELDS } from '../../ids.js';
import { addCustomer } from '../../services/customers.js';
import { userLocale } from '../../services/locale.js';
import { authorizeSide, BEFORE_ACK_MS } from '../../services/roles.js';
import { parseItemModalMetadata, readField } from '../../slack/view-state.js';

/**
 * The add-customer modal was submitted: checked again (sales, marketing, Terrain admins), stored with the
 * card's update before the modal closes. An account already counted is said in the modal, so the person
 * can fix a typo rather than wonder.
 */
export function customerSubmitted(deps: Deps) {
  return async ({ ack, view, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const meta = parseItemModalMetadata(view.private_metadata, deps.config.locale);
    const t = messages(isLocale(meta?.locale) ? meta.locale : deps.config.locale);
    const teamId = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    if (!meta || !isTeamId(teamId) || !isUserId(userId)) {
      await ack({ response_action: 'errors', errors: { [CUSTOMER_FIELDS.account]: t.errors.unexpectedNoText } });
      return;
    }
    const values = view.state?.values;
    const account = cleanText(readField(values, CUSTOMER_FIELDS.account));
    const rawRevenue = cleanText(readField(values, CUSTOMER_FIELDS.revenue));
    const note = cleanText(readField(values, CUSTOMER_FIELDS.note));
    const revenue = rawRevenue === null ? null : parseAmount(rawRevenue);
    const errors: Record<string, string> = {};
    if (!account) errors[CUSTOMER_FIELDS.account] = t.errors.emptyText;
    else if (shownLength(account) > MAX_SHORT_FIELD)
      errors[CUSTOMER_FIELDS.account] = t.errors.fieldTooLong(shownLength(account), MAX_SHORT_FIELD);
    if (rawRevenue !== null && revenue === null) errors[CUSTOMER_FIELDS.revenue] = t.errors.invalidRevenue;
    if (note && shownLength(note) > MAX_LONG_FIELD) errors[CUSTOMER_FIELDS.note] = t.errors.fieldTooLong(shownLength(note), MAX_LONG_FIELD);
    if (!account || Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    const access = await authorizeSide(deps, client, { teamId, userId, action: 'add_customer', deadlineMs: BEFORE_ACK_MS });
    if (!access.allowed) {
      const reader = messages(await userLocale(deps, client, teamId, userId, { cacheOnly: true }));
      const why = access.why === 'role_unknown' ? reader.roles.roleUnknown : reader.customers.refused;
      await ack({ response_action: 'update', view: buildRefusalModal(reader, reader.customers.title, notice(why)) });
      return;
    }
    const outcome = await addCustomer(deps, { teamId, itemId: meta.itemId, userId, account, revenue, note });
    if (outcome === 'already') {
      await ack({ response_action: 'errors', errors: { [CUSTOMER_FIELDS.account]: t.customers.already } });
      return;
    }
    if (outcome === 'merged' || outcome === 'gone') {
      const text = outcome === 'merged' ? t.customers.merged : t.triage.gone;
      await ack({ response_action: 'update', view: buildRefusalModal(t, t.customers.title, notice(text)) });
      return;
    }
    await ack();
    deps.outbox.kick();
  };
}
