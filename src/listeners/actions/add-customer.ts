import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { getItem } from '../../../db/items.js';
import type { Deps } from '../../deps.js';
import { isTeamId, isUserId } from '../../domain/slack-ids.js';
import { openCustomerModal } from '../../services/customers.js';
import { authorizeSide, BEFORE_ACK_MS } from '../../services/roles.js';
import { enqueueAnswer } from '../../services/triage.js';
import type { ClickedAction } from './item-status.js';

/**
 * "Add a customer" on a card (the item id in its value): the sales and marketing sides and Terrain admins
 * get the modal; anyone else is told privately how to say their side. Checked again on submission.
 */
export function addCustomerButton(deps: Deps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    const action = body.actions[0] as ClickedAction | undefined;
    const itemId = /^\d{1,12}$/.test(action?.value ?? '') ? Number(action?.value) : undefined;
    const item = isTeamId(teamId) && itemId !== undefined ? await getItem(deps.db, teamId, itemId) : undefined;
    if (!isTeamId(teamId) || !isUserId(userId) || !item) {
      await ack();
      return;
    }
    const access = await authorizeSide(deps, client, { teamId, userId, action: 'add_customer', deadlineMs: BEFORE_ACK_MS });
    if (!access.allowed) {
      const key = `${userId}:${action?.action_ts ?? body.trigger_id}`;
      await enqueueAnswer(deps, client, { teamId, userId, responseUrl: body.response_url, key }, (t) =>
        access.why === 'role_unknown' ? t.roles.roleUnknown : t.customers.refused,
      );
      await ack();
      deps.outbox.kick();
      return;
    }
    await ack();
    deps.background.run('open add-customer modal', { teamId, userId, itemId: item.id }, () =>
      openCustomerModal(deps, client, { teamId, userId, triggerId: body.trigger_id, responseUrl: body.response_url, item }),
    );
  };
}
