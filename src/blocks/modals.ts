import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { ItemKind } from '../../db/schema.js';
import { wellFormed } from '../domain/escape.js';
import { CATEGORIES, MAX_LONG_FIELD, MAX_SHORT_FIELD, MAX_TEXT, URGENCIES } from '../domain/items.js';
import type { Messages } from '../i18n/index.js';
import { FIELD_ACTION, FIELDS, VIEWS } from '../ids.js';
import { context, plain, section } from './kit.js';

/** What a modal carries from opening to submission (Slack gives it back untouched, 3,000 chars max). */
export interface ModalMetadata {
  kind: ItemKind;
  locale: string;
  channelId?: string;
  responseUrl?: string;
  sourceChannelId?: string;
  sourceTs?: string;
  sourcePermalink?: string;
}

export interface ModalPrefill {
  text?: string;
  category?: string;
}

const option = (value: string, label: string): PlainTextOption => ({ text: plain(label), value });

function textInput(
  blockId: string,
  label: string,
  opts: { multiline?: boolean; optional?: boolean; max?: number; placeholder?: string; initial?: string; hint?: string },
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
      ...(opts.max ? { max_length: opts.max } : {}),
      ...(opts.placeholder ? { placeholder: plain(opts.placeholder) } : {}),
      // Prefilled text is the person's own (a message they sent): given back as typed, in a form Slack can take.
      ...(opts.initial ? { initial_value: wellFormed(opts.initial) } : {}),
    },
  };
}

function select(
  blockId: string,
  label: string,
  options: PlainTextOption[],
  opts: { optional: boolean; placeholder: string; initial?: string },
): InputBlock {
  const initial = options.find((o) => o.value === opts.initial);
  return {
    type: 'input',
    block_id: blockId,
    optional: opts.optional,
    label: plain(label),
    element: {
      type: 'static_select',
      action_id: FIELD_ACTION,
      placeholder: plain(opts.placeholder),
      options,
      ...(initial ? { initial_option: initial } : {}),
    },
  };
}

/**
 * The feedback or flag modal, prefilled when it comes from a message. The revenue at stake is asked in
 * the workspace's `currency` (ISO 4217), the one the card and the digest show it in.
 */
export function buildItemModal(t: Messages, meta: ModalMetadata, currency: string, prefill: ModalPrefill = {}): ModalView {
  const blocks: KnownBlock[] = [section(meta.kind === 'flag' ? t.modal.flagIntro : t.modal.feedbackIntro)];
  if (meta.sourcePermalink) blocks.push(context(t.modal.sourceLink(meta.sourcePermalink)));
  if (meta.kind === 'feedback') {
    blocks.push(
      select(
        FIELDS.category,
        t.modal.category,
        CATEGORIES.map((c) => option(c, t.category[c])),
        {
          optional: false,
          placeholder: t.modal.categoryPlaceholder,
          initial: prefill.category ?? 'need',
        },
      ),
      textInput(FIELDS.text, t.modal.text, { multiline: true, max: MAX_TEXT, placeholder: t.modal.textPlaceholder, initial: prefill.text }),
      textInput(FIELDS.product, t.modal.product, { optional: true, max: MAX_SHORT_FIELD }),
      textInput(FIELDS.customer, t.modal.customer, { optional: true, max: MAX_SHORT_FIELD }),
      textInput(FIELDS.revenue, t.modal.revenue(currency), { optional: true, max: 20, hint: t.modal.revenueHint }),
      select(
        FIELDS.urgency,
        t.modal.urgency,
        URGENCIES.map((u) => option(u, t.urgency[u])),
        {
          optional: true,
          placeholder: t.modal.categoryPlaceholder,
        },
      ),
      textInput(FIELDS.competitor, t.modal.competitor, { optional: true, max: MAX_SHORT_FIELD }),
    );
  } else {
    blocks.push(
      textInput(FIELDS.text, t.modal.flagText, {
        multiline: true,
        max: MAX_TEXT,
        placeholder: t.modal.flagTextPlaceholder,
        initial: prefill.text,
      }),
      textInput(FIELDS.customerNeed, t.modal.customerNeed, { multiline: true, max: MAX_LONG_FIELD }),
      textInput(FIELDS.reason, t.modal.reason, { multiline: true, optional: true, max: MAX_LONG_FIELD }),
      textInput(FIELDS.product, t.modal.product, { optional: true, max: MAX_SHORT_FIELD }),
    );
  }
  return {
    type: 'modal',
    callback_id: meta.kind === 'flag' ? VIEWS.flag : VIEWS.feedback,
    title: plain(meta.kind === 'flag' ? t.modal.flagTitle : t.modal.feedbackTitle),
    submit: plain(t.modal.submit),
    close: plain(t.modal.close),
    private_metadata: JSON.stringify(meta),
    blocks,
  };
}
