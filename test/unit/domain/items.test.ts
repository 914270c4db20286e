import { describe, expect, it } from 'vitest';
import {
  checkText,
  type FieldError,
  isCategory,
  isUrgency,
  MAX_LONG_FIELD,
  MAX_SHORT_FIELD,
  MAX_TEXT,
  NO_DETAILS,
  parseQuickFeedback,
  shownLength,
  validateItemForm,
} from '../../../src/domain/items.js';

const fieldsOf = (errors: FieldError[]) => errors.map((e) => e.field).sort();

function validOrThrow(result: ReturnType<typeof validateItemForm>) {
  if (!result.ok) throw new Error(`expected a valid form, got ${JSON.stringify(result.errors)}`);
  return result.item;
}

function errorsOf(result: ReturnType<typeof validateItemForm>): FieldError[] {
  if (result.ok) throw new Error('expected errors, got a valid form');
  return result.errors;
}

describe('shownLength', () => {
  it('counts text as it is shown once escaped', () => {
    expect(shownLength('abc')).toBe(3);
    expect(shownLength('&')).toBe(5);
    expect(shownLength('<>')).toBe(8);
  });
});

describe('checkText', () => {
  it('accepts text and trims it', () => {
    expect(checkText('  offline mode  ')).toEqual({ ok: true, text: 'offline mode' });
  });

  it('refuses empty or blank text', () => {
    expect(checkText('')).toEqual({ ok: false, reason: 'empty' });
    expect(checkText('  \n\t ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('measures the length after escaping: 1,000 `&` characters are 5,000 shown, too long', () => {
    expect(checkText('&'.repeat(1000))).toEqual({ ok: false, reason: 'too_long', length: 5000, max: MAX_TEXT });
  });

  it('accepts text that is exactly the maximum once shown, and refuses one character more', () => {
    expect(checkText('&'.repeat(600)).ok).toBe(true);
    expect(checkText('&'.repeat(601))).toEqual({ ok: false, reason: 'too_long', length: 3005, max: 3000 });
    expect(checkText('a'.repeat(MAX_TEXT)).ok).toBe(true);
    expect(checkText('a'.repeat(MAX_TEXT + 1))).toMatchObject({ ok: false, reason: 'too_long', length: 3001 });
  });

  it('ignores surrounding spaces when it measures', () => {
    expect(checkText(`   ${'a'.repeat(MAX_TEXT)}   `).ok).toBe(true);
  });

  it('takes another maximum when given one', () => {
    expect(checkText('<<', 5)).toEqual({ ok: false, reason: 'too_long', length: 8, max: 5 });
    expect(checkText('abcde', 5).ok).toBe(true);
  });
});

describe('parseQuickFeedback', () => {
  it.each([
    ['need: an SSO login', 'need', 'an SSO login'],
    ['objection: too expensive', 'objection', 'too expensive'],
    ['competitor: Acme is cheaper', 'competitor', 'Acme is cheaper'],
    ['competition: Acme is cheaper', 'competitor', 'Acme is cheaper'],
    ['idea: offline mode', 'idea', 'offline mode'],
    ['praise: they love the new app', 'praise', 'they love the new app'],
  ] as const)('files English `%s` in its category', (raw, category, text) => {
    expect(parseQuickFeedback(raw)).toEqual({ category, text });
  });

  it.each([
    ['besoin : une connexion SSO', 'need', 'une connexion SSO'],
    ['concurrent : Acme est moins cher', 'competitor', 'Acme est moins cher'],
    ['concurrence: Acme', 'competitor', 'Acme'],
    ['idée : mode hors ligne', 'idea', 'mode hors ligne'],
    ['idee: mode hors ligne', 'idea', 'mode hors ligne'],
    ['bravo : ils adorent', 'praise', 'ils adorent'],
    ['compliment: ils adorent', 'praise', 'ils adorent'],
  ] as const)('files French `%s` in its category', (raw, category, text) => {
    expect(parseQuickFeedback(raw)).toEqual({ category, text });
  });

  it('reads the prefix whatever its case, accents included', () => {
    expect(parseQuickFeedback('IDEA: dark mode')).toEqual({ category: 'idea', text: 'dark mode' });
    expect(parseQuickFeedback('IDÉE : mode sombre')).toEqual({ category: 'idea', text: 'mode sombre' });
  });

  it('keeps every line of the text after the prefix', () => {
    expect(parseQuickFeedback('  need:\n first line\nsecond line  ')).toEqual({ category: 'need', text: 'first line\nsecond line' });
  });

  it('without a known prefix, the whole text is the feedback and its kind is left open', () => {
    expect(parseQuickFeedback('  customers ask for SSO ')).toEqual({ category: null, text: 'customers ask for SSO' });
    expect(parseQuickFeedback('Note: call them back')).toEqual({ category: null, text: 'Note: call them back' });
  });

  it('a link is not mistaken for a prefix', () => {
    expect(parseQuickFeedback('https://example.com/page')).toEqual({ category: null, text: 'https://example.com/page' });
  });

  it('a prefix with nothing after it is kept as the text', () => {
    expect(parseQuickFeedback('idea:')).toEqual({ category: null, text: 'idea:' });
    expect(parseQuickFeedback('idea:   ')).toEqual({ category: null, text: 'idea:' });
  });

  it('a word that names an inherited object property is not a prefix', () => {
    for (const word of ['constructor', 'Constructor']) {
      expect(parseQuickFeedback(`${word}: hello`), word).toEqual({ category: null, text: `${word}: hello` });
    }
  });

  it('only a prefix at the very start counts', () => {
    expect(parseQuickFeedback('my idea: offline')).toEqual({ category: null, text: 'my idea: offline' });
  });
});

describe('isCategory and isUrgency', () => {
  it('accept the known values only', () => {
    expect(['need', 'objection', 'competitor', 'idea', 'praise'].every(isCategory)).toBe(true);
    expect(isCategory('bug')).toBe(false);
    expect(isCategory(undefined)).toBe(false);
    expect(['low', 'medium', 'high'].every(isUrgency)).toBe(true);
    expect(isUrgency('urgent')).toBe(false);
  });
});

describe('validateItemForm', () => {
  it('a feedback with only its text is valid, every optional field empty', () => {
    expect(validOrThrow(validateItemForm({ kind: 'feedback', text: ' offline mode ' }))).toEqual({
      kind: 'feedback',
      category: null,
      text: 'offline mode',
      ...NO_DETAILS,
    });
  });

  it('a complete feedback keeps every field, trimmed', () => {
    const item = validOrThrow(
      validateItemForm({
        kind: 'feedback',
        category: 'competitor',
        text: 'Acme offers SSO',
        product: ' Terrain Pro ',
        customer: 'Globex',
        revenue: '50000',
        urgency: 'high',
        competitor: 'Acme',
        reason: 'they compare',
      }),
    );
    expect(item).toMatchObject({
      category: 'competitor',
      product: 'Terrain Pro',
      customer: 'Globex',
      revenue: 50000,
      urgency: 'high',
      competitor: 'Acme',
      reason: 'they compare',
    });
  });

  it('requires the text of a feedback', () => {
    expect(errorsOf(validateItemForm({ kind: 'feedback' }))).toEqual([{ field: 'text', code: 'empty' }]);
    expect(errorsOf(validateItemForm({ kind: 'feedback', text: '   ' }))).toEqual([{ field: 'text', code: 'empty' }]);
  });

  it('does not require the customer need of a feedback, and drops one it is given', () => {
    const item = validOrThrow(validateItemForm({ kind: 'feedback', text: 'x', customerNeed: 'a need' }));
    expect(item.customer_need).toBeNull();
  });

  it('requires both the text and the customer need of a flag', () => {
    expect(fieldsOf(errorsOf(validateItemForm({ kind: 'flag' })))).toEqual(['customer_need', 'text']);
    expect(errorsOf(validateItemForm({ kind: 'flag', text: 'the deck is outdated', customerNeed: '  ' }))).toEqual([
      { field: 'customer_need', code: 'empty' },
    ]);
  });

  it('a flag with its text and customer need is valid, and has no category', () => {
    const item = validOrThrow(
      validateItemForm({ kind: 'flag', category: 'idea', text: 'the deck is outdated', customerNeed: 'current prices', reason: 'old' }),
    );
    expect(item).toMatchObject({
      kind: 'flag',
      category: null,
      text: 'the deck is outdated',
      customer_need: 'current prices',
      reason: 'old',
    });
  });

  it('an unknown category or urgency is left empty, not refused', () => {
    const item = validOrThrow(validateItemForm({ kind: 'feedback', text: 'x', category: 'bug', urgency: 'asap' }));
    expect(item.category).toBeNull();
    expect(item.urgency).toBeNull();
  });

  it.each([
    ['50 000', 50000],
    ['50,000', 50000],
    ['50_000', 50000],
    ['50\u00a0000', 50000],
    ['50\u202f000', 50000],
    ['  1200  ', 1200],
    ['0', 0],
    ['50.000', 50000],
    ['1.250.000', 1250000],
    ['€50', 50],
    ['50 000 €', 50000],
  ])('reads the revenue "%s" as %d', (revenue, expected) => {
    expect(validOrThrow(validateItemForm({ kind: 'feedback', text: 'x', revenue })).revenue).toBe(expected);
  });

  it.each(['-3', 'abc', '50k', '12.6', '49,99', '5.00', '0x10', 'Infinity', '1e14', '99999999999999'])(
    'refuses the revenue "%s" on its field',
    (revenue) => {
      expect(errorsOf(validateItemForm({ kind: 'feedback', text: 'x', revenue }))).toEqual([{ field: 'revenue', code: 'invalid_revenue' }]);
    },
  );

  it('an empty revenue is no revenue', () => {
    expect(validOrThrow(validateItemForm({ kind: 'feedback', text: 'x', revenue: '  ' })).revenue).toBeNull();
  });

  it('measures short fields after escaping: 30 `&` fit in a product, 31 do not', () => {
    expect(validateItemForm({ kind: 'feedback', text: 'x', product: '&'.repeat(30) }).ok).toBe(true);
    expect(errorsOf(validateItemForm({ kind: 'feedback', text: 'x', product: '&'.repeat(31) }))).toEqual([
      { field: 'product', code: 'too_long', length: 155, max: MAX_SHORT_FIELD },
    ]);
  });

  it('measures long fields after escaping', () => {
    expect(validateItemForm({ kind: 'flag', text: 'x', customerNeed: 'a'.repeat(MAX_LONG_FIELD) }).ok).toBe(true);
    expect(errorsOf(validateItemForm({ kind: 'flag', text: 'x', customerNeed: '<'.repeat(MAX_LONG_FIELD / 4 + 1) }))).toEqual([
      { field: 'customer_need', code: 'too_long', length: MAX_LONG_FIELD + 4, max: MAX_LONG_FIELD },
    ]);
  });

  it('reports every problem against its own field, all at once', () => {
    const errors = errorsOf(
      validateItemForm({
        kind: 'flag',
        text: '&'.repeat(1000),
        product: 'p'.repeat(151),
        customer: 'c'.repeat(151),
        competitor: 'k'.repeat(151),
        reason: 'r'.repeat(1001),
        revenue: 'abc',
      }),
    );
    expect(fieldsOf(errors)).toEqual(['competitor', 'customer', 'customer_need', 'product', 'reason', 'revenue', 'text']);
    expect(errors).toContainEqual({ field: 'text', code: 'too_long', length: 5000, max: MAX_TEXT });
    expect(errors).toContainEqual({ field: 'customer_need', code: 'empty' });
    expect(errors).toContainEqual({ field: 'reason', code: 'too_long', length: 1001, max: MAX_LONG_FIELD });
    expect(errors).toContainEqual({ field: 'revenue', code: 'invalid_revenue' });
  });
});
