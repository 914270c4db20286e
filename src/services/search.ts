import type { WebClient } from '@slack/web-api';
import { findItems, getItemWithCounts, type SearchHit } from '../../db/search.js';
import type { MessageContent } from '../blocks/kit.js';
import { notice } from '../blocks/messages.js';
import { buildSearchResults, MAX_RESULTS } from '../blocks/search.js';
import type { Deps } from '../deps.js';
import { cardPermalink } from '../domain/links.js';
import { parseItemHandle, rankSearchResults } from '../domain/search.js';
import type { Messages } from '../i18n/index.js';
import { workspaceUrl } from './links.js';

/** Matches read from the database before they are ranked: enough for the ten shown to be the best. */
const CANDIDATES = 50;

/**
 * `/terrain search <words>`: the best matching items, ranked by relevance then by what the field put
 * behind them, each with its status, votes and customers, linked to its card. A handle alone (`#42`)
 * shows that item. Read only: nothing is stored, so it is answered after the acknowledgement.
 */
export async function searchAnswer(
  deps: Pick<Deps, 'db' | 'clock' | 'logger'>,
  client: WebClient,
  req: { teamId: string; words: string; teamDomain?: string | undefined },
  t: Messages,
): Promise<MessageContent> {
  const words = req.words.trim();
  if (words === '') return notice(t.search.usage);
  let hits: SearchHit[] = [];
  let partial = false;
  const id = parseItemHandle(words);
  const byHandle = id === undefined ? undefined : await getItemWithCounts(deps.db, req.teamId, id);
  if (byHandle) {
    hits = [byHandle];
  } else {
    const found = await findItems(deps.db, req.teamId, words, CANDIDATES);
    hits = rankSearchResults(found.hits);
    partial = found.mode === 'any';
  }
  const base = hits.length > 0 ? await workspaceUrl(deps, client, req.teamDomain) : undefined;
  const shown = hits.slice(0, MAX_RESULTS).map((h) => ({ ...h, link: cardPermalink(base, h) }));
  return buildSearchResults(t, words, shown, { partial, more: hits.length > MAX_RESULTS });
}
