import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { STATUS_NOTE_ACTION } from '../../blocks/card.js';
import type { Deps } from '../../deps.js';
import { isTeamId, isUserId } from '../../domain/slack-ids.js';
import { isTriageStatus } from '../../domain/triage.js';
import { authorizeSide, BEFORE_ACK_MS } from '../../services/roles.js';
import { changeStatus, enqueueAnswer, findCardItem, openStatusModal, outcomeText } from '../../services/triage.js';

/** What Terrain reads of a clicked button or a picked menu option. */
export interface ClickedAction {
  action_id?: string;
  block_id?: string;
  action_ts?: string;
  value?: string;
  selected_option?: { value?: string } | null;
}

/** Where the clicked message is, from the payload's container (or its channel and message). */
export function clickedCard(body: BlockAction): { channelId?: unknown; messageTs?: unknown } {
  const container = body.container as { channel_id?: unknown; message_ts?: unknown } | undefined;
  return { channelId: container?.channel_id ?? body.channel?.id, messageTs: container?.message_ts ?? body.message?.ts };
}

/**
 * A triage control on a card (`item_status_<status>`, or the "with a note" menu): only marketers and
 * Terrain admins, checked here where the change is stored; anyone else is told why privately and nothing
 * changes. A plain move is stored (with its history row, the card update and the messages to the field)
 * before Slack is acknowledged; Decline and "with a note" open a modal, and the move is stored on submit.
 */
export function itemStatus(deps: Deps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    const action = body.actions[0] as ClickedAction | undefined;
    const to = action?.selected_option?.value ?? action?.value;
    if (!isTeamId(teamId) || !isUserId(userId) || !action || !isTriageStatus(to)) {
      await ack();
      return;
    }
    const item = await findCardItem(deps, teamId, { ...clickedCard(body), blockId: action.block_id });
    const answer = { teamId, userId, responseUrl: body.response_url, key: `${userId}:${action.action_ts ?? body.trigger_id}` };
    if (!item) {
      await enqueueAnswer(deps, client, answer, (t) => t.triage.gone);
      await ack();
      deps.outbox.kick();
      return;
    }
    const access = await authorizeSide(deps, client, { teamId, userId, action: 'triage', deadlineMs: BEFORE_ACK_MS });
    if (!access.allowed) {
      await enqueueAnswer(deps, client, answer, (t) => (access.why === 'role_unknown' ? t.roles.roleUnknown : t.triage.refused));
      await ack();
      deps.outbox.kick();
      return;
    }
    if (to === 'declined' || action.action_id === STATUS_NOTE_ACTION) {
      await ack();
      deps.background.run('open triage modal', { teamId, userId, itemId: item.id }, () =>
        openStatusModal(deps, client, { teamId, userId, triggerId: body.trigger_id, responseUrl: body.response_url, item, to }),
      );
      return;
    }
    const outcome = await changeStatus(deps, { teamId, itemId: item.id, userId, to, note: null, reason: null });
    if (outcome.kind !== 'changed') {
      const text = outcomeText(outcome);
      const stale = outcome.kind === 'not_allowed' || outcome.kind === 'moved_meanwhile';
      if (text) await enqueueAnswer(deps, client, { ...answer, refreshItemId: stale ? item.id : undefined }, text);
    }
    await ack();
    deps.outbox.kick();
  };
}
