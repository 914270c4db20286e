import type { Side } from '../../db/schema.js';

/**
 * The sides that a workspace's sales and marketing user groups give their members, as changes to
 * make: only members whose side would change are listed.
 *
 * - In one group: that group's side.
 * - In both: the side they have if it is sales or marketing (they said it, or a sync gave it; the groups
 *   cannot tell between the two), else marketing: it is marketing's group that lets one answer the field,
 *   and the workspace put them there.
 * - In neither (never in one, or removed from theirs): left as they are, so a self-declared side stays and
 *   someone who left a group keeps their last side; one who moved to the other group gets its side above.
 */
export function sidesFromGroups(
  current: ReadonlyMap<string, Side | null>,
  sales: ReadonlySet<string>,
  marketing: ReadonlySet<string>,
): Map<string, Side> {
  const changes = new Map<string, Side>();
  for (const userId of new Set([...sales, ...marketing])) {
    const now = current.get(userId) ?? null;
    const side: Side =
      sales.has(userId) && marketing.has(userId)
        ? now === 'sales' || now === 'marketing'
          ? now
          : 'marketing'
        : sales.has(userId)
          ? 'sales'
          : 'marketing';
    if (side !== now) changes.set(userId, side);
  }
  return changes;
}
