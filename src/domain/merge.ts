import type { Item, Side } from '../../db/schema.js';

/**
 * Merging a duplicate into the item it repeats: who may, and what a merge of two given items means.
 * Facts (the items, the member) come from the database; the rules are here.
 */

/** Marketers and Terrain admins merge; `undefined` admin means Slack could not say. */
export function mayMerge(facts: {
  side: Side | null | undefined;
  terrainAdmin: boolean | undefined;
}): 'allowed' | 'not_allowed' | 'role_unknown' {
  if (facts.side === 'marketing' || facts.terrainAdmin === true) return 'allowed';
  return facts.terrainAdmin === undefined ? 'role_unknown' : 'not_allowed';
}

export type MergeRefusal =
  | { ok: false; why: 'unknown_duplicate' | 'unknown_original' | 'same_item' }
  /** The original was itself merged into the duplicate: merging would go round in a circle. */
  | { ok: false; why: 'cycle' }
  /** The duplicate is already merged into another item. */
  | { ok: false; why: 'already_merged'; mergedInto: number };

export type MergePlan =
  | MergeRefusal
  | {
      ok: true;
      duplicateId: number;
      /** The item that takes the votes and customers: the original, or the item it was merged into. */
      rootId: number;
      /** The original asked for had been merged already: the duplicate goes where it went. */
      followed: boolean;
      /** Asked again (a retry, a double click): it was done, nothing to do. */
      alreadyDone: boolean;
    };

type Merging = Pick<Item, 'id' | 'status' | 'merged_into'>;

/**
 * What merging `duplicate` into `original` does. `originalChain` is the original followed by the items it
 * was merged into, in turn (merged_into), as far as they go: a merge into a merged item follows it to the
 * one that stands, so votes and customers always end up on an open item.
 */
export function planMerge(duplicate: Merging | undefined, originalChain: readonly Merging[]): MergePlan {
  const original = originalChain[0];
  if (!duplicate) return { ok: false, why: 'unknown_duplicate' };
  if (!original) return { ok: false, why: 'unknown_original' };
  if (duplicate.id === original.id) return { ok: false, why: 'same_item' };
  if (originalChain.some((item) => item.id === duplicate.id)) return { ok: false, why: 'cycle' };
  const root = originalChain.find((item) => item.status !== 'merged');
  // A chain that ends on a merged item points at nothing that stands (a broken link): nothing to merge into.
  if (!root) return { ok: false, why: 'unknown_original' };
  if (duplicate.status === 'merged') {
    if (duplicate.merged_into === root.id)
      return { ok: true, duplicateId: duplicate.id, rootId: root.id, followed: root.id !== original.id, alreadyDone: true };
    return { ok: false, why: 'already_merged', mergedInto: duplicate.merged_into ?? 0 };
  }
  return { ok: true, duplicateId: duplicate.id, rootId: root.id, followed: root.id !== original.id, alreadyDone: false };
}
