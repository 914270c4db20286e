import type { KnownBlock } from '@slack/types';
import type { Item } from '../../db/schema.js';
import { escapeMrkdwn, truncate } from '../domain/escape.js';
import type { Messages } from '../i18n/index.js';
import { context, type MessageContent, section } from './kit.js';
import { itemExcerpt, itemHandle } from './similar.js';

export interface SearchShown extends Pick<Item, 'id' | 'kind' | 'text' | 'status'> {
  votes: number;
  customers: number;
  link: string | null;
}

/** Results shown at most: ten lines a phone screen can take in, well within 50 blocks. */
export const MAX_RESULTS = 10;

/**
 * `/terrain search`'s private answer: the best matches, each with its status, votes and customers,
 * linked to its card; a friendly line when nothing matches. `partial`: no item held every word, these
 * hold some of them.
 */
export function buildSearchResults(
  t: Messages,
  words: string,
  results: readonly SearchShown[],
  options: { partial: boolean; more: boolean },
): MessageContent {
  const shownWords = escapeMrkdwn(truncate(words.replace(/\s+/g, ' ').trim(), 80));
  if (results.length === 0) {
    const none = t.search.none(shownWords);
    return { text: none, blocks: [section(none)] };
  }
  const title = options.partial ? t.search.someWords(shownWords) : t.search.found(shownWords);
  const blocks: KnownBlock[] = [section(title)];
  for (const item of results.slice(0, MAX_RESULTS)) {
    const kind = item.kind === 'flag' ? t.kind.flag : t.kind.feedback;
    const facts = t.search.line(itemHandle(t, item.id, item.link), kind, t.status[item.status], item.votes, item.customers);
    blocks.push(section(`${facts}\n${itemExcerpt(t, item.text, 200)}`));
  }
  if (options.more) blocks.push(context(t.search.more));
  return { text: title.replace(/\*/g, ''), blocks };
}
