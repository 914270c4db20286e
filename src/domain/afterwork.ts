import type { RsvpAnswer, Side } from '../../db/schema.js';

/** What people can answer on the invite (`waitlisted` is what Terrain makes of `going` when it is full). */
export const ANSWERS = ['going', 'maybe', 'no'] as const;
export type Answer = (typeof ANSWERS)[number];
export const isAnswer = (value: unknown): value is Answer => typeof value === 'string' && (ANSWERS as readonly string[]).includes(value);

/** An answer as the rules see it. */
export interface Rsvp {
  userId: string;
  answer: RsvpAnswer;
  side: Side | null;
  /** ISO-8601 UTC. */
  answeredAt: string;
  /** ISO-8601 UTC, when they joined the waitlist; null unless waitlisted. */
  waitlistedAt: string | null;
}

export const MAX_TITLE = 150;
export const MAX_PLACE = 200;
export const MAX_NOTE = 2000;
export const MAX_CAPACITY = 10_000;
/** How far ahead an after-work may be planned: beyond, it is a typo (2062 for 2026). */
export const MAX_AHEAD_MS = 2 * 366 * 24 * 60 * 60 * 1000;

export const goingCount = (rsvps: readonly Rsvp[]): number => rsvps.filter((r) => r.answer === 'going').length;

export interface SideCounts {
  sales: number;
  marketing: number;
  other: number;
}

/** People going by side; a member who has not said their side counts as other. */
export function goingBySide(rsvps: readonly Rsvp[]): SideCounts {
  const counts: SideCounts = { sales: 0, marketing: 0, other: 0 };
  for (const r of rsvps) if (r.answer === 'going') counts[r.side ?? 'other'] += 1;
  return counts;
}

/**
 * How well the two teams mix, for the card's plain line: both going; or which side is missing, and
 * whether anyone of it answered at all (`silent`: nobody from it answered yet; `not_going`: some did,
 * none is going).
 */
export type Mix =
  | { kind: 'both' }
  | { kind: 'missing'; side: 'sales' | 'marketing'; why: 'silent' | 'not_going' }
  | { kind: 'neither'; why: 'silent' | 'not_going' };

export function mixOf(rsvps: readonly Rsvp[]): Mix {
  const going = goingBySide(rsvps);
  const answered = (side: Side) => rsvps.some((r) => r.side === side && r.answer !== 'going');
  const why = (side: Side) => (answered(side) ? 'not_going' : 'silent');
  if (going.sales > 0 && going.marketing > 0) return { kind: 'both' };
  if (going.sales > 0) return { kind: 'missing', side: 'marketing', why: why('marketing') };
  if (going.marketing > 0) return { kind: 'missing', side: 'sales', why: why('sales') };
  return { kind: 'neither', why: answered('sales') || answered('marketing') ? 'not_going' : 'silent' };
}

/** The waitlist in its order: who joined first, first. */
export function waitlist(rsvps: readonly Rsvp[]): Rsvp[] {
  return rsvps
    .filter((r) => r.answer === 'waitlisted')
    .sort((a, b) => (a.waitlistedAt ?? a.answeredAt).localeCompare(b.waitlistedAt ?? b.answeredAt) || a.userId.localeCompare(b.userId));
}

/**
 * Who gets a place that frees: the first waitlisted person from whichever of sales and marketing has
 * fewer people going (the point of the after-work is that both teams meet); when both sides have as many,
 * or nobody from the smaller side waits, the earliest on the waitlist.
 */
export function nextPromoted(rsvps: readonly Rsvp[]): Rsvp | undefined {
  const queue = waitlist(rsvps);
  if (queue.length === 0) return undefined;
  const going = goingBySide(rsvps);
  const fewer: Side | undefined = going.sales < going.marketing ? 'sales' : going.marketing < going.sales ? 'marketing' : undefined;
  return (fewer && queue.find((r) => r.side === fewer)) || queue[0];
}

export interface AnswerOutcome {
  /** What is stored for the person: `waitlisted` when they asked for `going` and it is full. */
  stored: RsvpAnswer;
  /** Nothing changes: the same answer twice (a double click) is one answer. */
  unchanged: boolean;
  /** They were going and no longer are: their reminder is withdrawn, their place may go to the waitlist. */
  leftGoing: boolean;
}

/**
 * What an answer becomes. `going` when the after-work is full (capacity reached by others) joins the
 * waitlist; someone already going or waitlisted who answers `going` again keeps where they are.
 */
export function applyAnswer(rsvps: readonly Rsvp[], userId: string, wanted: Answer, capacity: number | null): AnswerOutcome {
  const current = rsvps.find((r) => r.userId === userId)?.answer;
  let stored: RsvpAnswer = wanted;
  if (wanted === 'going' && current !== 'going') {
    const others = goingCount(rsvps.filter((r) => r.userId !== userId));
    if (capacity !== null && others >= capacity) stored = 'waitlisted';
  }
  return { stored, unchanged: current === stored, leftGoing: current === 'going' && stored !== 'going' };
}

/**
 * Everyone the free places go to, in order: as long as there are places (capacity minus people going)
 * and people waiting, `nextPromoted` picks the next. Each pick changes the counts the next one sees.
 */
export function promotions(rsvps: readonly Rsvp[], capacity: number | null): Rsvp[] {
  const state = rsvps.map((r) => ({ ...r }));
  const promoted: Rsvp[] = [];
  for (;;) {
    const free = capacity === null ? Number.POSITIVE_INFINITY : capacity - goingCount(state);
    if (free <= 0) return promoted;
    const next = nextPromoted(state);
    if (!next) return promoted;
    next.answer = 'going';
    next.waitlistedAt = null;
    promoted.push({ ...next });
  }
}

/** The place on the waitlist, from 1; undefined when not waiting. */
export function waitlistPosition(rsvps: readonly Rsvp[], userId: string): number | undefined {
  const i = waitlist(rsvps).findIndex((r) => r.userId === userId);
  return i < 0 ? undefined : i + 1;
}

/** RSVPs close when the after-work starts. */
export const isClosed = (startsAt: string | Date, now: Date): boolean => now.getTime() >= new Date(startsAt).getTime();

export interface AfterworkForm {
  title: string | undefined;
  /** Unix seconds, from the datetimepicker. */
  startsAt: number | undefined;
  place: string | undefined;
  note: string | undefined;
  capacity: string | undefined;
  channelId: string | undefined;
}

export interface ValidAfterwork {
  title: string;
  startsAt: Date;
  place: string | null;
  note: string | null;
  capacity: number | null;
  channelId: string | undefined;
}

export type AfterworkField = 'title' | 'when' | 'place' | 'note' | 'capacity';
export type AfterworkFieldError =
  | { field: 'title'; code: 'empty' | 'too_long' }
  | { field: 'when'; code: 'missing' | 'past' | 'too_far' }
  | { field: 'place' | 'note'; code: 'too_long' }
  | { field: 'capacity'; code: 'not_whole' | 'below_going'; going?: number };

const clean = (v: string | undefined): string | null => {
  const t = v?.trim();
  return t ? t : null;
};

/**
 * Checks the modal: a title, a time still to come, a capacity that is a positive whole number. Editing
 * may not set a capacity below the people already going (`going`): nobody loses a place they were given.
 */
export function validateAfterworkForm(
  form: AfterworkForm,
  now: Date,
  options: { going?: number } = {},
): { ok: true; value: ValidAfterwork } | { ok: false; errors: AfterworkFieldError[] } {
  const errors: AfterworkFieldError[] = [];
  const title = clean(form.title);
  if (!title) errors.push({ field: 'title', code: 'empty' });
  else if (title.length > MAX_TITLE) errors.push({ field: 'title', code: 'too_long' });
  if (form.startsAt === undefined || !Number.isFinite(form.startsAt)) errors.push({ field: 'when', code: 'missing' });
  else if (form.startsAt * 1000 <= now.getTime()) errors.push({ field: 'when', code: 'past' });
  else if (form.startsAt * 1000 > now.getTime() + MAX_AHEAD_MS) errors.push({ field: 'when', code: 'too_far' });
  const place = clean(form.place);
  if (place && place.length > MAX_PLACE) errors.push({ field: 'place', code: 'too_long' });
  const note = clean(form.note);
  if (note && note.length > MAX_NOTE) errors.push({ field: 'note', code: 'too_long' });
  let capacity: number | null = null;
  const rawCapacity = clean(form.capacity);
  if (rawCapacity) {
    const n = /^\d{1,6}$/.test(rawCapacity) ? Number(rawCapacity) : Number.NaN;
    if (!Number.isInteger(n) || n < 1 || n > MAX_CAPACITY) errors.push({ field: 'capacity', code: 'not_whole' });
    else if (options.going !== undefined && n < options.going)
      errors.push({ field: 'capacity', code: 'below_going', going: options.going });
    else capacity = n;
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      title: title as string,
      startsAt: new Date((form.startsAt as number) * 1000),
      place,
      note,
      capacity,
      channelId: form.channelId,
    },
  };
}

/** What an edit changed that the people coming must hear about. */
export interface AfterworkChange {
  title?: { from: string; to: string };
  startsAt?: { from: string; to: string };
  place?: { from: string | null; to: string | null };
}

export function changesWorthTelling(
  before: { title: string; starts_at: string; place: string | null },
  after: { title: string; starts_at: string; place: string | null },
): AfterworkChange | undefined {
  const change: AfterworkChange = {};
  if (before.title !== after.title) change.title = { from: before.title, to: after.title };
  if (new Date(before.starts_at).getTime() !== new Date(after.starts_at).getTime())
    change.startsAt = { from: before.starts_at, to: after.starts_at };
  if ((before.place ?? null) !== (after.place ?? null)) change.place = { from: before.place, to: after.place };
  return Object.keys(change).length > 0 ? change : undefined;
}
