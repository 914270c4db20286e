import type { AnyBlock, InputBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { buildItemModal, type ModalMetadata } from '../../../src/blocks/modals.js';
import { en } from '../../../src/i18n/en.js';
import { fr } from '../../../src/i18n/fr.js';
import { FIELD_ACTION, FIELDS, VIEWS } from '../../../src/ids.js';

const inputs = (blocks: AnyBlock[]) => blocks.filter((b): b is InputBlock => b.type === 'input');
const byId = (blocks: AnyBlock[], id: string) => inputs(blocks).find((b) => b.block_id === id);
const element = (block: InputBlock | undefined) => block?.element as unknown as Record<string, unknown>;

describe('buildItemModal', () => {
  const feedbackMeta: ModalMetadata = {
    kind: 'feedback',
    locale: 'en',
    channelId: 'C0123',
    responseUrl: 'https://hooks.slack.com/commands/T1/1/abc',
  };
  const flagMeta: ModalMetadata = { kind: 'flag', locale: 'fr' };

  it('the feedback modal has its callback id and the feedback fields, in order', () => {
    const view = buildItemModal(en, feedbackMeta, 'USD');
    expect(view.type).toBe('modal');
    expect(view.callback_id).toBe(VIEWS.feedback);
    expect(view.callback_id).toBe('terrain_feedback_modal');
    expect(inputs(view.blocks).map((b) => b.block_id)).toEqual([
      FIELDS.category,
      FIELDS.text,
      FIELDS.product,
      FIELDS.customer,
      FIELDS.revenue,
      FIELDS.urgency,
      FIELDS.competitor,
    ]);
  });

  it('prefills the text as the person wrote it, with a lone surrogate (half an emoji) made one Slack can take', () => {
    const view = buildItemModal(en, feedbackMeta, 'USD', { text: 'Offline <!channel> \u{1F600} cut \uD83D' });
    const text = inputs(view.blocks).find((b) => b.block_id === FIELDS.text);
    expect(text?.element).toMatchObject({ initial_value: 'Offline <!channel> \u{1F600} cut \uFFFD' });
  });

  it('asks the revenue at stake in the workspace’s currency, not “your usual currency”', () => {
    const revenue = (view: ReturnType<typeof buildItemModal>) => inputs(view.blocks).find((b) => b.block_id === FIELDS.revenue);
    expect(revenue(buildItemModal(en, feedbackMeta, 'EUR'))).toMatchObject({
      label: { text: 'Revenue at stake (EUR)' },
      hint: { text: 'Whole amount, such as 50000' },
    });
    expect(revenue(buildItemModal(fr, { ...feedbackMeta, locale: 'fr' }, 'CHF'))?.label.text).toBe('Chiffre d’affaires en jeu (CHF)');
    expect(JSON.stringify(buildItemModal(en, feedbackMeta, 'USD').blocks)).not.toContain('usual currency');
    expect(JSON.stringify(buildItemModal(fr, feedbackMeta, 'EUR').blocks)).not.toContain('devise habituelle');
  });

  it('the flag modal has its callback id and the flag fields', () => {
    const view = buildItemModal(fr, flagMeta, 'EUR');
    expect(view.callback_id).toBe(VIEWS.flag);
    expect(inputs(view.blocks).map((b) => b.block_id)).toEqual([FIELDS.text, FIELDS.customerNeed, FIELDS.reason, FIELDS.product]);
  });

  it('every input answers to the action id `value`', () => {
    for (const view of [buildItemModal(en, feedbackMeta, 'USD'), buildItemModal(en, flagMeta, 'USD')]) {
      for (const block of inputs(view.blocks)) expect(element(block).action_id, block.block_id).toBe(FIELD_ACTION);
    }
  });

  it('the flag modal requires the text and the customer need, the reason is optional', () => {
    const blocks = buildItemModal(en, flagMeta, 'USD').blocks;
    expect(byId(blocks, FIELDS.text)?.optional).toBe(false);
    expect(byId(blocks, FIELDS.customerNeed)?.optional).toBe(false);
    expect(byId(blocks, FIELDS.reason)?.optional).toBe(true);
    expect(byId(blocks, FIELDS.product)?.optional).toBe(true);
  });

  it('the feedback modal requires its kind and text, nothing else', () => {
    const blocks = buildItemModal(en, feedbackMeta, 'USD').blocks;
    const required = inputs(blocks)
      .filter((b) => !b.optional)
      .map((b) => b.block_id);
    expect(required).toEqual([FIELDS.category, FIELDS.text]);
  });

  it('carries its metadata as JSON in private_metadata', () => {
    const meta: ModalMetadata = {
      kind: 'feedback',
      locale: 'fr',
      channelId: 'C0123',
      responseUrl: 'https://hooks.slack.com/commands/T1/1/abc',
      sourceChannelId: 'C0999',
      sourceTs: '1700000000.000100',
      sourcePermalink: 'https://acme.slack.com/archives/C0999/p1700000000000100',
    };
    const view = buildItemModal(en, meta, 'USD');
    expect(JSON.parse(view.private_metadata ?? '')).toEqual(meta);
    expect((view.private_metadata ?? '').length).toBeLessThanOrEqual(3000);
  });

  it('offers every category and urgency, and picks `need` unless told otherwise', () => {
    const blocks = buildItemModal(en, feedbackMeta, 'USD').blocks;
    const category = element(byId(blocks, FIELDS.category));
    expect(category.type).toBe('static_select');
    expect((category.options as { value: string }[]).map((o) => o.value)).toEqual(['need', 'objection', 'competitor', 'idea', 'praise']);
    expect((category.initial_option as { value: string }).value).toBe('need');
    const urgency = element(byId(blocks, FIELDS.urgency));
    expect((urgency.options as { value: string }[]).map((o) => o.value)).toEqual(['low', 'medium', 'high']);
    expect(urgency.initial_option).toBeUndefined();
  });

  it('is prefilled with the text and category it is given', () => {
    const blocks = buildItemModal(en, feedbackMeta, 'USD', { text: 'from a message', category: 'objection' }).blocks;
    expect(element(byId(blocks, FIELDS.text)).initial_value).toBe('from a message');
    expect((element(byId(blocks, FIELDS.category)).initial_option as { value: string }).value).toBe('objection');
  });

  it('an unknown prefilled category selects nothing rather than an invalid option', () => {
    const blocks = buildItemModal(en, feedbackMeta, 'USD', { category: 'bug' }).blocks;
    expect(element(byId(blocks, FIELDS.category)).initial_option).toBeUndefined();
  });

  it('limits what can be typed to what a card can hold', () => {
    const blocks = buildItemModal(en, flagMeta, 'USD').blocks;
    expect(element(byId(blocks, FIELDS.text)).max_length).toBe(3000);
    expect(element(byId(blocks, FIELDS.customerNeed)).max_length).toBe(1000);
    expect(element(byId(blocks, FIELDS.product)).max_length).toBe(150);
  });

  it('links the message it comes from, and only then', () => {
    const withSource = buildItemModal(en, { ...feedbackMeta, sourcePermalink: 'https://acme.slack.com/archives/C1/p1' }, 'USD');
    expect(JSON.stringify(withSource.blocks)).toContain('<https://acme.slack.com/archives/C1/p1|this message>');
    expect(JSON.stringify(buildItemModal(en, feedbackMeta, 'USD').blocks)).not.toContain('this message');
  });

  it('speaks the language of its catalogue and keeps titles within Slack limits', () => {
    const view = buildItemModal(fr, flagMeta, 'EUR');
    expect(view.title.text).toBe('Signaler un écart');
    expect(view.submit?.text).toBe('Envoyer');
    expect(view.close?.text).toBe('Annuler');
    for (const v of [view, buildItemModal(en, feedbackMeta, 'USD')]) {
      expect(v.title.text.length).toBeLessThanOrEqual(24);
      expect(v.blocks.length).toBeLessThanOrEqual(100);
    }
  });
});
