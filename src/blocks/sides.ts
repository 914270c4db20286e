import type { ActionsBlock, Button } from '@slack/types';
import type { Side } from '../../db/schema.js';
import type { Messages } from '../i18n/index.js';
import { ACTIONS } from '../ids.js';
import { context, type MessageContent, plain, section } from './kit.js';

export const SIDES: readonly Side[] = ['sales', 'marketing', 'other'];

/**
 * One-click sides: a button per side (`set_side_<side>`, the value is the side), the current one marked.
 * Action ids carry the side as a suffix because Slack wants them unique within a block.
 */
export function sidePicker(t: Messages, current: Side | null): ActionsBlock {
  return {
    type: 'actions',
    elements: SIDES.map(
      (side): Button => ({
        type: 'button',
        action_id: `${ACTIONS.setSide}_${side}`,
        value: side,
        text: plain(side === current ? t.sides.current(t.side[side]) : t.side[side]),
        ...(side === current ? { style: 'primary' as const } : {}),
      }),
    ),
  };
}

/** A filing confirmation for someone whose side Terrain does not know: the question, and the three buttons. */
export function withSideQuestion(content: MessageContent, t: Messages): MessageContent {
  return { text: content.text, blocks: [...content.blocks, context(t.filed.sideTip), sidePicker(t, null)] };
}

/** The private answer to a side chosen from a message: what was noted, and the buttons to change it. */
export function buildSideChosen(t: Messages, side: Side): MessageContent {
  const text = t.terrain.teamDone(t.side[side]);
  return { text, blocks: [section(text), sidePicker(t, side), context(t.sides.change)] };
}
