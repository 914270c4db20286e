import { stringify } from 'csv-stringify/sync';
import type { ItemWithVotes } from '../db/items.js';

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
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | null>;

export function toExportRows(items: readonly ItemWithVotes[]): ExportRow[] {
  return items.map((item) => Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, item[c] ?? null])) as ExportRow);
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
