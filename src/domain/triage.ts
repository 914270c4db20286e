import type { ItemStatus } from '../../db/schema.js';

/**
 * Where marketing may move an item from where it is. Forward along `new → acknowledged → planned →
 * shipped`, skipping steps if they like, or `declined` from anywhere open. A shipped or declined item may be
 * reopened (back to acknowledged: it has been read); a merged one is moved on its original, not here.
 */
const MOVES: Readonly<Record<ItemStatus, readonly TriageStatus[]>> = {
  new: ['acknowledged', 'planned', 'shipped', 'declined'],
  acknowledged: ['planned', 'shipped', 'declined'],
  planned: ['shipped', 'declined'],
  shipped: ['acknowledged'],
  declined: ['acknowledged'],
  merged: [],
};

export const TRIAGE_STATUSES = ['acknowledged', 'planned', 'shipped', 'declined'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

export const isTriageStatus = (v: unknown): v is TriageStatus => TRIAGE_STATUSES.includes(v as TriageStatus);

export function movesFrom(status: ItemStatus): readonly TriageStatus[] {
  return MOVES[status];
}

export function canMove(from: ItemStatus, to: TriageStatus): boolean {
  return MOVES[from].includes(to);
}

/** A move back out of shipped or declined: told as "open again", not as "acknowledged". */
export const isReopening = (from: ItemStatus, to: ItemStatus): boolean =>
  to === 'acknowledged' && (from === 'shipped' || from === 'declined');

/** Who hears about a status change, and why (their message says which). */
export type Audience = 'author' | 'voter' | 'customer';

/**
 * One message per person: the author, then voters, then whoever added a customer, each once under the
 * first reason that applies; never the person who made the change, nor anyone who muted these updates.
 */
export function recipients(
  who: { author: string; voters: readonly string[]; customerAdders: readonly string[]; changedBy: string },
  muted: ReadonlySet<string>,
): Array<{ userId: string; audience: Audience }> {
  const out = new Map<string, Audience>();
  const add = (userId: string, audience: Audience) => {
    if (userId !== who.changedBy && !muted.has(userId) && !out.has(userId)) out.set(userId, audience);
  };
  add(who.author, 'author');
  for (const v of who.voters) add(v, 'voter');
  for (const c of who.customerAdders) add(c, 'customer');
  return [...out].map(([userId, audience]) => ({ userId, audience }));
}

/** The note and the decline reason as stored: trimmed, empty is none. */
export const cleanText = (v: string | undefined | null): string | null => {
  const t = v?.trim();
  return t ? t : null;
};
