import { describe, expect, it } from 'vitest';
import { CURRENCIES, currencyLabel, defaultCurrency, formatMoney, isCurrency } from '../../../src/domain/money.js';

const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  it('writes whole amounts with their currency, the reader’s way', () => {
    expect(formatMoney(50_000, 'EUR', 'en')).toBe('€50,000');
    expect(spaces(formatMoney(50_000, 'EUR', 'fr'))).toBe('50 000 €');
    expect(formatMoney(1_234_567.6, 'USD', 'en')).toBe('$1,234,568');
    expect(spaces(formatMoney(0, 'GBP', 'fr'))).toBe('0 £GB');
  });

  it('defaults to euros for a French workspace and to dollars otherwise', () => {
    expect(defaultCurrency('fr')).toBe('EUR');
    expect(defaultCurrency('en')).toBe('USD');
  });

  it('offers ISO codes every reader’s Intl knows, labelled in the reader’s language', () => {
    for (const c of CURRENCIES) {
      expect(isCurrency(c)).toBe(true);
      expect(() => formatMoney(1, c, 'fr')).not.toThrow();
    }
    expect(isCurrency('eur')).toBe(false);
    expect(currencyLabel('EUR', 'en')).toBe('EUR · Euro');
    expect(currencyLabel('EUR', 'fr')).toBe('EUR · Euro');
    expect(currencyLabel('USD', 'fr')).toBe('USD · Dollar des États-Unis');
  });
});
