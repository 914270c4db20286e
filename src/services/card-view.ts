import type { WebClient } from '@slack/web-api';
import { listCustomers } from '../../db/customers.js';
import { getItem } from '../../db/items.js';
import type { Item, Workspace } from '../../db/schema.js';
import { latestStatusChange } from '../../db/triage.js';
import type { CardView } from '../blocks/card.js';
import type { Deps } from '../deps.js';
import { tallyCustomers } from '../domain/customers.js';
import { classifyFailure } from '../outbox/failures.js';
import { currencyOf, workspaceCurrency } from './currency.js';

type ViewDeps = Pick<Deps, 'db' | 'config' | 'logger'>;

/** A card's permalink, or null when Slack will not give it; a 429 is thrown, so the send waits its turn. */
export async function cardPermalink(
  deps: Pick<Deps, 'logger'>,
  client: WebClient,
  item: Pick<Item, 'card_channel_id' | 'card_ts' | 'card_state'>,
): Promise<string | null> {
  if (item.card_state !== 'posted' || !item.card_ts) return null;
  try {
    return (await client.chat.getPermalink({ channel: item.card_channel_id, message_ts: item.card_ts })).permalink ?? null;
  } catch (error) {
    if (classifyFailure(error).type === 'rate_limited') throw error;
    deps.logger.warn('could not get a card permalink', { channel: item.card_channel_id, ts: item.card_ts, error });
    return null;
  }
}

/**
 * Everything a card shows, read now: its customers, the workspace's currency, its last move, its original.
 * `workspace`: the item's workspace when the caller has just read it (its currency is not read again).
 */
export async function loadCardView(
  deps: ViewDeps,
  client: WebClient,
  item: Item,
  workspace?: { row: Workspace | undefined },
): Promise<CardView> {
  const [rows, currency, change] = await Promise.all([
    listCustomers(deps.db, item.team_id, item.id),
    workspace ? currencyOf(workspace.row, deps.config.locale) : workspaceCurrency(deps, item.team_id),
    latestStatusChange(deps.db, item.team_id, item.id),
  ]);
  let mergedInto: CardView['mergedInto'] = null;
  if (item.merged_into !== null) {
    const original = await getItem(deps.db, item.team_id, item.merged_into);
    mergedInto = { id: item.merged_into, link: original ? await cardPermalink(deps, client, original) : null };
  }
  return {
    item,
    customers: tallyCustomers(item, rows),
    currency,
    lastChange: change
      ? { to: change.to_status, by: change.by_user_id, at: change.created_at, note: change.note, reason: change.reason }
      : null,
    mergedInto,
  };
}
