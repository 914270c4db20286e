import type { Transaction } from 'kysely';
import { getItem } from '../../db/items.js';
import { sendSooner } from '../../db/outbox.js';
import type { Database, Item } from '../../db/schema.js';
import { itemsWithCounts, lookAlikeCandidates, type SearchHit } from '../../db/search.js';
import { significantTerms } from '../../db/search-terms.js';
import { notice } from '../blocks/messages.js';
import { buildSuggestion } from '../blocks/similar.js';
import type { Deps } from '../deps.js';
import { cardPermalink } from '../domain/links.js';
import { closeOnes, type ItemWords, itemWords, pickSimilar } from '../domain/similar.js';
import type { Messages } from '../i18n/index.js';
import { cardKey } from './cards.js';
import { enqueueNotice, type PrivateTarget } from './replies.js';

/**
 * How long a new item's card waits when its author is shown look-alikes: two minutes is enough to read
 * three lines and click, and short enough that a filer who ignores the suggestion (or never sees it)
 * has their card on the board almost at once. Their words are stored either way.
 */
export const SUGGESTION_GRACE_MS = 2 * 60_000;
export const SUGGESTION_GRACE_MINUTES = SUGGESTION_GRACE_MS / 60_000;

/** Look-alikes shown at most. */
export const SIMILAR_SHOWN = 3;

/** Open items of the workspace that look like what is being filed, closest first (none if nothing is close). */
export async function findSimilar(deps: Pick<Deps, 'db'>, teamId: string, values: ItemWords, excludeId?: number): Promise<SearchHit[]> {
  const words = itemWords(values);
  const candidates = await lookAlikeCandidates(deps.db, teamId, significantTerms(words), { excludeId });
  const close = closeOnes(words, candidates);
  // Usually none: their votes and customers are read only for the few shown.
  if (close.length === 0) return [];
  return pickSimilar(
    words,
    await itemsWithCounts(
      deps.db,
      teamId,
      close.map((c) => c.id),
    ),
    SIMILAR_SHOWN,
  );
}

/** "Looks like this was already raised", for a new item, with links built from the workspace's address. */
export function suggestionFor(t: Messages, newItemId: number, similar: readonly SearchHit[], workspace: string | undefined) {
  return buildSuggestion(
    t,
    newItemId,
    similar.map((s) => ({ ...s, link: cardPermalink(workspace, s) })),
    SUGGESTION_GRACE_MINUTES,
  );
}

/**
 * For a modal (whose acknowledgement cannot carry a message): the suggestion is queued with the item,
 * to the filer, through the command's response_url when there was one, else as a DM.
 */
export async function enqueueSuggestion(
  trx: Transaction<Database>,
  s: { item: Item; target: PrivateTarget; content: ReturnType<typeof suggestionFor> },
  now: Date,
): Promise<boolean> {
  return enqueueNotice(trx, { teamId: s.item.team_id, key: `similar:${s.item.id}`, target: s.target, content: s.content }, now);
}

export type PostAnywayOutcome =
  | { status: 'posting' }
  /** Posted already (the wait was over), or on its way: nothing to do. */
  | { status: 'already_posted' }
  | { status: 'merged'; into: number }
  | { status: 'not_yours' }
  | { status: 'gone' };

/**
 * "Post mine anyway": the card held back for the filer to choose goes out now, and the suggestion is
 * replaced by a line that says so. Only the filer may; a second click changes nothing.
 */
export async function postAnyway(
  deps: Pick<Deps, 'db' | 'clock'>,
  req: { teamId: string; userId: string; itemId: number; responseUrl?: string | undefined; t: Messages },
): Promise<PostAnywayOutcome> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<PostAnywayOutcome> => {
    const item = await getItem(trx, req.teamId, req.itemId);
    if (!item) return { status: 'gone' };
    if (item.author_id !== req.userId) return { status: 'not_yours' };
    if (item.status === 'merged') return { status: 'merged', into: item.merged_into ?? 0 };
    if (!(await sendSooner(trx, req.teamId, cardKey(item.id), now))) return { status: 'already_posted' };
    await enqueueNotice(
      trx,
      {
        teamId: req.teamId,
        key: `post-anyway:${item.id}`,
        target: { userId: req.userId, responseUrl: req.responseUrl ?? null, replaceOriginal: true },
        content: notice(req.t.similar.posting),
      },
      now,
    );
    return { status: 'posting' };
  });
}
