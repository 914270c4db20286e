import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { getAfterwork, listRsvps } from '../../../db/afterworks.js';
import type { Deps } from '../../deps.js';
import { type AfterworkFieldError, MAX_NOTE, MAX_PLACE, MAX_TITLE, validateAfterworkForm } from '../../domain/afterwork.js';
import { isTeamId, isUserId } from '../../domain/slack-ids.js';
import { isLocale, type Messages, messages } from '../../i18n/index.js';
import { AFTERWORK_FIELDS } from '../../ids.js';
import { editAfterwork, mayManage, storeAfterwork } from '../../services/afterworks.js';
import { sharedChannel } from '../../services/channel.js';
import { BEFORE_ACK_MS } from '../../services/roles.js';
import { parseAfterworkMetadata, readAfterworkForm, validChannel } from '../../slack/afterwork-state.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Each problem under its field, in the modal, in the host's language. */
export function afterworkFieldErrors(errors: readonly AfterworkFieldError[], t: Messages): Record<string, string> {
  const e = t.afterwork.errors;
  const out: Record<string, string> = {};
  for (const error of errors) {
    switch (error.field) {
      case 'title':
        out[AFTERWORK_FIELDS.title] = error.code === 'empty' ? e.titleEmpty : e.tooLong(MAX_TITLE);
        break;
      case 'when':
        out[AFTERWORK_FIELDS.when] = error.code === 'past' ? e.whenPast : error.code === 'too_far' ? e.whenTooFar : e.whenMissing;
        break;
      case 'place':
        out[AFTERWORK_FIELDS.place] = e.tooLong(MAX_PLACE);
        break;
      case 'note':
        out[AFTERWORK_FIELDS.note] = e.tooLong(MAX_NOTE);
        break;
      case 'capacity':
        out[AFTERWORK_FIELDS.capacity] = error.code === 'below_going' ? e.capacityBelowGoing(error.going ?? 0) : e.capacity;
        break;
    }
  }
  return out;
}

function who(body: ViewArgs['body']): { teamId: string; userId: string } | undefined {
  const teamId = body.team?.id ?? body.user.team_id;
  const userId = body.user.id;
  return isTeamId(teamId) && isUserId(userId) ? { teamId, userId } : undefined;
}

/**
 * The invite modal was submitted: a problem (no title, a time already past, places that are not a
 * positive whole number) is answered in the modal; otherwise the after-work is stored with the host going
 * and its invite queued before the modal closes.
 */
export function afterworkSubmitted(deps: Deps) {
  return async ({ ack, view, body }: ViewArgs): Promise<void> => {
    const meta = parseAfterworkMetadata(view.private_metadata, deps.config.locale);
    const t = messages(isLocale(meta.locale) ? meta.locale : deps.config.locale);
    const ids = who(body);
    if (!ids) {
      await ack({ response_action: 'errors', errors: { [AFTERWORK_FIELDS.title]: t.errors.unexpectedNoText } });
      return;
    }
    const form = readAfterworkForm(view.state?.values);
    const result = validateAfterworkForm(form, deps.clock.now());
    const channelId = validChannel(form.channelId) ?? (await sharedChannel(deps, ids.teamId));
    if (!result.ok || !channelId) {
      const errors = result.ok ? {} : afterworkFieldErrors(result.errors, t);
      if (!channelId) errors[AFTERWORK_FIELDS.channel] = t.afterwork.errors.noChannel;
      await ack({ response_action: 'errors', errors });
      return;
    }
    await storeAfterwork(deps, {
      teamId: ids.teamId,
      hostId: ids.userId,
      channelId,
      timezone: meta.timezone,
      values: result.value,
      clientKey: `view:${view.id}`,
    });
    await ack();
    deps.outbox.kick();
  };
}

/**
 * The edit modal was submitted: the host or a Terrain admin only (checked again here, where it is
 * stored); the change, its messages and re-timed reminders are stored before the modal closes.
 */
export function afterworkEdited(deps: Deps) {
  return async ({ ack, view, body, client }: ViewArgs): Promise<void> => {
    const meta = parseAfterworkMetadata(view.private_metadata, deps.config.locale);
    const t = messages(isLocale(meta.locale) ? meta.locale : deps.config.locale);
    const ids = who(body);
    const afterwork = ids && meta.afterworkId !== undefined ? await getAfterwork(deps.db, ids.teamId, meta.afterworkId) : undefined;
    const refuse = (text: string) => ack({ response_action: 'errors', errors: { [AFTERWORK_FIELDS.title]: text } });
    if (!ids || !afterwork) return refuse(t.afterwork.errors.gone);
    if (afterwork.state === 'cancelled') return refuse(t.afterwork.errors.cancelledAlready);
    const access = await mayManage(deps, client, { ...ids, afterwork, deadlineMs: BEFORE_ACK_MS });
    if (!access.allowed) return refuse(access.why === 'role_unknown' ? t.roles.roleUnknown : t.afterwork.errors.notHost);
    const going = (await listRsvps(deps.db, ids.teamId, afterwork.id)).filter((r) => r.answer === 'going').length;
    const result = validateAfterworkForm(readAfterworkForm(view.state?.values), deps.clock.now(), { going });
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: afterworkFieldErrors(result.errors, t) });
      return;
    }
    const outcome = await editAfterwork(deps, {
      teamId: ids.teamId,
      afterworkId: afterwork.id,
      by: ids.userId,
      timezone: meta.timezone,
      values: result.value,
    });
    if (outcome.outcome === 'capacity_below_going') {
      await ack({
        response_action: 'errors',
        errors: { [AFTERWORK_FIELDS.capacity]: t.afterwork.errors.capacityBelowGoing(outcome.going ?? 0) },
      });
      return;
    }
    if (outcome.outcome !== 'stored')
      return refuse(outcome.outcome === 'gone' ? t.afterwork.errors.gone : t.afterwork.errors.cancelledAlready);
    await ack();
    deps.outbox.kick();
  };
}
