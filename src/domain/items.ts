import type { FeedbackCategory, ItemKind, Urgency } from '../../db/schema.js';
import { escapeMrkdwn } from './escape.js';

/** A card's section holds 3,000 characters; the text is shown escaped, so that is what must fit. */
export const MAX_TEXT = 3000;
export const MAX_SHORT_FIELD = 150;
export const MAX_LONG_FIELD = 1000;

export const CATEGORIES: readonly FeedbackCategory[] = ['need', 'objection', 'competitor', 'idea', 'praise'];
export const URGENCIES: readonly Urgency[] = ['low', 'medium', 'high'];

export const isCategory = (v: unknown): v is FeedbackCategory => CATEGORIES.includes(v as FeedbackCategory);
export const isUrgency = (v: unknown): v is Urgency => URGENCIES.includes(v as Urgency);

/** How long text is once shown on a card. */
export function shownLength(text: string): number {
  return escapeMrkdwn(text).length;
}

export type TextCheck =
  | { ok: true; text: string }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'too_long'; length: number; max: number };

export function checkText(raw: string, max = MAX_TEXT): TextCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  const length = shownLength(text);
  if (length > max) return { ok: false, reason: 'too_long', length, max };
  return { ok: true, text };
}

const PREFIXES: Readonly<Record<string, FeedbackCategory>> = {
  need: 'need',
  besoin: 'need',
  objection: 'objection',
  competitor: 'competitor',
  competition: 'competitor',
  concurrent: 'competitor',
  concurrence: 'competitor',
  idea: 'idea',
  idee: 'idea',
  idée: 'idea',
  praise: 'praise',
  bravo: 'praise',
  compliment: 'praise',
};

/**
 * `/feedback idea: offline mode` files an idea; without a known `word:` prefix the whole text is the
 * feedback and its kind is left open.
 */
export function parseQuickFeedback(raw: string): { category: FeedbackCategory | null; text: string } {
  const text = raw.trim();
  const match = /^([\p{L}]+)\s*:\s*([\s\S]+)$/u.exec(text);
  const word = match?.[1]?.toLowerCase();
  const category = word && Object.hasOwn(PREFIXES, word) ? PREFIXES[word] : undefined;
  return category && match ? { category, text: match[2]!.trim() } : { category: null, text };
}

/** What the item modals hand back, before validation (all text as typed). */
export interface ItemFormValues {
  kind: ItemKind;
  category?: string | undefined;
  text?: string | undefined;
  product?: string | undefined;
  customer?: string | undefined;
  revenue?: string | undefined;
  urgency?: string | undefined;
  competitor?: string | undefined;
  customerNeed?: string | undefined;
  reason?: string | undefined;
}

/** The structured fields of an item filed as quick text: none given. */
export const NO_DETAILS = {
  product: null,
  customer: null,
  revenue: null,
  urgency: null,
  competitor: null,
  customer_need: null,
  reason: null,
} as const satisfies Partial<ValidItem>;

export interface ValidItem {
  kind: ItemKind;
  category: FeedbackCategory | null;
  text: string;
  product: string | null;
  customer: string | null;
  revenue: number | null;
  urgency: Urgency | null;
  competitor: string | null;
  customer_need: string | null;
  reason: string | null;
}

export type FieldError =
  | { field: string; code: 'empty' }
  | { field: string; code: 'too_long'; length: number; max: number }
  | { field: string; code: 'invalid_revenue' };

const optional = (v: string | undefined): string | null => {
  const t = v?.trim();
  return t ? t : null;
};

/**
 * A whole amount as people type it: `50000`, `50 000`, `50,000` or `50.000` (thousands separators in
 * groups of three, as in English and French), optionally with a currency sign. Decimals and anything
 * else are refused rather than guessed: `50.000` must never become 50.
 */
export function parseAmount(raw: string): number | null {
  const text = raw.trim().replace(/^[€$£]\s*|\s*[€$£]$|\s*(eur|usd|gbp)$/gi, '');
  const plain = /^\d{1,13}$/.test(text) ? text : /^\d{1,3}([ ,.\u00a0\u202f_]\d{3})+$/.test(text) ? text.replace(/\D/g, '') : null;
  if (plain === null || plain.length > 13) return null;
  return Number(plain);
}

/** Validates a modal's values; every problem is reported against its field. */
export function validateItemForm(v: ItemFormValues): { ok: true; item: ValidItem } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = checkText(v.text ?? '');
  if (!text.ok)
    errors.push(
      text.reason === 'empty' ? { field: 'text', code: 'empty' } : { field: 'text', code: 'too_long', length: text.length, max: text.max },
    );

  const limited = (field: string, value: string | undefined, max: number, required = false): string | null => {
    const t = optional(value);
    if (t === null) {
      if (required) errors.push({ field, code: 'empty' });
      return null;
    }
    const length = shownLength(t);
    if (length > max) errors.push({ field, code: 'too_long', length, max });
    return t;
  };

  const product = limited('product', v.product, MAX_SHORT_FIELD);
  const customer = limited('customer', v.customer, MAX_SHORT_FIELD);
  const competitor = limited('competitor', v.competitor, MAX_SHORT_FIELD);
  const customerNeed = limited('customer_need', v.customerNeed, MAX_LONG_FIELD, v.kind === 'flag');
  const reason = limited('reason', v.reason, MAX_LONG_FIELD);

  let revenue: number | null = null;
  const rawRevenue = optional(v.revenue);
  if (rawRevenue) {
    revenue = parseAmount(rawRevenue);
    if (revenue === null) errors.push({ field: 'revenue', code: 'invalid_revenue' });
  }

  if (errors.length > 0 || !text.ok) return { ok: false, errors };
  return {
    ok: true,
    item: {
      kind: v.kind,
      category: v.kind === 'feedback' && isCategory(v.category) ? v.category : null,
      text: text.text,
      product,
      customer,
      revenue,
      urgency: isUrgency(v.urgency) ? v.urgency : null,
      competitor,
      customer_need: v.kind === 'flag' ? customerNeed : null,
      reason,
    },
  };
}
