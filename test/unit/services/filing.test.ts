import { describe, expect, it } from 'vitest';
import { quickItem } from '../../../src/services/filing.js';

const EMPTY = { product: null, customer: null, revenue: null, urgency: null, competitor: null, customer_need: null, reason: null };

describe('quickItem', () => {
  it('files quick feedback with the category of its prefix', () => {
    expect(quickItem('feedback', 'idea: offline mode')).toEqual({ kind: 'feedback', category: 'idea', text: 'offline mode', ...EMPTY });
    expect(quickItem('feedback', 'besoin : SSO')).toEqual({ kind: 'feedback', category: 'need', text: 'SSO', ...EMPTY });
  });

  it('files quick feedback without a prefix with its kind left open and the text trimmed', () => {
    expect(quickItem('feedback', '  customers ask for SSO  ')).toEqual({
      kind: 'feedback',
      category: null,
      text: 'customers ask for SSO',
      ...EMPTY,
    });
  });

  it('a flag takes the whole text, a prefix included, and has no category', () => {
    expect(quickItem('flag', '  idea: the deck is outdated ')).toEqual({
      kind: 'flag',
      category: null,
      text: 'idea: the deck is outdated',
      ...EMPTY,
    });
  });

  it('a `constructor:` prefix files plain feedback, never a category that is not a string', () => {
    const item = quickItem('feedback', 'constructor: the builder persona');
    expect(item.category).toBeNull();
    expect(item.text).toBe('constructor: the builder persona');
  });

  it('leaves every other field empty', () => {
    const item = quickItem('flag', 'x');
    expect(item.customer_need).toBeNull();
    expect(Object.keys(item).sort()).toEqual(
      ['kind', 'category', 'text', 'product', 'customer', 'revenue', 'urgency', 'competitor', 'customer_need', 'reason'].sort(),
    );
  });

  it('keeps user text as typed: escaping is for when it is shown', () => {
    expect(quickItem('feedback', 'R&D wants <!channel>').text).toBe('R&D wants <!channel>');
  });
});
