import type { ItemKind } from '../../db/schema.js';
import { mentionChannel } from '../domain/slack-ids.js';
import type { Messages } from '../i18n/index.js';
import type { MessageContent } from './kit.js';
import { notice } from './messages.js';
import { withSideQuestion } from './sides.js';

export interface Filed {
  kind: ItemKind;
  /** The card's link, once it is out. */
  link?: string | null | undefined;
  /** Where the card goes up, when the answer comes before it (in the command's acknowledgement). */
  channelId?: string | undefined;
  /** Terrain does not know the filer's side: the digest counts by side, so it asks, with one-click buttons. */
  askSide: boolean;
}

/** The filer's private "thanks, it is filed": a link to the card once it is out, else where it goes up. */
export function buildFiled(t: Messages, f: Filed): MessageContent {
  const flag = f.kind === 'flag';
  const channel = f.channelId ? mentionChannel(f.channelId) : '';
  const text = f.link
    ? flag
      ? t.filed.flag(f.link)
      : t.filed.feedback(f.link)
    : channel
      ? flag
        ? t.filed.flagGoingUp(channel)
        : t.filed.feedbackGoingUp(channel)
      : flag
        ? t.filed.flagNoLink
        : t.filed.feedbackNoLink;
  return f.askSide ? withSideQuestion(notice(text), t) : notice(text);
}
