import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import { MAX_CAPACITY, MAX_NOTE, MAX_PLACE, MAX_TITLE } from '../domain/afterwork.js';
import { wellFormed } from '../domain/escape.js';
import type { Messages } from '../i18n/index.js';
import { AFTERWORK_FIELDS, FIELD_ACTION, VIEWS } from '../ids.js';
import { context, plain, section } from './kit.js';

/** What the after-work modal carries from opening to submission. */
export interface AfterworkModalMetadata {
  locale: string;
  /** The host's zone when the modal opened: the after-work's fallback dates are written in it. */
  timezone: string;
  /** Set when the modal edits an after-work. */
  afterworkId?: number;
  responseUrl?: string;
}

export interface AfterworkPrefill {
  title?: string | undefined;
  /** Unix seconds. */
  startsAt?: number | undefined;
  place?: string | undefined;
  note?: string | undefined;
  capacity?: number | null | undefined;
  channelId?: string | undefined;
  /** Opened from `/afterwork <text>`: say the fields come from it. */
  fromText?: boolean;
  /** The time of `startsAt` was not in the text (shown as written, e.g. "18:30"). */
  guessedTime?: string | undefined;
}

function textInput(
  blockId: string,
  label: string,
  opts: { optional?: boolean; multiline?: boolean; max: number; placeholder?: string; initial?: string | undefined; hint?: string },
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? false,
    label: plain(label),
    ...(opts.hint ? { hint: plain(opts.hint) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: FIELD_ACTION,
      multiline: opts.multiline ?? false,
      max_length: opts.max,
      ...(opts.placeholder ? { placeholder: plain(opts.placeholder) } : {}),
      ...(opts.initial ? { initial_value: wellFormed(opts.initial.slice(0, opts.max)) } : {}),
    },
  };
}

/**
 * The invite modal (`afterwork_create`), or the same to edit one (`afterwork_edit`, without the channel:
 * the invite stays where it is). The date and time picker shows the reader's own zone, like Slack.
 */
export function buildAfterworkModal(t: Messages, meta: AfterworkModalMetadata, prefill: AfterworkPrefill = {}): ModalView {
  const m = t.afterwork.modal;
  const editing = meta.afterworkId !== undefined;
  const blocks: KnownBlock[] = [];
  if (!editing) blocks.push(section(m.intro));
  if (prefill.fromText) blocks.push(context(prefill.guessedTime ? `${m.fromText} ${m.timeGuessed(prefill.guessedTime)}` : m.fromText));
  blocks.push(
    textInput(AFTERWORK_FIELDS.title, m.what, {
      max: MAX_TITLE,
      placeholder: m.whatPlaceholder,
      initial: prefill.title ?? t.afterwork.defaultTitle,
    }),
    {
      type: 'input',
      block_id: AFTERWORK_FIELDS.when,
      label: plain(m.when),
      element: {
        type: 'datetimepicker',
        action_id: FIELD_ACTION,
        ...(prefill.startsAt !== undefined ? { initial_date_time: prefill.startsAt } : {}),
      },
    },
    textInput(AFTERWORK_FIELDS.place, m.where, { optional: true, max: MAX_PLACE, placeholder: m.wherePlaceholder, initial: prefill.place }),
    textInput(AFTERWORK_FIELDS.note, m.note, {
      optional: true,
      multiline: true,
      max: MAX_NOTE,
      placeholder: m.notePlaceholder,
      initial: prefill.note,
    }),
    {
      type: 'input',
      block_id: AFTERWORK_FIELDS.capacity,
      optional: true,
      label: plain(m.capacity),
      hint: plain(m.capacityHint),
      element: {
        type: 'number_input',
        action_id: FIELD_ACTION,
        is_decimal_allowed: false,
        min_value: '1',
        max_value: String(MAX_CAPACITY),
        ...(prefill.capacity ? { initial_value: String(prefill.capacity) } : {}),
      },
    },
  );
  if (!editing) {
    blocks.push({
      type: 'input',
      block_id: AFTERWORK_FIELDS.channel,
      label: plain(m.channel),
      element: {
        type: 'conversations_select',
        action_id: FIELD_ACTION,
        filter: { include: ['public', 'private'], exclude_bot_users: true, exclude_external_shared_channels: true },
        ...(prefill.channelId ? { initial_conversation: prefill.channelId } : {}),
      },
    });
  }
  return {
    type: 'modal',
    callback_id: editing ? VIEWS.afterworkEdit : VIEWS.afterworkCreate,
    title: plain(editing ? m.editTitle : m.title),
    submit: plain(editing ? m.save : m.submit),
    close: plain(m.close),
    private_metadata: JSON.stringify(meta),
    blocks,
  };
}
