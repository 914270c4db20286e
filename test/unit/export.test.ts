import { describe, expect, it } from 'vitest';
import type { ItemWithVotes } from '../../db/items.js';
import { EXPORT_COLUMNS, neutraliseFormula, toCsv, toExportRows, toJson } from '../../src/export.js';
import { itemInput } from '../support/fixtures.js';

function item(overrides: Partial<ItemWithVotes> = {}): ItemWithVotes {
  return {
    ...itemInput(),
    id: 1,
    status: 'new',
    card_ts: null,
    card_state: 'pending',
    created_at: '2026-11-23T10:00:00.000Z',
    updated_at: '2026-11-23T10:00:00.000Z',
    votes: 0,
    ...overrides,
  } as ItemWithVotes;
}

describe('neutraliseFormula', () => {
  it.each(['=HYPERLINK("http://x")', '+cmd|" /C calc"!A0', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1'])(
    '%j is prefixed with a quote',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    },
  );

  it.each(['Offline mode', '', ' =1', "'=already", '2026-11-23T10:00:00.000Z', 'a=b', 'U0SALES1'])('%j is left as it is', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });
});

describe('toCsv', () => {
  it('neutralises text cells that a spreadsheet would run, in any column, and leaves numbers alone', () => {
    const rows = toExportRows([item({ text: '=HYPERLINK("http://x","click")', product: '@SUM(A1)', customer: '-Acme', revenue: -5000 })]);
    const csv = toCsv(rows);
    const [header, line] = csv.trimEnd().split('\n');
    expect(header).toBe(EXPORT_COLUMNS.join(','));
    expect(line).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(line).toContain(",'@SUM(A1),'-Acme,-5000,");
  });

  it('JSON keeps the text exactly as stored', () => {
    const rows = toExportRows([item({ text: '=HYPERLINK("http://x")' })]);
    expect(JSON.parse(toJson(rows))[0].text).toBe('=HYPERLINK("http://x")');
  });
});

describe('the triage columns', () => {
  it('adds customers, revenue_at_stake, merged_into and first_response_at after the contract’s columns', () => {
    expect(EXPORT_COLUMNS.slice(0, 7)).toEqual(['id', 'kind', 'status', 'created_at', 'author_id', 'text', 'votes']);
    expect(EXPORT_COLUMNS).toEqual(expect.arrayContaining(['customers', 'revenue_at_stake', 'merged_into', 'first_response_at']));
  });

  it('counts each account once and adds what is at stake without counting the item’s own customer twice', () => {
    const customers = [
      { item_id: 1, account_key: 'globex', account: 'GLOBEX', revenue: 90_000, added_by: 'U0S2' },
      { item_id: 1, account_key: 'initech', account: 'Initech', revenue: 20_000, added_by: 'U0S2' },
    ];
    const [row] = toExportRows([
      {
        ...item({ customer: 'Globex', revenue: 50_000, status: 'merged', merged_into: 7, first_response_at: '2026-11-24T09:00:00.000Z' }),
        customers,
      },
    ]);
    expect(row).toMatchObject({ customers: 2, revenue_at_stake: 70_000, merged_into: 7, first_response_at: '2026-11-24T09:00:00.000Z' });
    const [bare] = toExportRows([item()]);
    expect(bare).toMatchObject({ customers: 0, revenue_at_stake: null, merged_into: null, first_response_at: null });
    const csv = toCsv([row!, bare!]).trimEnd().split('\n');
    expect(csv[1]!.endsWith(',2,70000,7,2026-11-24T09:00:00.000Z')).toBe(true);
    expect(csv[2]!.endsWith(',0,,,')).toBe(true);
  });
});
