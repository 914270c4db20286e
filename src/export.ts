import { stringify } from 'csv-stringify/sync';
import type { CustomerRef } from '../db/customers.js';
import type { ItemWithVotes } from '../db/items.js';
import { tallyCustomers } from './domain/customers.js';

/** Export columns: the contract's first (id … votes), then the rest of what an item holds. */
export const EXPORT_COLUMNS = [
  'id',
  'kind',
  'status',
  'created_at',
  'author_id',
  'text',
  'votes',
  'team_id',
  'category',
  'product',
  'customer',
  'revenue',
  'urgency',
  'competitor',
  'customer_need',
  'reason',
  'author_side',
  'source_permalink',
  'card_channel_id',
  'card_ts',
  'updated_at',
  /** Accounts behind the item (its own customer and those added), each once. */
  'customers',
  /** The item's revenue plus its customers', each account once; empty when nobody gave a figure. */
  'revenue_at_stake',
  'merged_into',
  /** When marketing first answered (moved it out of `new`): response time is this minus created_at. */
  'first_response_at',
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | null>;

export type ExportItem = ItemWithVotes & { customers?: readonly CustomerRef[] };

export function toExportRows(items: readonly ExportItem[]): ExportRow[] {
  return items.map((item) => {
    const tally = tallyCustomers(item, item.customers ?? []);
    const cells: Record<string, string | number | null> = { ...item, customers: tally.count, revenue_at_stake: tally.revenueAtStake };
    return Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, cells[c] ?? null])) as ExportRow;
  });
}

/** What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`) gets a
 * leading `'`, which spreadsheets show as text. Only text: numbers (a negative amount) stay numbers.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** CSV for spreadsheets: every text cell goes through `neutraliseFormula`. JSON keeps the text as stored. */
export function toCsv(rows: readonly ExportRow[]): string {
  return stringify(rows as ExportRow[], {
    header: true,
    columns: [...EXPORT_COLUMNS],
    cast: { number: (n) => String(n), string: neutraliseFormula },
  });
}

export function toJson(rows: readonly ExportRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}
