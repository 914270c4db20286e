import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { mergeAnswer } from '../../blocks/merge.js';
import type { Deps } from '../../deps.js';
import { parseItemHandle } from '../../domain/search.js';
import { isTeamId, isUserId } from '../../domain/slack-ids.js';
import { isLocale, messages } from '../../i18n/index.js';
import { MERGE_FIELDS } from '../../ids.js';
import { mergeItems, mergePermission } from '../../services/merge.js';
import { BEFORE_ACK_MS } from '../../services/roles.js';
import { readField } from '../../slack/view-state.js';

/** The merge modal's metadata, read defensively (Slack gives it back as sent, but it is a payload). */
function readMetadata(raw: string | undefined): { duplicateId: number; locale: string | undefined } | undefined {
  try {
    const data = JSON.parse(raw ?? '') as { duplicateId?: unknown; locale?: unknown };
    if (typeof data.duplicateId !== 'number' || !Number.isInteger(data.duplicateId) || data.duplicateId <= 0) return undefined;
    return { duplicateId: data.duplicateId, locale: typeof data.locale === 'string' ? data.locale : undefined };
  } catch {
    return undefined;
  }
}

/**
 * "Merge a duplicate" submitted: who may merge is checked here, where the merge is stored; anything that
 * stops it (a refusal, an unknown number, a circle) is said under the field, and nothing changes.
 */
export function mergeSubmitted(deps: Deps) {
  return async ({ ack, view, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const meta = readMetadata(view.private_metadata);
    const t = messages(isLocale(meta?.locale) ? meta.locale : deps.config.locale);
    const teamId = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    const values = view.state?.values;
    const typed = readField(values, MERGE_FIELDS.number)?.trim();
    const picked = readField(values, MERGE_FIELDS.original);
    const field = typed || !picked ? MERGE_FIELDS.number : MERGE_FIELDS.original;
    const fail = (message: string) => ack({ response_action: 'errors', errors: { [field]: message } });
    if (!meta || !isTeamId(teamId) || !isUserId(userId)) return fail(t.errors.unexpectedNoText);
    const originalId = typed ? parseItemHandle(typed) : picked && /^\d{1,9}$/.test(picked) ? Number(picked) : undefined;
    if (originalId === undefined) return fail(t.merge.needOne);

    const allowed = await mergePermission(deps, client, teamId, userId, { deadlineMs: BEFORE_ACK_MS });
    if (allowed !== 'allowed') return fail(allowed === 'role_unknown' ? t.roles.roleUnknown : t.merge.refused);
    const outcome = await mergeItems(deps, { teamId, byUserId: userId, duplicateId: meta.duplicateId, originalId, via: 'card' });
    if (!outcome.done && 'plan' in outcome && !outcome.plan.ok) {
      return fail(mergeAnswer(t, outcome.plan, { duplicateId: meta.duplicateId, originalId }));
    }
    await ack();
    // The cards, the credit and the messages to each person were queued with the merge.
    deps.outbox.kick();
  };
}
