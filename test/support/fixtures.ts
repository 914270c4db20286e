import type { ItemWithSupport } from '../../db/customers.js';
import type { NewItemInput } from '../../db/items.js';
import { NO_DETAILS } from '../../src/domain/items.js';

/** A complete item as the repositories take it, with whatever a test wants to change. */
export function itemInput(overrides: Partial<NewItemInput> = {}): NewItemInput {
  return {
    team_id: 'T0001',
    kind: 'feedback',
    category: 'need',
    text: 'Customers in retail want offline mode',
    ...NO_DETAILS,
    author_id: 'U0SALES1',
    author_side: 'sales',
    source_channel_id: null,
    source_ts: null,
    source_permalink: null,
    merged_into: null,
    card_channel_id: 'C0TERRAIN',
    reply_to: null,
    locale: null,
    client_key: null,
    ...overrides,
  };
}

/**
 * Texts that share no meaningful word, for tests that file many items at once: Terrain holds back the
 * card of an item that looks like an open one (its author may vote for that one instead), so texts such
 * as "Note 1", "Note 2" would wait two minutes.
 */
export function unrelatedTexts(count: number): string[] {
  const words = [
    'Alpha ledger',
    'Bravo kiosk',
    'Charlie invoice',
    'Delta onboarding',
    'Echo webinar',
    'Foxtrot pricing',
    'Golf roadmap',
    'Hotel loyalty',
    'India tablet',
    'Juliet warranty',
    'Kilo checkout',
    'Lima badge',
    'Mike compliance',
    'November shipping',
    'Oscar brochure',
    'Papa dashboard',
    'Quebec integration',
    'Romeo payroll',
    'Sierra calendar',
    'Tango audit',
    'Uniform reseller',
    'Victor trial',
    'Whiskey printer',
    'Xray translation',
  ];
  if (count > words.length) throw new RangeError(`unrelatedTexts: ${words.length} at most`);
  return words.slice(0, count);
}

/**
 * An item as the repositories give it back (`listItemsWithSupport`): stored, its card posted, with its
 * votes and customer rows; whatever a test wants to change.
 */
export function storedItem(id: number, overrides: Partial<ItemWithSupport> = {}): ItemWithSupport {
  const at = overrides.created_at ?? '2026-01-07T10:00:00.000Z';
  return {
    // itemInput gives every column a stored item has but those set when it is stored.
    ...(itemInput({ text: `Item ${id}` }) as Required<NewItemInput>),
    id,
    status: 'new',
    card_ts: `1767600000.${String(id).padStart(6, '0')}`,
    card_state: 'posted',
    first_response_at: null,
    created_at: at,
    updated_at: at,
    votes: 0,
    customers: [],
    ...overrides,
  };
}
