import type { AnyBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  buildAddCustomerModal,
  buildMuteAnswer,
  buildShippedCredit,
  buildStatusModal,
  buildStatusUpdate,
  type StatusUpdate,
} from '../../../src/blocks/triage.js';
import { en } from '../../../src/i18n/en.js';
import { fr } from '../../../src/i18n/fr.js';
import { CUSTOMER_FIELDS, TRIAGE_FIELDS, VIEWS } from '../../../src/ids.js';

const update = (over: Partial<StatusUpdate> = {}): StatusUpdate => ({
  item: { id: 42, kind: 'feedback', text: 'Customers want an offline mode' },
  from: 'new',
  to: 'planned',
  by: 'U0MKT',
  note: null,
  reason: null,
  audience: 'voter',
  link: 'https://acme.slack.com/archives/C0TERRAIN/p1700000000000100',
  ...over,
});

const sections = (blocks: AnyBlock[]) => blocks.filter((b) => b.type === 'section').map((b) => (b as { text: { text: string } }).text.text);
const contextOf = (blocks: AnyBlock[]) =>
  (blocks.find((b) => b.type === 'context') as { elements: { text: string }[] }).elements.map((e) => e.text);
const buttons = (blocks: AnyBlock[]) =>
  blocks.flatMap((b) =>
    b.type === 'actions' ? (b as { elements: { action_id: string; value: string; text: { text: string } }[] }).elements : [],
  );

describe('buildStatusUpdate', () => {
  it('tells a voter, in English, the new status, who moved it, a link to the card and one click to mute', () => {
    const dm = buildStatusUpdate(en, update());
    expect(sections(dm.blocks)).toEqual([':calendar: *Planned* · “Customers want an offline mode”']);
    expect(contextOf(dm.blocks)).toEqual([
      'You voted for this.',
      'Moved by <@U0MKT>',
      '<https://acme.slack.com/archives/C0TERRAIN/p1700000000000100|See the card>',
    ]);
    expect(buttons(dm.blocks)).toEqual([
      { type: 'button', action_id: 'mute_updates', value: 'mute', text: expect.objectContaining({ text: 'Mute these updates' }) },
    ]);
    expect(dm.text).toBe('Planned: “Customers want an offline mode”');
  });

  it('speaks French to a French reader, with the reason and marketing’s note of a decline', () => {
    const dm = buildStatusUpdate(
      fr,
      update({ to: 'declined', audience: 'author', reason: 'Pas pour le retail', note: 'On pousse l’export' }),
    );
    expect(sections(dm.blocks)).toEqual([
      ':no_entry_sign: *Refusé* · “Customers want an offline mode”',
      '*Raison du refus :* Pas pour le retail',
      '*Note du marketing :* On pousse l’export',
    ]);
    expect(contextOf(dm.blocks)[0]).toBe('Vous l’avez remonté.');
    expect(buttons(dm.blocks)[0]!.text.text).toBe('Ne plus recevoir ces nouvelles');
  });

  it('thanks the field when it ships, each for what they did; says "open again" when reopened', () => {
    expect(contextOf(buildStatusUpdate(en, update({ to: 'shipped', audience: 'customer' })).blocks)[0]).toBe(
      'You added a customer to this. Thank you for bringing the customer!',
    );
    expect(sections(buildStatusUpdate(en, update({ from: 'declined', to: 'acknowledged' })).blocks)[0]).toBe(
      ':eyes: *Open again* · “Customers want an offline mode”',
    );
  });

  it('escapes the item’s text, note and reason, and links nothing when Slack gave no link', () => {
    const dm = buildStatusUpdate(
      en,
      update({ item: { id: 1, kind: 'flag', text: '<!channel> hi' }, note: '<@U0EVIL>', reason: '<!here>', link: null }),
    );
    const json = JSON.stringify(dm.blocks);
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<@U0EVIL>');
    expect(json).not.toContain('<!here>');
    expect(json.match(/<[^>]*>/g)).toEqual(['<@U0MKT>']);
  });
});

describe('buildShippedCredit', () => {
  it('credits who raised it and who brought customers by name, and counts the voters', () => {
    const credit = buildShippedCredit(en, { authorId: 'U0A', customerAdders: ['U0A', 'U0C1', 'U0C2'], votes: 5, note: 'In v2.3' });
    expect(sections(credit.blocks)).toEqual([
      ':tada: *Shipped!* Raised by <@U0A>, with customers brought by <@U0C1>, <@U0C2>, backed by 5 votes. Thank you, field!',
      '*Marketing’s note:* In v2.3',
    ]);
    expect(buildShippedCredit(fr, { authorId: 'U0A', customerAdders: [], votes: 1, note: null }).text).toBe(
      ':tada: *Livré !* Remonté par <@U0A>, soutenu par 1 vote. Merci au terrain !',
    );
  });
});

describe('buildMuteAnswer', () => {
  it('says it is done and offers the undo; the undo offers muting again', () => {
    const muted = buildMuteAnswer(en, true);
    expect(muted.text).toContain('won’t send you updates');
    expect(buttons(muted.blocks).map((b) => [b.value, b.text.text])).toEqual([['unmute', 'Undo']]);
    expect(buttons(buildMuteAnswer(fr, false).blocks).map((b) => [b.value, b.text.text])).toEqual([
      ['mute', 'Ne plus recevoir ces nouvelles'],
    ]);
  });
});

describe('modals', () => {
  it('Decline asks why (required) and what instead (optional); a note move asks the note', () => {
    const decline = buildStatusModal(en, { itemId: 42, to: 'declined', locale: 'en' }, { text: 'Offline mode', status: 'new' });
    expect(decline.callback_id).toBe(VIEWS.declineReason);
    expect(decline.blocks.filter((b) => b.type === 'input').map((b) => [b.block_id, (b as { optional: boolean }).optional])).toEqual([
      [TRIAGE_FIELDS.reason, false],
      [TRIAGE_FIELDS.note, true],
    ]);
    expect(JSON.parse(decline.private_metadata!)).toEqual({ itemId: 42, to: 'declined', locale: 'en' });
    const note = buildStatusModal(fr, { itemId: 42, to: 'shipped', locale: 'fr' }, { text: 'Offline mode', status: 'planned' });
    expect(note.callback_id).toBe(VIEWS.statusNote);
    expect(sections(note.blocks)[0]).toContain('*Livré*');
    for (const m of [decline, note]) expect(m.title.text.length).toBeLessThanOrEqual(24);
  });

  it('the add-customer modal asks account, revenue in the workspace currency and note', () => {
    const modal = buildAddCustomerModal(fr, { itemId: 42, locale: 'fr' }, { text: 'Offline mode' }, 'EUR');
    expect(modal.callback_id).toBe(VIEWS.addCustomer);
    const inputs = modal.blocks.filter((b) => b.type === 'input') as Array<{
      block_id: string;
      optional: boolean;
      label: { text: string };
    }>;
    expect(inputs.map((b) => [b.block_id, b.optional])).toEqual([
      [CUSTOMER_FIELDS.account, false],
      [CUSTOMER_FIELDS.revenue, true],
      [CUSTOMER_FIELDS.note, true],
    ]);
    expect(inputs[1]!.label.text).toBe('Chiffre d’affaires en jeu (EUR)');
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
  });
});
