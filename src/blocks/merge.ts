import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Item } from '../../db/schema.js';
import { quote, truncate } from '../domain/escape.js';
import type { MergePlan } from '../domain/merge.js';
import type { Messages } from '../i18n/index.js';
import { FIELD_ACTION, MERGE_FIELDS, VIEWS } from '../ids.js';
import { type MessageContent, plain, section } from './kit.js';

/** What the merge modal carries from opening to submission. */
export interface MergeModalMetadata {
  duplicateId: number;
  locale: string;
}

/** Options a static select may hold, and how long an option's label may be. */
const MAX_OPTIONS = 100;
const OPTION_TEXT = 75;

/**
 * "Merge a duplicate": the duplicate quoted, the items that look like it to pick from, or the number of
 * the original to type (for one the search did not offer).
 */
export function buildMergeModal(
  t: Messages,
  duplicate: Pick<Item, 'id' | 'text'>,
  candidates: ReadonlyArray<Pick<Item, 'id' | 'text'>>,
  locale: string,
): ModalView {
  const meta: MergeModalMetadata = { duplicateId: duplicate.id, locale };
  const options: PlainTextOption[] = candidates.slice(0, MAX_OPTIONS).map((c) => {
    const handle = t.search.handle(c.id);
    return {
      text: plain(`${handle} ${truncate(c.text.replace(/\s+/g, ' ').trim(), OPTION_TEXT - handle.length - 1)}`),
      value: String(c.id),
    };
  });
  const blocks: KnownBlock[] = [section(`${t.merge.modalIntro(t.search.handle(duplicate.id))}\n${quote(truncate(duplicate.text, 500))}`)];
  if (options.length > 0) {
    const pick: InputBlock = {
      type: 'input',
      block_id: MERGE_FIELDS.original,
      optional: true,
      label: plain(t.merge.pick),
      element: { type: 'static_select', action_id: FIELD_ACTION, placeholder: plain(t.merge.pickPlaceholder), options },
    };
    blocks.push(pick);
  }
  blocks.push({
    type: 'input',
    block_id: MERGE_FIELDS.number,
    optional: options.length > 0,
    label: plain(t.merge.byNumber),
    hint: plain(t.merge.byNumberHint),
    element: { type: 'plain_text_input', action_id: FIELD_ACTION, max_length: 12 },
  });
  return {
    type: 'modal',
    callback_id: VIEWS.mergeItem,
    title: plain(t.merge.modalTitle),
    submit: plain(t.merge.submit),
    close: plain(t.modal.close),
    private_metadata: JSON.stringify(meta),
    blocks,
  };
}

/** Why a merge was not done, or that it was done already: one friendly line for the person who asked. */
export function mergeAnswer(
  t: Messages,
  plan: Exclude<MergePlan, { ok: true; alreadyDone: false }>,
  asked: { duplicateId: number; originalId: number },
): string {
  const h = t.search.handle;
  if (plan.ok) return t.merge.alreadyDone(h(plan.duplicateId), h(plan.rootId));
  switch (plan.why) {
    case 'unknown_duplicate':
      return t.merge.unknown(h(asked.duplicateId));
    case 'unknown_original':
      return t.merge.unknown(h(asked.originalId));
    case 'same_item':
      return t.merge.sameItem(h(asked.duplicateId));
    case 'cycle':
      return t.merge.cycle(h(asked.duplicateId), h(asked.originalId));
    case 'already_merged':
      return t.merge.alreadyMerged(h(asked.duplicateId), h(plan.mergedInto));
  }
}

/** The thread reply on the original's card that credits the duplicate's author, with their words. */
export function buildMergeCredit(t: Messages, author: string, duplicate: Pick<Item, 'id' | 'text'>): MessageContent {
  const line = t.merge.credit(author, t.search.handle(duplicate.id));
  return { text: line, blocks: [section(`${line}\n${quote(truncate(duplicate.text, 600))}`)] };
}

/** A private message about a merge: the news, then the words of the item it is about, quoted. */
export function buildMergeNotice(text: string, about?: Pick<Item, 'text'>): MessageContent {
  return { text, blocks: about ? [section(text), section(quote(truncate(about.text, 300)))] : [section(text)] };
}
