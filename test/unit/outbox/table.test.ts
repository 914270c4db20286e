import { describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../../db/schema.js';
import { outboxTable } from '../../../src/outbox/table.js';

const row = (o: Partial<OutboxMessage>): OutboxMessage => ({
  id: 1,
  team_id: 'T0001',
  key: 'card:1',
  kind: 'item_card',
  payload: '{}',
  state: 'pending',
  attempts: 0,
  next_attempt_at: '2026-11-23T10:00:00.000Z',
  lease_owner: null,
  lease_until: null,
  uncertain: 0,
  last_error: null,
  result: null,
  created_at: '2026-11-23T10:00:00.000Z',
  updated_at: '2026-11-23T10:00:00.000Z',
  sent_at: null,
  ...o,
});

describe('the outbox as an operator reads it', () => {
  it('says so when nothing waits', () => {
    expect(outboxTable([])).toBe('Nothing waiting: every message was sent.\n');
  });

  it('aligns one row per message and sums up what is pending and refused', () => {
    const text = outboxTable([
      row({ id: 7, attempts: 3, last_error: 'ratelimited' }),
      row({ id: 12, key: 'confirm:4', kind: 'item_confirm', state: 'failed', attempts: 1, last_error: 'user_not_found' }),
    ]);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+state\s+kind\s+key\s+attempts\s+next attempt\s+last error\s+team$/);
    expect(lines[1]).toMatch(/^7\s+pending\s+item_card\s+card:1\s+3\s+2026-11-23T10:00:00.000Z\s+ratelimited\s+T0001$/);
    expect(lines[2]).toMatch(/^12\s+failed\s+item_confirm\s+confirm:4\s+1\s+user_not_found\s+T0001$/);
    expect(lines[3]).toBe('1 pending, 1 refused by Slack (retry one with: terrain outbox --retry ID)');
    expect(lines[1]!.indexOf('pending')).toBe(lines[2]!.indexOf('failed'));
  });
});
