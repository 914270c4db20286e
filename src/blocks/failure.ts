import { slackMarkupToPlain } from '../domain/markup.js';
import { isUserId } from '../domain/slack-ids.js';
import type { TerrainErrorCode } from '../errors.js';
import type { Messages } from '../i18n/index.js';
import { isRecord, type Json, type RequestKind } from '../slack/requests.js';
import { type MessageContent, notice, noticeWithText } from './messages.js';

/** How Terrain answers a request it could not carry out, so that the person loses nothing. */
export interface FailureAnswer {
  /** The body of the acknowledgement (HTTP response, or Socket Mode ack payload); none for an empty 200. */
  ack?: Record<string, unknown>;
  /** A private message sent right after the acknowledgement (shortcuts, buttons, a modal without inputs). */
  followUp?: { userId: string; responseUrl?: string | undefined; content: MessageContent };
}

type Tone = 'not_saved' | 'slow' | 'unexpected';

function toneOf(code: TerrainErrorCode): Tone {
  if (code === 'storage_unavailable') return 'not_saved';
  if (code === 'not_acknowledged') return 'slow';
  return 'unexpected';
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The block id of a modal's first input block: where `response_action: 'errors'` shows the message. */
export function firstInputBlockId(view: unknown): string | undefined {
  if (!isRecord(view) || !Array.isArray(view.blocks)) return undefined;
  for (const block of view.blocks) {
    if (isRecord(block) && block.type === 'input' && typeof block.block_id === 'string' && block.block_id !== '') return block.block_id;
  }
  return undefined;
}

function withText(t: Messages, tone: Tone, userText: string): MessageContent {
  const intro = { not_saved: t.failure.notSaved, slow: t.failure.slow, unexpected: t.errors.unexpected }[tone];
  const bare = { not_saved: t.failure.notSavedNoText, slow: t.failure.slowNoText, unexpected: t.errors.unexpectedNoText }[tone];
  return userText.trim() === '' ? notice(bare) : noticeWithText(intro, userText);
}

const responseUrlOf = (value: unknown): string | undefined =>
  typeof value === 'string' && /^https?:\/\/[^\s<>|]+$/.test(value) && value.length < 2000 ? value : undefined;

function privately(body: Json, content: MessageContent): FailureAnswer {
  const user = isRecord(body.user) ? body.user.id : body.user_id;
  return isUserId(user) ? { followUp: { userId: user, responseUrl: responseUrlOf(body.response_url), content } } : {};
}

/**
 * The answer to a command, a modal submission, a shortcut or a button whose listener failed before it
 * acknowledged (or did not acknowledge in time): it says so in the person's language and gives their text
 * back. A command is answered in its acknowledgement (ephemeral, the text escaped); a modal stays open with
 * the message under its first input, the text still in it; a shortcut or a button is acknowledged and
 * followed by a private message (response_url, else a direct message). Events are answered with a status,
 * not here.
 */
export function failureAnswer(kind: RequestKind, body: Json, code: TerrainErrorCode, t: Messages): FailureAnswer {
  const tone = toneOf(code);
  switch (kind) {
    case 'command': {
      const content = withText(t, tone, text(body.text));
      return { ack: { response_type: 'ephemeral', text: content.text, blocks: content.blocks } };
    }
    case 'view': {
      const blockId = firstInputBlockId(body.view);
      const message = { not_saved: t.failure.notSavedModal, slow: t.failure.slowModal, unexpected: t.failure.unexpectedModal }[tone];
      if (blockId) return { ack: { response_action: 'errors', errors: { [blockId]: message } } };
      return privately(body, withText(t, tone, ''));
    }
    case 'shortcut': {
      // The message's markup made readable again, as the shortcut itself would have put it in the form.
      const message = isRecord(body.message) ? slackMarkupToPlain(text(body.message.text)) : '';
      return privately(body, withText(t, tone, message));
    }
    case 'action':
      return privately(body, withText(t, tone, ''));
    case 'options':
      return { ack: { options: [] } };
    case 'event':
      return {};
  }
}
