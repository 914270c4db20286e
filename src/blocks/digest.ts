import type { KnownBlock } from '@slack/types';
import dayjs from 'dayjs';
import type { DigestData, DigestItem } from '../digest/compose.js';
import { sparkline } from '../digest/compose.js';
import { chunk, escapeMrkdwn, truncate } from '../domain/escape.js';
import { wallClock } from '../domain/fire-times.js';
import { mentionUser } from '../domain/slack-ids.js';
import { formatAmount, inZone, type Locale, type Messages } from '../i18n/index.js';
import { context, LIMITS, type MessageContent, plain, section } from './kit.js';

export interface DigestContext {
  t: Messages;
  locale: Locale;
  timezone: string;
}

/** What one section of the digest says: paragraphs for the post, full lists for the thread. */
export interface SectionOutput {
  main: string[];
  thread?: Array<{ title: string; lines: string[] }>;
}

export type DigestSection = (data: DigestData, ctx: DigestContext) => SectionOutput | null;

export interface DigestMessages {
  main: MessageContent;
  /** Replies in the digest's thread: what did not fit in the post. */
  thread: MessageContent[];
}

/** Items listed in the post itself; the rest go to the thread. */
export const LIST_IN_POST = 5;
const ITEM_TEXT = 90;

/** ISO week of the period: that of its middle, so a Monday-morning digest names the week it sums up. */
export function periodWeek(period: { start: Date; end: Date }, timezone: string): { week: number; year: number } {
  const middle = new Date((period.start.getTime() + period.end.getTime()) / 2);
  const w = wallClock(middle.getTime(), timezone);
  const d = dayjs.utc(Date.UTC(w.year, w.month - 1, w.day));
  return { week: d.isoWeek(), year: d.isoWeekYear() };
}

export function itemLink(item: Pick<DigestItem, 'text' | 'link'>): string {
  const label = escapeMrkdwn(truncate(item.text.replace(/\s+/g, ' '), ITEM_TEXT)).replace(/\|/g, '¦');
  return item.link ? `<${item.link}|${label}>` : label;
}

const moreLine = (ctx: DigestContext, total: number) => (total > LIST_IN_POST ? [ctx.t.digest.more(total - LIST_IN_POST)] : []);

const numbersSection: DigestSection = (d, { t }) => {
  const s = d.counts.bySide;
  const other = s.other.items + s.other.votes > 0 ? t.digest.sideCounts(t.side.other, s.other.items, s.other.votes) : null;
  return {
    main: [
      [
        t.digest.numbers(d.counts.feedback, d.counts.flags, d.counts.votes),
        t.digest.bySide(
          t.digest.sideCounts(t.side.sales, s.sales.items, s.sales.votes),
          t.digest.sideCounts(t.side.marketing, s.marketing.items, s.marketing.votes),
          other,
        ),
        t.digest.trend(sparkline(d.trend)),
      ].join('\n'),
    ],
  };
};

const shippedSection: DigestSection = (d, { t }) =>
  d.shipped.length === 0
    ? null
    : { main: [d.shipped.map((s) => t.digest.shippedLine(itemLink(s.item), mentionUser(s.item.authorId), s.voters)).join('\n')] };

const topSection: DigestSection = (d, ctx) => {
  if (d.topItems.length === 0) return null;
  const { t, locale } = ctx;
  const line = (i: DigestItem, rank: number) =>
    t.digest.topLine(
      rank,
      itemLink(i),
      i.votes,
      // All its votes came this week: saying "+N this week" again would be noise.
      i.periodVotes < i.votes ? t.digest.thisWeek(i.periodVotes) : null,
      i.revenue !== null ? formatAmount(i.revenue, locale) : null,
    );
  return {
    main: [
      [t.digest.topTitle, ...d.topItems.slice(0, LIST_IN_POST).map((i, n) => line(i, n + 1)), ...moreLine(ctx, d.topItems.length)].join(
        '\n',
      ),
    ],
    thread:
      d.topItems.length > LIST_IN_POST
        ? [{ title: t.digest.threadVoted(d.topItems.length), lines: d.topItems.map((i, n) => line(i, n + 1)) }]
        : [],
  };
};

const flagsSection: DigestSection = (d, ctx) => {
  if (d.newFlags.length === 0) return null;
  const { t } = ctx;
  const line = (i: DigestItem) => t.digest.flagLine(itemLink(i), mentionUser(i.authorId));
  return {
    main: [[t.digest.flagsTitle, ...d.newFlags.slice(0, LIST_IN_POST).map(line), ...moreLine(ctx, d.newFlags.length)].join('\n')],
    thread: d.newFlags.length > LIST_IN_POST ? [{ title: t.digest.threadFlags(d.newFlags.length), lines: d.newFlags.map(line) }] : [],
  };
};

const movedSection: DigestSection = (d, ctx) => {
  const moves = d.moved.filter((m) => m.to !== 'shipped');
  if (moves.length === 0) return null;
  const { t } = ctx;
  const line = (m: (typeof moves)[number]) => t.digest.movedLine(itemLink(m.item), t.status[m.from], t.status[m.to]);
  return { main: [[t.digest.movedTitle, ...moves.slice(0, LIST_IN_POST).map(line), ...moreLine(ctx, moves.length)].join('\n')] };
};

const waitingSection: DigestSection = (d, ctx) => {
  if (d.waitingCount === 0) return null;
  const { t } = ctx;
  const end = dayjs(d.period.end).locale(ctx.locale);
  const line = (i: DigestItem) =>
    t.digest.waitingLine(itemLink(i), mentionUser(i.authorId), dayjs(i.createdAt).locale(ctx.locale).from(end));
  return {
    main: [[t.digest.waitingTitle, ...d.waiting.slice(0, LIST_IN_POST).map(line), ...moreLine(ctx, d.waitingCount)].join('\n')],
    thread:
      d.waitingCount > LIST_IN_POST
        ? [{ title: t.digest.threadWaiting(d.waiting.length, d.waitingCount), lines: d.waiting.map(line) }]
        : [],
  };
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

const voicesSection: DigestSection = (d, { t }) =>
  d.voices.length === 0
    ? null
    : {
        main: [
          `${t.digest.voicesTitle}\n${d.voices
            .slice(0, 3)
            .map((v) => t.digest.voiceLine(mentionUser(v.userId), v.filed, v.voted))
            .join(' · ')}`,
        ],
      };

/** Everything filed, for whoever wants the detail: always in the thread when it is longer than the post shows. */
const filedSection: DigestSection = (d, ctx) =>
  d.filed.length <= LIST_IN_POST
    ? null
    : {
        main: [],
        thread: [
          { title: ctx.t.digest.threadFiled(d.filed.length), lines: d.filed.map((i) => ctx.t.digest.threadLine(itemLink(i), i.votes)) },
        ],
      };

/**
 * The digest, one small function per section, in reading order. A new section (marketing's answers,
 * upcoming after-works) is one more function in this list.
 */
export const DIGEST_SECTIONS: readonly DigestSection[] = [
  numbersSection,
  shippedSection,
  topSection,
  flagsSection,
  movedSection,
  waitingSection,
  competitorsSection,
  voicesSection,
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
  const { week, year } = periodWeek(data.period, ctx.timezone);
  const range = t.digest.range(
    inZone(data.period.start, ctx.timezone, ctx.locale).format('D MMM'),
    inZone(data.period.end, ctx.timezone, ctx.locale).format('D MMM YYYY'),
  );
  const text = t.digest.fallback(week, data.counts.feedback, data.counts.flags, data.counts.votes);
  const head: KnownBlock[] = [{ type: 'header', text: plain(t.digest.title(week, year)) }, context(range)];
  if (data.quiet) return { main: { text: `${text}. ${t.digest.quiet}`, blocks: [...head, section(t.digest.quiet)] }, thread: [] };

  const body: KnownBlock[] = [];
  const threadLists: Array<{ title: string; lines: string[] }> = [];
  for (const build of sections) {
    const out = build(data, ctx);
    if (!out) continue;
    if (out.main.length > 0) {
      if (body.length > 0) body.push({ type: 'divider' });
      body.push(...linesToSections(out.main));
    }
    threadLists.push(...(out.thread ?? []));
  }
  const room = LIMITS.messageBlocks - head.length;
  const overflow = (body.length > room ? body.splice(room - 1) : []).filter((b) => b.type !== 'divider');
  if (overflow.length > 0) body.push(context(t.digest.more(overflow.length)));
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
