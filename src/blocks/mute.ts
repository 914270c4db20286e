import type { Messages } from '../i18n/index.js';
import { ACTIONS } from '../ids.js';
import { type MessageContent, plain, section } from './kit.js';

/** The private answer to a mute or unmute clicked in a message: what changed, and the button that undoes it. */
export function buildMuteAnswer(t: Messages, muted: boolean): MessageContent {
  const text = muted ? t.home.mutedDone : t.home.unmutedDone;
  return {
    text,
    blocks: [
      section(text),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: ACTIONS.muteUpdates,
            value: muted ? 'unmute' : 'mute',
            text: plain(muted ? t.home.unmute : t.home.mute),
          },
        ],
      },
    ],
  };
}
