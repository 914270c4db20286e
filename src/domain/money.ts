/**
 * Amounts at stake, in the workspace's currency (ISO 4217), written the way the reader's language writes
 * money: `€50,000` for an English reader, `50 000 €` for a French one.
 */

/** The currencies the settings offer: those of the teams Terrain is used by, most common first. */
export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'AUD', 'JPY', 'SEK', 'NOK', 'DKK', 'PLN', 'BRL', 'INR', 'SGD'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const isCurrency = (v: unknown): v is Currency => typeof v === 'string' && (CURRENCIES as readonly string[]).includes(v);

/** Until a workspace picks one: euros for a French-speaking workspace, dollars otherwise. */
export function defaultCurrency(locale: string): Currency {
  return locale === 'fr' ? 'EUR' : 'USD';
}

const tag = (locale: string) => (locale === 'fr' ? 'fr-FR' : 'en-US');

/** A whole amount with its currency, in the reader's language. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(tag(locale), { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

/** `EUR · Euro`, `EUR · euro`: how the settings list a currency. */
export function currencyLabel(currency: string, locale: string): string {
  let name = currency;
  try {
    name = new Intl.DisplayNames([locale], { type: 'currency' }).of(currency) ?? currency;
  } catch {
    // Not a code Intl knows: shown as it is.
  }
  return `${currency} · ${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}
