import type { HomeView, KnownBlock } from '@slack/types';
import type { ItemWithVotes } from '../../db/items.js';
import { escapeMrkdwn, truncate } from '../domain/escape.js';
import type { Messages } from '../i18n/index.js';
import { ACTIONS } from '../ids.js';
import { context, plain, section } from './kit.js';

/** The App Home tab: how to file, and what became of one's own items. */
export function buildHome(t: Messages, items: ItemWithVotes[], permalinks: ReadonlyMap<number, string>): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(t.home.title) },
    section(t.home.intro),
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: ACTIONS.homeNewFeedback, text: plain(t.home.newFeedback), style: 'primary' },
        { type: 'button', action_id: ACTIONS.homeNewFlag, text: plain(t.home.newFlag) },
      ],
    },
    { type: 'divider' },
    { type: 'header', text: plain(t.home.yourItems) },
  ];
  if (items.length === 0) blocks.push(context(t.home.none));
  for (const item of items.slice(0, 20)) {
    const line = t.home.itemLine(
      item.kind === 'flag' ? t.kind.flag : t.kind.feedback,
      escapeMrkdwn(truncate(item.text, 200)),
      t.status[item.status],
      item.votes,
    );
    const link = permalinks.get(item.id);
    blocks.push(
      link
        ? {
            ...section(line),
            accessory: { type: 'button', action_id: `${ACTIONS.openCard}_${item.id}`, text: plain(t.home.open), url: link },
          }
        : section(line),
    );
  }
  blocks.push({ type: 'divider' }, section(t.terrain.help));
  return { type: 'home', blocks: blocks.slice(0, 100) };
}
