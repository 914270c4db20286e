import { describe, expect, it } from 'vitest';
import type { ItemStatus } from '../../../db/schema.js';
import { mayMerge, planMerge } from '../../../src/domain/merge.js';

const item = (id: number, status: ItemStatus = 'new', mergedInto: number | null = null) => ({ id, status, merged_into: mergedInto });

describe('mayMerge', () => {
  it('lets marketers and Terrain admins merge, and nobody else', () => {
    expect(mayMerge({ side: 'marketing', terrainAdmin: false })).toBe('allowed');
    expect(mayMerge({ side: 'marketing', terrainAdmin: undefined })).toBe('allowed');
    expect(mayMerge({ side: 'sales', terrainAdmin: true })).toBe('allowed');
    expect(mayMerge({ side: null, terrainAdmin: true })).toBe('allowed');
    expect(mayMerge({ side: 'sales', terrainAdmin: false })).toBe('not_allowed');
    expect(mayMerge({ side: undefined, terrainAdmin: false })).toBe('not_allowed');
    expect(mayMerge({ side: 'other', terrainAdmin: undefined })).toBe('role_unknown');
  });
});

describe('planMerge', () => {
  it('merges a duplicate into an item that stands', () => {
    expect(planMerge(item(2), [item(1)])).toEqual({ ok: true, duplicateId: 2, rootId: 1, followed: false, alreadyDone: false });
    expect(planMerge(item(2, 'planned'), [item(1, 'shipped')])).toMatchObject({ ok: true, rootId: 1 });
  });

  it('follows an original merged before to the item it went to', () => {
    expect(planMerge(item(3), [item(2, 'merged', 1), item(1)])).toEqual({
      ok: true,
      duplicateId: 3,
      rootId: 1,
      followed: true,
      alreadyDone: false,
    });
  });

  it('refuses unknown items and an item into itself', () => {
    expect(planMerge(undefined, [item(1)])).toEqual({ ok: false, why: 'unknown_duplicate' });
    expect(planMerge(item(2), [])).toEqual({ ok: false, why: 'unknown_original' });
    expect(planMerge(item(1), [item(1)])).toEqual({ ok: false, why: 'same_item' });
  });

  it('refuses a circle: the original was merged into the duplicate, directly or through another', () => {
    expect(planMerge(item(1), [item(2, 'merged', 1), item(1)])).toEqual({ ok: false, why: 'cycle' });
    expect(planMerge(item(1), [item(3, 'merged', 2), item(2, 'merged', 1), item(1)])).toEqual({ ok: false, why: 'cycle' });
  });

  it('a duplicate merged already: done when it went there, refused when it went elsewhere', () => {
    expect(planMerge(item(2, 'merged', 1), [item(1)])).toEqual({ ok: true, duplicateId: 2, rootId: 1, followed: false, alreadyDone: true });
    expect(planMerge(item(2, 'merged', 5), [item(1)])).toEqual({ ok: false, why: 'already_merged', mergedInto: 5 });
  });

  it('a chain that ends on a merged item (a broken link) has nothing to merge into', () => {
    expect(planMerge(item(3), [item(2, 'merged', 9)])).toEqual({ ok: false, why: 'unknown_original' });
  });
});
