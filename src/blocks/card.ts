import type { ActionsBlock, Button, KnownBlock, Overflow, PlainTextOption } from '@slack/types';
import type { Item, ItemStatus, Side } from '../../db/schema.js';
import type { Tally } from '../domain/customers.js';
import { escapeMrkdwn, truncate } from '../domain/escape.js';
import { formatMoney } from '../domain/money.js';
import { mentionUser } from '../domain/slack-ids.js';
import { isReopening, movesFrom, type TriageStatus } from '../domain/triage.js';
import type { Locale, Messages } from '../i18n/index.js';
import { ACTIONS } from '../ids.js';
import { context, type MessageContent, plain, section } from './kit.js';

export type CardItem = Pick<
  Item,
  | 'id'
  | 'kind'
  | 'category'
  | 'text'
  | 'product'
  | 'customer'
  | 'revenue'
  | 'urgency'
  | 'competitor'
  | 'customer_need'
  | 'reason'
  | 'author_id'
  | 'author_side'
  | 'source_permalink'
  | 'status'
>;

/** What a card shows, read when it is sent: every update shows the item as it then is. */
export interface CardView {
  item: CardItem;
  /** The item's customers, each account once (see `tallyCustomers`). */
  customers: Tally;
  /** ISO 4217 code of the workspace's amounts. */
  currency: string;
  /** The latest status change, if the item ever moved. */
  lastChange: { to: ItemStatus; by: string; at: string; note: string | null; reason: string | null } | null;
  /** The original a merged item points to, with a link to its card when known. */
  mergedInto: { id: number; link: string | null } | null;
}

/** The triage buttons' action ids: `item_status_<status>` (the value is the status), one block, one id each. */
export const statusActionId = (status: TriageStatus) => `${ACTIONS.itemStatus}_${status}`;
/** The "with a note" menu: the same values, opening a modal for the note (or the decline reason). */
export const STATUS_NOTE_ACTION = `${ACTIONS.itemStatus}_note`;
export const cardActionsBlockId = (itemId: number) => `triage_${itemId}`;

export const STATUS_EMOJI: Readonly<Record<ItemStatus, string>> = {
  new: ':new:',
  acknowledged: ':eyes:',
  planned: ':calendar:',
  shipped: ':rocket:',
  declined: ':no_entry_sign:',
  merged: ':twisted_rightwards_arrows:',
};

/** How many accounts a card names before it counts the rest. */
const NAMED_ACCOUNTS = 5;

const safeLink = (url: string | null): string | null => (url && /^https:\/\/[^\s<>|]+$/.test(url) ? url : null);

/** A header is plain text, which Slack never parses; angle brackets are still kept out of it. */
const inert = (text: string) => text.replace(/</g, '‹').replace(/>/g, '›');

/** A Slack date: each reader sees it in their own time zone; the fallback is UTC. */
export function slackDate(iso: string, format: string): string {
  const ms = Date.parse(iso);
  const fallback = `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${Math.floor(ms / 1000)}^${format}|${fallback}>`;
}

/**
 * The title says what the item is once: the feedback's category (or just "Field feedback" when none was
 * given); for a flag, what is flagged comes first (its product, else the start of its text).
 */
function title(item: CardItem, t: Messages): { text: string; coversText: boolean } {
  if (item.kind === 'feedback') {
    const label = item.category ? t.card.feedbackTitle(t.category[item.category]) : t.card.feedbackTitlePlain;
    return { text: `:speech_balloon: ${label}`, coversText: false };
  }
  const firstLine = item.text.split('\n')[0] ?? item.text;
  const what = item.product ?? truncate(firstLine, 70);
  return { text: `:triangular_flag_on_post: ${inert(t.card.flagTitle(what))}`, coversText: !item.product && what === item.text };
}

function facts(view: CardView, t: Messages, locale: Locale): string[] {
  const { item, customers } = view;
  const out: string[] = [];
  // A flag's product is its title already.
  if (item.product && item.kind !== 'flag') out.push(t.card.product(escapeMrkdwn(item.product)));
  if (customers.added.length > 0) {
    const names = [...(item.customer ? [item.customer] : []), ...customers.added];
    const shown = names.slice(0, NAMED_ACCOUNTS).map(escapeMrkdwn);
    if (names.length > shown.length) shown.push(t.card.moreCustomers(names.length - shown.length));
    out.push(t.card.customers(customers.count, shown.join(', ')));
  } else if (item.customer) {
    out.push(t.card.customer(escapeMrkdwn(item.customer)));
  }
  if (customers.revenueAtStake !== null) out.push(t.card.revenue(formatMoney(customers.revenueAtStake, view.currency, locale)));
  if (item.urgency) out.push(t.card.urgency(t.urgency[item.urgency]));
  if (item.competitor) out.push(t.card.competitor(escapeMrkdwn(item.competitor)));
  return out;
}

/** Where the item stands: status, who moved it and when, and what they said. */
function statusSection(view: CardView, t: Messages): string | null {
  const { item, lastChange } = view;
  if (item.status === 'new' || item.status === 'merged') return null;
  const label = `${STATUS_EMOJI[item.status]} `;
  if (!lastChange || lastChange.to !== item.status) return `${label}*${t.status[item.status]}*`;
  const lines = [
    `${label}${t.card.statusLine(t.status[item.status], mentionUser(lastChange.by), slackDate(lastChange.at, t.card.dateFormat))}`,
  ];
  if (lastChange.reason) lines.push(t.card.declineReason(escapeMrkdwn(lastChange.reason)));
  if (lastChange.note) lines.push(t.card.note(escapeMrkdwn(lastChange.note)));
  return lines.join('\n');
}

/**
 * One actions block, compact on a phone: the moves that make sense from where the item is (the first
 * one primary), "Add a customer", and a "⋯" menu with the same moves plus a note, and Decline (which
 * asks why). Closed items only reopen; merged ones have no controls (they live on the original).
 */
function controls(view: CardView, t: Messages): ActionsBlock | null {
  const { item } = view;
  const moves = movesFrom(item.status);
  if (moves.length === 0) return null;
  const reopen = (to: TriageStatus) => isReopening(item.status, to);
  const buttons: Button[] = moves
    .filter((to) => to !== 'declined')
    .map((to, i) => ({
      type: 'button',
      action_id: statusActionId(to),
      value: to,
      text: plain(reopen(to) ? t.card.button.reopen : t.card.button[to]),
      ...(i === 0 ? { style: 'primary' as const } : {}),
    }));
  if (item.status !== 'shipped') {
    buttons.push({ type: 'button', action_id: ACTIONS.addCustomer, value: String(item.id), text: plain(t.card.button.addCustomer) });
  }
  const options: PlainTextOption[] = moves.map((to) => ({
    text: plain(reopen(to) ? t.card.withNote.reopen : t.card.withNote[to]),
    value: to,
  }));
  // Slack wants two options at least in a menu; a closed item just reopens.
  const menu: Overflow[] = options.length >= 2 ? [{ type: 'overflow', action_id: STATUS_NOTE_ACTION, options }] : [];
  return { type: 'actions', block_id: cardActionsBlockId(item.id), elements: [...buttons, ...menu] };
}

/**
 * The card every item becomes in the shared channel, built from what is known when it is sent (votes
 * show as reactions under it). User text is escaped everywhere it appears, and the text sits alone in its
 * section so that the 3,000-character limit is the text's own.
 */
export function buildItemCard(view: CardView, t: Messages, locale: Locale, voteEmoji: string): MessageContent {
  const { item } = view;
  const head = title(item, t);
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(head.text) }];
  if (!head.coversText) blocks.push(section(escapeMrkdwn(item.text)));
  if (item.customer_need) blocks.push(section(t.card.customerNeed(escapeMrkdwn(item.customer_need))));
  if (item.reason) blocks.push(section(t.card.reason(escapeMrkdwn(item.reason))));
  const known = facts(view, t, locale);
  if (known.length > 0) blocks.push(section(known.join('   ')));
  const status = statusSection(view, t);
  if (status) blocks.push(section(status));
  if (view.mergedInto) {
    const id = view.mergedInto.id;
    const link = safeLink(view.mergedInto.link);
    blocks.push(section(t.card.mergedInto(link ? `<${link}|#${id}>` : `#${id}`)));
  }
  const side: Side | null = item.author_side;
  const source = safeLink(item.source_permalink);
  // Votes still tell marketing a declined item matters; a shipped or merged one needs none here.
  const open = item.status !== 'merged' && item.status !== 'shipped';
  blocks.push(
    context(
      t.card.from(mentionUser(item.author_id), side ? t.side[side] : null),
      ...(source ? [t.card.source(source)] : []),
      t.card.itemRef(item.id),
      ...(open ? [t.card.voteHint(voteEmoji)] : []),
    ),
  );
  const actions = view.mergedInto || item.status === 'merged' ? null : controls(view, t);
  if (actions) blocks.push(actions);
  const kind = item.kind === 'flag' ? t.kind.flag : t.kind.feedback;
  const state = item.status === 'new' ? '' : ` (${t.status[item.status]})`;
  return { text: `${t.card.fallback(kind, escapeMrkdwn(truncate(item.text, 300)))}${state}`, blocks };
}
