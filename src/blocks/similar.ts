import type { KnownBlock } from '@slack/types';
import type { Item } from '../../db/schema.js';
import { escapeMrkdwn, truncate } from '../domain/escape.js';
import type { Messages } from '../i18n/index.js';
import { ACTIONS } from '../ids.js';
import { type MessageContent, plain, section } from './kit.js';

/** An item's handle (`#42`), linked to its card when it has one. */
export function itemHandle(t: Messages, id: number, link: string | null): string {
  const handle = t.search.handle(id);
  return link ? `<${link}|${handle}>` : `*${handle}*`;
}

/** An item's words on one line, cut short and escaped, in the language's quotes. */
export function itemExcerpt(t: Messages, text: string, max = 140): string {
  return t.search.quoted(escapeMrkdwn(truncate(text.replace(/\s+/g, ' ').trim(), max)));
}

export interface SimilarShown extends Pick<Item, 'id' | 'text' | 'status'> {
  votes: number;
  link: string | null;
}

/** What the value of "Vote for this one instead" carries: the item voted for, then the new item. */
export const voteInsteadValue = (similarId: number, newItemId: number) => `${similarId}:${newItemId}`;

export function parseVoteInsteadValue(value: unknown): { similarId: number; newItemId: number } | undefined {
  const m = typeof value === 'string' ? /^(\d{1,9}):(\d{1,9})$/.exec(value) : null;
  return m ? { similarId: Number(m[1]), newItemId: Number(m[2]) } : undefined;
}

/**
 * "Looks like this was already raised": up to three open items that look like the one just filed, each
 * with a one-click vote, and a way to post the new one at once. Private to the filer; the new item is
 * stored already and goes out by itself after `minutes` if nothing is clicked.
 */
export function buildSuggestion(t: Messages, newItemId: number, similar: readonly SimilarShown[], minutes: number): MessageContent {
  const intro = t.similar.intro(minutes);
  const blocks: KnownBlock[] = [section(intro)];
  for (const item of similar.slice(0, 3)) {
    blocks.push({
      ...section(t.similar.line(itemHandle(t, item.id, item.link), itemExcerpt(t, item.text), t.status[item.status], item.votes)),
      accessory: {
        type: 'button',
        action_id: ACTIONS.voteInstead,
        text: plain(t.similar.voteInstead),
        value: voteInsteadValue(item.id, newItemId),
      },
    });
  }
  blocks.push({
    type: 'actions',
    elements: [{ type: 'button', action_id: ACTIONS.postAnyway, text: plain(t.similar.postAnyway), value: String(newItemId) }],
  });
  return { text: intro.replace(/\*/g, ''), blocks };
}
