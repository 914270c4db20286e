import type { KnownBlock } from '@slack/types';
import dayjs from 'dayjs';
import type { DigestData, DigestItem } from '../digest/compose.js';
import { sparkline } from '../digest/compose.js';
import { chunk, escapeMrkdwn, truncate } from '../domain/escape.js';
import { formatMoney } from '../domain/money.js';
import { periodLabel } from '../domain/periods.js';
import { mentionUser } from '../domain/slack-ids.js';
import { inZone, type Locale, type Messages } from '../i18n/index.js';
import { afterworkDigestLines, type DigestAfterwork } from './afterwork.js';
import { context, LIMITS, type MessageContent, plain, section } from './kit.js';

export interface DigestContext {
  t: Messages;
  locale: Locale;
  timezone: string;
  /** The workspace's currency (ISO 4217): amounts at stake carry it. */
  currency: string;
  /** People's names (user id → name), to name them without pinging them; a mention only credits what shipped. */
  names?: ReadonlyMap<string, string>;
  /** A private preview: there is no thread, so nothing says "in the thread". */
  preview?: boolean;
  /** After-works: the coming ones, and the period's own (how the two teams mixed). */
  afterworks?: { coming: readonly DigestAfterwork[]; past: readonly DigestAfterwork[] };
}

/** What a section sees while the digest is built: which items the post and the thread already list. */
export interface SectionContext extends DigestContext {
  /** `this week`, or `in this period` when the digest is not one ISO week. */
  span: 'week' | 'period';
  /** Item ids listed in the post so far: an item is listed once in the post. */
  shown: Set<number>;
  /** Item ids listed in the thread so far: an item is listed once in the thread. */
  threaded: Set<number>;
}

/** What one section of the digest says: paragraphs for the post, full lists for the thread. */
export interface SectionOutput {
  main: string[];
  thread?: Array<{ title: string; lines: string[] }>;
}

export type DigestSection = (data: DigestData, ctx: SectionContext) => SectionOutput | null;

export interface DigestMessages {
  main: MessageContent;
  /** Replies in the digest's thread: what did not fit in the post. */
  thread: MessageContent[];
}

/** Items listed in the post itself; the rest go to the thread. */
export const LIST_IN_POST = 5;
const ITEM_TEXT = 90;
const NAME = 40;

export function itemLink(item: Pick<DigestItem, 'text' | 'link'>): string {
  const label = escapeMrkdwn(truncate(item.text.replace(/\s+/g, ' '), ITEM_TEXT)).replace(/\|/g, '¦');
  return item.link ? `<${item.link}|${label}>` : label;
}

/** A person named without a ping: their Slack name, escaped, or "a teammate" when Terrain does not know it. */
export function personName(ctx: Pick<DigestContext, 't' | 'names'>, userId: string): string {
  const name = ctx.names?.get(userId)?.trim();
  return name ? escapeMrkdwn(truncate(name.replace(/\s+/g, ' '), NAME)) : ctx.t.digest.someone;
}

const when = (ctx: SectionContext) => ctx.t.digest.when[ctx.span];

/** "…and N more in the thread", or in a preview (no thread) "…and N more". */
const moreLine = (ctx: SectionContext, hidden: number) =>
  hidden > 0 ? [ctx.preview ? ctx.t.digest.moreHere(hidden) : ctx.t.digest.more(hidden)] : [];

interface ListSpec<T> {
  /** The section's title line in the post. */
  title: string;
  entries: readonly T[];
  idOf: (entry: T) => number;
  /** One line; `n` is its number in the list it is shown in. */
  line: (entry: T, n: number) => string;
  /** How many there are in all when `entries` are only the first of them (what waits). */
  total?: number;
  /** The thread list's title, for the whole list (`entries`). */
  threadTitle: string;
}

/**
 * A list section: up to LIST_IN_POST entries in the post, skipping items the post already listed above;
 * when some are left out, the whole list in the thread, skipping items the thread already lists (its
 * title says how many are above). One item, one line in the post and one in the thread.
 */
function listSection<T>(ctx: SectionContext, spec: ListSpec<T>): SectionOutput | null {
  const fresh = spec.entries.filter((e) => !ctx.shown.has(spec.idOf(e)));
  const unlisted = (spec.total ?? spec.entries.length) - spec.entries.length;
  if (fresh.length === 0 && unlisted <= 0) return null;
  const inPost = fresh.slice(0, LIST_IN_POST);
  for (const e of inPost) ctx.shown.add(spec.idOf(e));
  const hidden = fresh.length - inPost.length + Math.max(0, unlisted);
  const main = [[spec.title, ...inPost.map((e, n) => spec.line(e, n + 1)), ...moreLine(ctx, hidden)].join('\n')];
  if (hidden === 0 || ctx.preview) return { main };
  const inThread = spec.entries.filter((e) => !ctx.threaded.has(spec.idOf(e)));
  for (const e of inThread) ctx.threaded.add(spec.idOf(e));
  if (inThread.length === 0) return { main };
  const above = spec.entries.length - inThread.length;
  return {
    main,
    thread: [
      {
        title: above > 0 ? `${spec.threadTitle} ${ctx.t.digest.listedAbove(above)}` : spec.threadTitle,
        lines: inThread.map((e, n) => spec.line(e, n + 1)),
      },
    ],
  };
}

const numbersSection: DigestSection = (d, ctx) => {
  const { t } = ctx;
  const s = d.counts.bySide;
  const known = s.sales.items + s.sales.votes + s.marketing.items + s.marketing.votes + s.other.items + s.other.votes;
  const other = s.other.items + s.other.votes > 0 ? t.digest.sideCounts(t.side.other, s.other.items, s.other.votes) : null;
  // Only people who said their side are counted by side; with nobody known, the line would say nothing true.
  const bySide =
    known > 0
      ? [
          t.digest.bySide(
            t.digest.sideCounts(t.side.sales, s.sales.items, s.sales.votes),
            t.digest.sideCounts(t.side.marketing, s.marketing.items, s.marketing.votes),
            other,
          ),
        ]
      : [];
  return {
    main: [
      [
        t.digest.numbers(d.counts.feedback, d.counts.flags, d.counts.votes, t.digest.lead[ctx.span]),
        ...bySide,
        t.digest.trend(sparkline(d.trend), d.trend.join(', ')),
      ].join('\n'),
    ],
  };
};

/** Credit is the point here: the person who raised what shipped is mentioned by name, and pinged. */
const shippedSection: DigestSection = (d, ctx) => {
  if (d.shipped.length === 0) return null;
  for (const s of d.shipped) ctx.shown.add(s.item.id);
  return { main: [d.shipped.map((s) => ctx.t.digest.shippedLine(itemLink(s.item), mentionUser(s.item.authorId), s.voters)).join('\n')] };
};

const topSection: DigestSection = (d, ctx) => {
  const { t, locale } = ctx;
  const line = (i: DigestItem, rank: number) =>
    t.digest.topLine(
      rank,
      itemLink(i),
      t.digest.thisWeek(i.periodVotes, when(ctx)),
      i.votes,
      i.revenueAtStake ? formatMoney(i.revenueAtStake, ctx.currency, locale) : null,
      i.customers,
    );
  return listSection(ctx, {
    title: ctx.span === 'week' ? t.digest.topTitle : t.digest.topTitlePeriod,
    entries: d.topItems,
    idOf: (i) => i.id,
    line,
    threadTitle: t.digest.threadVoted(d.topItems.length, when(ctx)),
  });
};

const flagsSection: DigestSection = (d, ctx) =>
  listSection(ctx, {
    title: ctx.t.digest.flagsTitle,
    entries: d.newFlags,
    idOf: (i) => i.id,
    line: (i) => ctx.t.digest.flagLine(itemLink(i), personName(ctx, i.authorId)),
    threadTitle: ctx.t.digest.threadFlags(d.newFlags.length),
  });

/** One line per item that moved (not to shipped: that is credited above), from where it was to where it is. */
const movedSection: DigestSection = (d, ctx) => {
  const byItem = new Map<number, { item: DigestItem; from: DigestData['moved'][number]['from']; to: DigestData['moved'][number]['to'] }>();
  for (const m of d.moved) {
    const seen = byItem.get(m.item.id);
    byItem.set(m.item.id, { item: m.item, from: seen?.from ?? m.from, to: m.to });
  }
  const moves = [...byItem.values()].filter((m) => m.to !== 'shipped' && m.from !== m.to);
  const { t } = ctx;
  return listSection(ctx, {
    title: t.digest.movedTitle,
    entries: moves,
    idOf: (m) => m.item.id,
    line: (m) => t.digest.movedLine(itemLink(m.item), t.status[m.from], t.status[m.to]),
    threadTitle: t.digest.threadMoved(moves.length),
  });
};

/** A duration as words in the reader's language: "2 days", "5 hours". */
function duration(ms: number, locale: Locale): string {
  const from = dayjs(0).locale(locale);
  return from.to(from.add(ms, 'millisecond'), true);
}

/** Marketing's answers: how fast (median) and how many still wait, then what has waited over a week, oldest first. */
const waitingSection: DigestSection = (d, ctx) => {
  const { t } = ctx;
  const r = d.responses;
  const summary =
    r.answered > 0 || r.stillWaiting > 0
      ? t.digest.responses(
          r.answered > 0 && r.medianMs !== null
            ? t.digest.answered(r.answered, duration(r.medianMs, ctx.locale), when(ctx))
            : t.digest.noneAnswered(when(ctx)),
          r.stillWaiting > 0 ? t.digest.stillWaiting(r.stillWaiting) : t.digest.noneWaiting,
        )
      : null;
  const end = dayjs(d.period.end).locale(ctx.locale);
  const list =
    d.waitingCount > 0
      ? listSection(ctx, {
          title: t.digest.waitingTitle,
          entries: d.waiting,
          idOf: (i) => i.id,
          line: (i) => t.digest.waitingLine(itemLink(i), personName(ctx, i.authorId), dayjs(i.createdAt).locale(ctx.locale).from(end)),
          total: d.waitingCount,
          threadTitle: t.digest.threadWaiting(d.waiting.length, d.waitingCount),
        })
      : null;
  if (!summary && !list) return null;
  return { main: [[...(summary ? [summary] : []), ...(list?.main ?? [])].join('\n')], thread: list?.thread ?? [] };
};

const competitorsSection: DigestSection = (d, { t }) =>
  d.competitors.length === 0
    ? null
    : {
        main: [
          `${t.digest.competitorsTitle}\n${d.competitors
            .slice(0, 8)
            .map((c) => t.digest.competitorLine(escapeMrkdwn(truncate(c.name, 40)), c.count))
            .join(' · ')}`,
        ],
      };

/** Thanks by name, not by mention: the same people every Monday would be pinged every Monday. */
const voicesSection: DigestSection = (d, ctx) =>
  d.voices.length === 0
    ? null
    : {
        main: [
          `${ctx.t.digest.voicesTitle}\n${d.voices
            .slice(0, 3)
            .map((v) => ctx.t.digest.voiceLine(personName(ctx, v.userId), v.filed, v.voted))
            .join(' · ')}`,
        ],
      };

/** Everything filed, for whoever wants the detail: in the thread when it is longer than the post shows, each item once. */
const filedSection: DigestSection = (d, ctx) => {
  if (d.filed.length <= LIST_IN_POST || ctx.preview) return null;
  const rest = d.filed.filter((i) => !ctx.threaded.has(i.id));
  for (const i of rest) ctx.threaded.add(i.id);
  if (rest.length === 0) return null;
  const above = d.filed.length - rest.length;
  const title = ctx.t.digest.threadFiled(d.filed.length, when(ctx));
  return {
    main: [],
    thread: [
      {
        title: above > 0 ? `${title} ${ctx.t.digest.listedAbove(above)}` : title,
        lines: rest.map((i) => ctx.t.digest.threadLine(itemLink(i), i.votes)),
      },
    ],
  };
};

/**
 * The digest, one small function per section, in reading order. A new section (marketing's answers,
 * upcoming after-works) is one more function in this list.
 */
/** The ritual where the two teams meet: what is coming, and how last period's mixed. Quiet when there is none. */
const afterworksSection: DigestSection = (_d, ctx) => {
  const main = afterworkDigestLines(ctx.afterworks?.coming ?? [], ctx.afterworks?.past ?? [], ctx.t, ctx.locale);
  return main.length > 0 ? { main } : null;
};

export const DIGEST_SECTIONS: readonly DigestSection[] = [
  numbersSection,
  shippedSection,
  topSection,
  flagsSection,
  movedSection,
  waitingSection,
  competitorsSection,
  voicesSection,
  afterworksSection,
  filedSection,
];

/** Lines joined into sections of at most 3,000 characters, never splitting a line. */
function linesToSections(lines: string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current = '';
  for (const raw of lines) {
    for (const line of chunk(raw, LIMITS.sectionText)) {
      if (current && current.length + 1 + line.length > LIMITS.sectionText) {
        blocks.push(section(current));
        current = '';
      }
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) blocks.push(section(current));
  return blocks;
}

function toMessages(blocks: KnownBlock[], text: string): MessageContent[] {
  const out: MessageContent[] = [];
  for (let i = 0; i < blocks.length; i += LIMITS.messageBlocks) out.push({ text, blocks: blocks.slice(i, i + LIMITS.messageBlocks) });
  return out;
}

/** The digest as Slack messages: the post (≤ 50 blocks, ≤ 3,000 characters a section) and its thread. */
export function buildDigest(data: DigestData, ctx: DigestContext, sections: readonly DigestSection[] = DIGEST_SECTIONS): DigestMessages {
  const { t } = ctx;
  const label = periodLabel(data.labelPeriod ?? data.period, ctx.timezone);
  const range = t.digest.range(
    inZone(data.period.start, ctx.timezone, ctx.locale).format('D MMM'),
    inZone(data.period.end, ctx.timezone, ctx.locale).format('D MMM YYYY'),
  );
  const { feedback, flags, votes } = data.counts;
  const text =
    label.kind === 'week' ? t.digest.fallback(label.week, feedback, flags, votes) : t.digest.fallbackDates(range, feedback, flags, votes);
  // A week is named and dated; a period that is not one ISO week is named by its dates, said once.
  const head: KnownBlock[] = [
    ...(ctx.preview ? [context(t.digest.previewNote)] : []),
    ...(label.kind === 'week'
      ? [{ type: 'header', text: plain(t.digest.title(label.week, label.year)) } as KnownBlock, context(range)]
      : [{ type: 'header', text: plain(t.digest.titleDates(range)) } as KnownBlock]),
  ];
  const quiet = label.kind === 'week' ? t.digest.quiet : t.digest.quietPeriod;
  if (data.quiet) {
    // Nothing filed, but an after-work coming is still worth the Monday read.
    const afterworks = afterworkDigestLines(ctx.afterworks?.coming ?? [], ctx.afterworks?.past ?? [], t, ctx.locale);
    return { main: { text: `${text}. ${quiet}`, blocks: [...head, section(quiet), ...linesToSections(afterworks)] }, thread: [] };
  }

  const sectionCtx: SectionContext = { ...ctx, span: label.kind === 'week' ? 'week' : 'period', shown: new Set(), threaded: new Set() };
  const body: KnownBlock[] = [];
  const threadLists: Array<{ title: string; lines: string[] }> = [];
  for (const build of sections) {
    const out = build(data, sectionCtx);
    if (!out) continue;
    if (out.main.length > 0) {
      if (body.length > 0) body.push({ type: 'divider' });
      body.push(...linesToSections(out.main));
    }
    if (!ctx.preview) threadLists.push(...(out.thread ?? []));
  }
  const room = LIMITS.messageBlocks - head.length;
  const overflow = (body.length > room ? body.splice(room - 1) : []).filter((b) => b.type !== 'divider');
  if (overflow.length > 0) body.push(context(ctx.preview ? t.digest.moreHere(overflow.length) : t.digest.more(overflow.length)));
  if (ctx.preview) return { main: { text, blocks: [...head, ...body] }, thread: [] };
  const threadBlocks: KnownBlock[] = [...overflow];
  for (const list of threadLists) threadBlocks.push(...linesToSections([list.title, ...list.lines]));
  return { main: { text, blocks: [...head, ...body] }, thread: toMessages(threadBlocks, text) };
}

/** The digest as plain text, for the command line. */
export function digestAsText(messages: DigestMessages): string {
  const lines: string[] = [];
  for (const m of [messages.main, ...messages.thread]) {
    for (const b of m.blocks) {
      if (b.type === 'header' || b.type === 'section') lines.push((b as { text?: { text: string } }).text?.text ?? '');
      else if (b.type === 'context') lines.push(...(b.elements as Array<{ text?: string }>).map((e) => e.text ?? ''));
      else if (b.type === 'divider') lines.push('');
    }
    lines.push('');
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
