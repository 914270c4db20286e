import type { KnownBlock, ModalView } from '@slack/types';
import type { ItemKind, ItemStatus } from '../../db/schema.js';
import { escapeMrkdwn, truncate } from '../domain/escape.js';
import { MAX_LONG_FIELD, MAX_SHORT_FIELD } from '../domain/items.js';
import { mentionUser } from '../domain/slack-ids.js';
import { type Audience, isReopening, type TriageStatus } from '../domain/triage.js';
import type { Messages } from '../i18n/index.js';
import { ACTIONS, CUSTOMER_FIELDS, FIELD_ACTION, TRIAGE_FIELDS, VIEWS } from '../ids.js';
import { STATUS_EMOJI } from './card.js';
import { context, type MessageContent, plain, section } from './kit.js';

/** What the triage and add-customer modals carry from opening to submission. */
export interface ItemModalMetadata {
  itemId: number;
  /** The move asked for (triage modals). */
  to?: TriageStatus;
  /** The language the modal was opened in: its errors speak it too. */
  locale: string;
}

/** An item as a modal or a message names it: its text, short, quoted and escaped. */
export const quoted = (text: string, max = 120) => `“${escapeMrkdwn(truncate(text.replace(/\s+/g, ' ').trim(), max))}”`;

function textInput(
  blockId: string,
  label: string,
  o: { optional: boolean; max: number; multiline: boolean; placeholder?: string; hint?: string },
) {
  return {
    type: 'input' as const,
    block_id: blockId,
    optional: o.optional,
    label: plain(label),
    ...(o.hint ? { hint: plain(o.hint) } : {}),
    element: {
      type: 'plain_text_input' as const,
      action_id: FIELD_ACTION,
      multiline: o.multiline,
      max_length: o.max,
      ...(o.placeholder ? { placeholder: plain(o.placeholder) } : {}),
    },
  };
}

/**
 * The modal behind "Decline…" (why, required; what we do instead, optional) and behind "… with a note"
 * (the note the field will read).
 */
export function buildStatusModal(
  t: Messages,
  meta: ItemModalMetadata & { to: TriageStatus },
  item: { text: string; status: ItemStatus },
): ModalView {
  const declining = meta.to === 'declined';
  const status = isReopening(item.status, meta.to) ? t.loop.reopened : t.status[meta.to];
  const blocks: KnownBlock[] = declining
    ? [
        section(t.triage.declineIntro(quoted(item.text))),
        textInput(TRIAGE_FIELDS.reason, t.triage.reasonLabel, {
          optional: false,
          max: MAX_LONG_FIELD,
          multiline: true,
          placeholder: t.triage.reasonPlaceholder,
        }),
        textInput(TRIAGE_FIELDS.note, t.triage.declineNoteLabel, { optional: true, max: MAX_LONG_FIELD, multiline: true }),
      ]
    : [
        section(t.triage.move(status, quoted(item.text))),
        textInput(TRIAGE_FIELDS.note, t.triage.noteLabel, {
          optional: false,
          max: MAX_LONG_FIELD,
          multiline: true,
          placeholder: t.triage.notePlaceholder,
        }),
      ];
  return {
    type: 'modal',
    callback_id: declining ? VIEWS.declineReason : VIEWS.statusNote,
    title: plain(declining ? t.triage.declineTitle : t.triage.noteTitle),
    submit: plain(declining ? t.triage.submitDecline : t.triage.submitMove),
    close: plain(t.modal.close),
    private_metadata: JSON.stringify(meta),
    blocks,
  };
}

/** The add-customer modal: account (required), revenue at stake in the workspace's currency, note. */
export function buildAddCustomerModal(t: Messages, meta: ItemModalMetadata, item: { text: string }, currency: string): ModalView {
  return {
    type: 'modal',
    callback_id: VIEWS.addCustomer,
    title: plain(t.customers.title),
    submit: plain(t.customers.submit),
    close: plain(t.modal.close),
    private_metadata: JSON.stringify(meta),
    blocks: [
      section(t.customers.intro(quoted(item.text))),
      textInput(CUSTOMER_FIELDS.account, t.customers.account, {
        optional: false,
        max: MAX_SHORT_FIELD,
        multiline: false,
        placeholder: t.customers.accountPlaceholder,
      }),
      textInput(CUSTOMER_FIELDS.revenue, t.customers.revenue(currency), {
        optional: true,
        max: 20,
        multiline: false,
        hint: t.customers.revenueHint,
      }),
      textInput(CUSTOMER_FIELDS.note, t.customers.note, {
        optional: true,
        max: MAX_LONG_FIELD,
        multiline: true,
        placeholder: t.customers.notePlaceholder,
      }),
    ],
  };
}

export interface StatusUpdate {
  item: { id: number; kind: ItemKind; text: string };
  from: ItemStatus;
  to: ItemStatus;
  by: string;
  note: string | null;
  reason: string | null;
  audience: Audience;
  /** The card's permalink, when Slack gave it. */
  link: string | null;
}

const muteButton = (value: 'mute' | 'unmute', label: string) => ({
  type: 'actions' as const,
  elements: [{ type: 'button' as const, action_id: ACTIONS.muteUpdates, value, text: plain(label) }],
});

/**
 * The direct message that tells one person what became of an item they raised, voted for or added a
 * customer to: the new status, the decline reason and marketing's note, who moved it, a link to the card,
 * and one click to mute these messages.
 */
export function buildStatusUpdate(t: Messages, u: StatusUpdate): MessageContent {
  const status = isReopening(u.from, u.to) ? t.loop.reopened : t.status[u.to];
  const headline = t.loop.headline(STATUS_EMOJI[u.to], status, quoted(u.item.text, 150));
  const blocks: KnownBlock[] = [section(headline)];
  if (u.reason) blocks.push(section(t.card.declineReason(escapeMrkdwn(u.reason))));
  if (u.note) blocks.push(section(t.card.note(escapeMrkdwn(u.note))));
  const why = u.to === 'shipped' ? `${t.loop.why[u.audience]} ${t.loop.thanks[u.audience]}` : t.loop.why[u.audience];
  const by = mentionUser(u.by);
  blocks.push(context(why, ...(by ? [t.loop.movedBy(by)] : []), ...(u.link ? [t.loop.seeCard(u.link)] : [])));
  blocks.push(muteButton('mute', t.loop.mute));
  return { text: `${status}: ${quoted(u.item.text, 150)}`, blocks };
}

/** The private answer to "Mute these updates" (and to its undo), with the button that undoes it. */
export function buildMuteAnswer(t: Messages, muted: boolean): MessageContent {
  const text = muted ? t.loop.muted : t.loop.unmuted;
  return { text, blocks: [section(text), muteButton(muted ? 'unmute' : 'mute', muted ? t.loop.undo : t.loop.mute)] };
}

/**
 * The reply in a shipped card's thread: the field credited by name (who raised it, who brought customers)
 * and the voters counted, not named. Mentions here are the point: they are the thank-you.
 */
export function buildShippedCredit(
  t: Messages,
  c: { authorId: string; customerAdders: readonly string[]; votes: number; note: string | null },
): MessageContent {
  const author = mentionUser(c.authorId);
  const adders = c.customerAdders
    .filter((u) => u !== c.authorId)
    .map(mentionUser)
    .filter((m) => m !== '')
    .slice(0, 20)
    .join(', ');
  const line = adders ? t.loop.shippedCreditWithCustomers(author, adders, c.votes) : t.loop.shippedCredit(author, c.votes);
  const blocks: KnownBlock[] = [section(line)];
  if (c.note) blocks.push(section(t.card.note(escapeMrkdwn(c.note))));
  return { text: line, blocks };
}
