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
