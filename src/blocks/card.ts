import type { KnownBlock } from '@slack/types';
import type { Item, Side } from '../../db/schema.js';
import { escapeMrkdwn, truncate } from '../domain/escape.js';
import { mentionUser } from '../domain/slack-ids.js';
import { formatAmount, type Locale, type Messages } from '../i18n/index.js';
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
>;

const safeLink = (url: string | null): string | null => (url && /^https:\/\/[^\s<>|]+$/.test(url) ? url : null);

/**
 * The card every item becomes in the shared channel. User text is escaped everywhere it appears, and
 * the text sits alone in its section so that the 3,000-character limit is the text's own.
 */
export function buildItemCard(item: CardItem, t: Messages, locale: Locale, voteEmoji: string): MessageContent {
  const title =
    item.kind === 'flag'
      ? `:triangular_flag_on_post: ${t.card.flagTitle}`
      : `:speech_balloon: ${t.card.feedbackTitle(item.category ? t.category[item.category] : t.kind.feedback)}`;
  const side: Side | null = item.author_side;
  const facts: string[] = [];
  if (item.product) facts.push(t.card.product(escapeMrkdwn(item.product)));
  if (item.customer) facts.push(t.card.customer(escapeMrkdwn(item.customer)));
  if (item.revenue !== null) facts.push(t.card.revenue(formatAmount(item.revenue, locale)));
  if (item.urgency) facts.push(t.card.urgency(t.urgency[item.urgency]));
  if (item.competitor) facts.push(t.card.competitor(escapeMrkdwn(item.competitor)));

  const blocks: KnownBlock[] = [{ type: 'header', text: plain(title) }, section(escapeMrkdwn(item.text))];
  if (item.customer_need) blocks.push(section(t.card.customerNeed(escapeMrkdwn(item.customer_need))));
  if (item.reason) blocks.push(section(t.card.reason(escapeMrkdwn(item.reason))));
  if (facts.length > 0) blocks.push(section(facts.join('   ')));
  const source = safeLink(item.source_permalink);
  blocks.push(
    context(
      t.card.from(mentionUser(item.author_id), side ? t.side[side] : null),
      ...(source ? [t.card.source(source)] : []),
      t.card.voteHint(voteEmoji, item.id),
    ),
  );
  const kind = item.kind === 'flag' ? t.kind.flag : t.kind.feedback;
  return { text: t.card.fallback(kind, escapeMrkdwn(truncate(item.text, 300))), blocks };
}
