import type { HomeView, KnownBlock, SectionBlock } from '@slack/types';
import dayjs from 'dayjs';
import type { ItemWithSupport } from '../../db/customers.js';
import type { Side } from '../../db/schema.js';
import { escapeMrkdwn, truncate } from '../domain/escape.js';
import { formatMoney } from '../domain/money.js';
import type { Supported } from '../domain/ranking.js';
import { inZone, type Locale, type Messages } from '../i18n/index.js';
import { ACTIONS } from '../ids.js';
import { context, LIMITS, plain, section } from './kit.js';
import { sidePicker } from './sides.js';

/** How many items each list shows: the tab stays well within Slack's 100 blocks, whatever the workspace's size. */
export const HOME_LISTS = { own: 10, top: 5, waiting: 8 } as const;
const TEXT = 150;

/** An item as Home shows it: with its votes, and its customers counted (each account once) with what is at stake. */
export type HomeItem = Supported<ItemWithSupport>;

export interface HomeData {
  t: Messages;
  locale: Locale;
  /** The reader's time zone: dates and the next digest are read on their clock. */
  timezone: string;
  now: Date;
  side: Side | null;
  /** The workspace gives sides from its Slack user groups (synced daily). */
  sidesFromGroups?: boolean;
  /** They asked not to get messages about what becomes of items. */
  muted: boolean;
  /** A marketer or a Terrain admin: they answer the field, so what waits comes first. */
  answers: boolean;
  /** The workspace's currency (ISO 4217): amounts at stake carry it. */
  currency: string;
  own: HomeItem[];
  /** This week's top open items, ranked. */
  top: HomeItem[];
  /** What waits for an answer, oldest first (shown to those who answer), and how many in all. */
  waiting: { items: HomeItem[]; total: number };
  nextDigest: Date | null;
  /** Authors' names (user id → name), to say who filed what waits without pinging them. */
  names?: ReadonlyMap<string, string>;
  /** The vote emoji, for the help. */
  voteEmoji: string;
  linkFor: (item: HomeItem) => string | null;
  /** The next after-work and the reader's answer (built by blocks/afterwork.ts); none shows nothing. */
  afterwork?: KnownBlock[];
}

const text = (item: Pick<HomeItem, 'text'>) => escapeMrkdwn(truncate(item.text.replace(/\s+/g, ' '), TEXT));

/** One item: its line, and a link button to its card when it has one (action ids unique in the view). */
function itemBlock(line: string, item: HomeItem, list: string, d: HomeData): SectionBlock {
  const link = d.linkFor(item);
  const block = section(line);
  if (!link) return block;
  const actionId = list === 'own' ? `${ACTIONS.openCard}_${item.id}` : `${ACTIONS.openCard}_${list}_${item.id}`;
  return { ...block, accessory: { type: 'button', action_id: actionId, text: plain(d.t.home.open), url: link } };
}

/** "3 votes · 2 customers · $50,000 at stake": customers and revenue only where there are some. */
function backing(d: HomeData, item: HomeItem): string {
  const { t } = d;
  const parts = [t.home.votes(item.votes)];
  if (item.customers > 0) parts.push(t.home.customers(item.customers));
  if (item.revenueAtStake) parts.push(t.home.atStake(formatMoney(item.revenueAtStake, d.currency, d.locale)));
  return parts.join(' · ');
}

function waitingBlocks(d: HomeData): KnownBlock[] {
  const { t } = d;
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(t.home.waitingTitle(d.waiting.total)) }];
  if (d.waiting.total === 0) return [...blocks, context(t.home.waitingNone)];
  blocks.push(context(t.home.waitingIntro));
  const now = dayjs(d.now).locale(d.locale);
  for (const item of d.waiting.items.slice(0, HOME_LISTS.waiting)) {
    const waited = now.to(dayjs(item.created_at), true);
    const name = d.names?.get(item.author_id)?.trim();
    const details = name ? `${t.home.from(escapeMrkdwn(truncate(name, 40)))} · ${backing(d, item)}` : backing(d, item);
    blocks.push(itemBlock(t.home.waitingLine(text(item), waited, details), item, 'waiting', d));
  }
  const more = d.waiting.total - Math.min(d.waiting.items.length, HOME_LISTS.waiting);
  if (more > 0) blocks.push(context(t.home.more(more)));
  return blocks;
}

function ownBlocks(d: HomeData): KnownBlock[] {
  const { t } = d;
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(t.home.yourItems) }];
  if (d.own.length === 0) return [...blocks, context(t.home.none)];
  for (const item of d.own.slice(0, HOME_LISTS.own)) {
    const line = t.home.itemLine(
      item.kind === 'flag' ? t.kind.flag : t.kind.feedback,
      text(item),
      t.status[item.status],
      item.votes,
      inZone(item.created_at, d.timezone, d.locale).format('D MMM'),
      item.customers,
    );
    blocks.push(itemBlock(line, item, 'own', d));
  }
  return blocks;
}

function topBlocks(d: HomeData): KnownBlock[] {
  const { t } = d;
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(t.home.topTitle) }];
  if (d.top.length === 0) return [...blocks, context(t.home.topNone)];
  for (const [n, item] of d.top.slice(0, HOME_LISTS.top).entries()) {
    blocks.push(itemBlock(t.home.topLine(n + 1, text(item), t.status[item.status], backing(d, item)), item, 'top', d));
  }
  return blocks;
}

/** The reader's own settings: their side, their updates, when the next digest comes. */
function settingsBlocks(d: HomeData): KnownBlock[] {
  const { t } = d;
  const mute = d.muted
    ? { text: t.home.updatesMuted, label: t.home.unmute, value: 'unmute' }
    : { text: t.home.updatesOn, label: t.home.mute, value: 'mute' };
  return [
    section(d.side ? t.home.sideKnown(t.side[d.side]) : t.home.sideUnknown),
    sidePicker(t, d.side),
    ...(d.sidesFromGroups ? [context(t.home.sidesFromGroups)] : []),
    {
      ...section(mute.text),
      accessory: { type: 'button', action_id: ACTIONS.muteUpdates, value: mute.value, text: plain(mute.label) },
    },
    context(d.nextDigest ? t.home.nextDigest(inZone(d.nextDigest, d.timezone, d.locale).format('dddd D MMMM, HH:mm')) : t.home.noDigest),
  ];
}

/**
 * The App Home tab as a dashboard, in the reader's language and time zone: for those who answer the
 * field (marketers, Terrain admins), what waits for an answer first; then one's own items with their
 * date, status and votes; this week's top open items; one's side, updates and the next digest; the help.
 */
export function buildHome(d: HomeData): HomeView {
  const { t } = d;
  const head: KnownBlock[] = [
    { type: 'header', text: plain(t.home.title) },
    section(t.home.intro),
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: ACTIONS.homeNewFeedback, text: plain(t.home.newFeedback), style: 'primary' },
        { type: 'button', action_id: ACTIONS.homeNewFlag, text: plain(t.home.newFlag) },
      ],
    },
  ];
  const lists = d.answers ? [waitingBlocks(d), ownBlocks(d), topBlocks(d)] : [ownBlocks(d), topBlocks(d)];
  if (d.afterwork && d.afterwork.length > 0) lists.push(d.afterwork);
  const blocks: KnownBlock[] = [...head];
  for (const list of [...lists, settingsBlocks(d)]) blocks.push({ type: 'divider' }, ...list);
  blocks.push({ type: 'divider' }, section(t.home.help(d.voteEmoji)));
  // The lists are capped well below Slack's limit; this only guards a future list.
  return { type: 'home', blocks: blocks.length > LIMITS.viewBlocks ? [...blocks.slice(0, LIMITS.viewBlocks - 1), blocks.at(-1)!] : blocks };
}
