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
