import { escapeMrkdwn } from '../domain/escape.js';
import { context, escapedSections, type MessageContent, plain, section } from './kit.js';

export { type MessageContent, section };

/** A private answer that is just a line of mrkdwn (from the catalogue, not user text). */
export function notice(text: string): MessageContent {
  return { text, blocks: [section(text)] };
}

/**
 * A private answer that gives the user's words back whole, so nothing typed between two calls is lost:
 * the explanation, then the text escaped, over as many sections as it takes.
 */
export function noticeWithText(intro: string, userText: string): MessageContent {
  return { text: `${intro}\n\n${escapeMrkdwn(userText)}`, blocks: [section(intro), ...escapedSections(userText)] };
}

/** A private answer with one button under it (the action's handler does the rest). */
export function withButton(content: MessageContent, label: string, actionId: string): MessageContent {
  return {
    text: content.text,
    blocks: [...content.blocks, { type: 'actions', elements: [{ type: 'button', action_id: actionId, text: plain(label) }] }],
  };
}

/** A secondary line under an answer, in small print (the answer's own text stays its notification). */
export function withNote(content: MessageContent, note: string): MessageContent {
  return { text: content.text, blocks: [...content.blocks, context(note)] };
}
