import type { WebClient } from '@slack/web-api';
import { fillCustomerRevenue, getCustomer, insertCustomer } from '../../db/customers.js';
import { getItem } from '../../db/items.js';
import type { Item } from '../../db/schema.js';
import { notice } from '../blocks/messages.js';
import { buildAddCustomerModal } from '../blocks/triage.js';
import type { Deps } from '../deps.js';
import { accountKey, customerAddition } from '../domain/customers.js';
import { isTriggerId } from '../domain/slack-ids.js';
import { messages } from '../i18n/index.js';
import { withRateLimit } from '../slack/calls.js';
import { enqueueCardUpdate } from './cards.js';
import { workspaceCurrency } from './currency.js';
import { userLocale } from './locale.js';
import { tellUser } from './replies.js';

export interface CustomerRequest {
  teamId: string;
  itemId: number;
  userId: string;
  account: string;
  revenue: number | null;
  note: string | null;
}

export type CustomerOutcome = 'added' | 'revenue_filled' | 'already' | 'merged' | 'gone';

/**
 * Adds a customer to an item (the caller checked that the person may) and queues the card's update in the
 * same transaction. The same account counts once: adding it again changes nothing, except that it gives
 * the account a revenue figure nobody had given yet.
 */
export async function addCustomer(deps: Pick<Deps, 'db' | 'clock'>, req: CustomerRequest): Promise<CustomerOutcome> {
  const now = deps.clock.now();
  const key = accountKey(req.account);
  return deps.db.transaction().execute(async (trx): Promise<CustomerOutcome> => {
    const item = await getItem(trx, req.teamId, req.itemId);
    if (!item) return 'gone';
    if (item.status === 'merged') return 'merged';
    const existing = await getCustomer(trx, req.teamId, item.id, key);
    const what = customerAddition(item, existing, key, req.revenue);
    if (what === 'new') {
      const added = await insertCustomer(trx, {
        team_id: req.teamId,
        item_id: item.id,
        account_key: key,
        account: req.account,
        revenue: req.revenue,
        note: req.note,
        added_by: req.userId,
        created_at: now.toISOString(),
      });
      if (!added) return 'already';
      await enqueueCardUpdate(trx, { teamId: req.teamId, itemId: item.id, because: `customer:${key}` }, now);
      return 'added';
    }
    if (what === 'fill_revenue' && req.revenue !== null && (await fillCustomerRevenue(trx, req.teamId, item.id, key, req.revenue))) {
      await enqueueCardUpdate(trx, { teamId: req.teamId, itemId: item.id, because: `customer:${key}:revenue` }, now);
      return 'revenue_filled';
    }
    return 'already';
  });
}

/** Opens the add-customer modal in the person's language, with the workspace's currency; a merged item says where to go. */
export async function openCustomerModal(
  deps: Pick<Deps, 'db' | 'config' | 'clock' | 'logger'>,
  client: WebClient,
  req: { teamId: string; userId: string; triggerId: string; responseUrl?: string | undefined; item: Item },
): Promise<void> {
  const locale = await userLocale(deps, client, req.teamId, req.userId);
  const t = messages(locale);
  const target = { userId: req.userId, responseUrl: req.responseUrl ?? null };
  if (req.item.status === 'merged') {
    await tellUser(deps, client, target, notice(t.customers.merged));
    return;
  }
  if (!isTriggerId(req.triggerId)) {
    // Not a trigger Slack issued: views.open would be refused, so say so now rather than fail later.
    deps.logger.warn('no valid trigger_id to open the modal with', { teamId: req.teamId, userId: req.userId });
    await tellUser(deps, client, { userId: req.userId, responseUrl: req.responseUrl ?? null }, notice(t.errors.modalUnavailable));
    return;
  }
  const view = buildAddCustomerModal(t, { itemId: req.item.id, locale }, req.item, await workspaceCurrency(deps, req.teamId));
  try {
    await withRateLimit(deps.clock, () => client.views.open({ trigger_id: req.triggerId, view }), { maxWaits: 1, maxWaitSeconds: 2 });
  } catch (error) {
    deps.logger.warn('could not open the add-customer modal', { teamId: req.teamId, userId: req.userId, error });
    await tellUser(deps, client, target, notice(t.errors.modalUnavailable));
  }
}
