import { describe, expect, it } from 'vitest';
import type { ItemStatus } from '../../../db/schema.js';
import { canMove, cleanText, isReopening, isTriageStatus, movesFrom, recipients } from '../../../src/domain/triage.js';

describe('moves', () => {
  it('go forward from new, skipping steps if marketing likes, or to declined from anywhere open', () => {
    expect(movesFrom('new')).toEqual(['acknowledged', 'planned', 'shipped', 'declined']);
    expect(movesFrom('acknowledged')).toEqual(['planned', 'shipped', 'declined']);
    expect(movesFrom('planned')).toEqual(['shipped', 'declined']);
  });

  it('reopen a shipped or declined item (to acknowledged), and never move a merged one', () => {
    expect(movesFrom('shipped')).toEqual(['acknowledged']);
    expect(movesFrom('declined')).toEqual(['acknowledged']);
    expect(movesFrom('merged')).toEqual([]);
    expect(isReopening('declined', 'acknowledged')).toBe(true);
    expect(isReopening('new', 'acknowledged')).toBe(false);
  });

  it('never move back to new, nor sideways to where the item is', () => {
    const all: ItemStatus[] = ['new', 'acknowledged', 'planned', 'shipped', 'declined', 'merged'];
    for (const from of all) {
      expect(canMove(from, from as never)).toBe(false);
      expect(movesFrom(from)).not.toContain('new');
    }
    expect(canMove('planned', 'acknowledged')).toBe(false);
    expect(canMove('new', 'shipped')).toBe(true);
  });

  it('knows the statuses a control may ask for', () => {
    for (const s of ['acknowledged', 'planned', 'shipped', 'declined']) expect(isTriageStatus(s)).toBe(true);
    for (const s of ['new', 'merged', 'SHIPPED', '', undefined, 3]) expect(isTriageStatus(s)).toBe(false);
  });
});

describe('recipients', () => {
  it('one message per person: who raised it, voters, customer adders, each once under their first reason', () => {
    const out = recipients(
      { author: 'U0A', voters: ['U0A', 'U0V1', 'U0V2'], customerAdders: ['U0V1', 'U0C'], changedBy: 'U0MKT' },
      new Set(),
    );
    expect(out).toEqual([
      { userId: 'U0A', audience: 'author' },
      { userId: 'U0V1', audience: 'voter' },
      { userId: 'U0V2', audience: 'voter' },
      { userId: 'U0C', audience: 'customer' },
    ]);
  });

  it('none for the person who made the change, none for the muted', () => {
    const out = recipients(
      { author: 'U0A', voters: ['U0MKT', 'U0M', 'U0V'], customerAdders: ['U0M'], changedBy: 'U0MKT' },
      new Set(['U0M']),
    );
    expect(out.map((r) => r.userId)).toEqual(['U0A', 'U0V']);
    expect(recipients({ author: 'U0MKT', voters: [], customerAdders: [], changedBy: 'U0MKT' }, new Set())).toEqual([]);
  });
});

describe('cleanText', () => {
  it('trims, and makes empty none', () => {
    expect(cleanText('  a note ')).toBe('a note');
    expect(cleanText('   ')).toBeNull();
    expect(cleanText(undefined)).toBeNull();
    expect(cleanText(null)).toBeNull();
  });
});

describe('sideAllows', () => {
  it('marketing triages; sales and marketing add customers; others and the undeclared are asked their side', async () => {
    const { sideAllows } = await import('../../../src/domain/roles.js');
    expect(sideAllows('triage', 'marketing')).toBe(true);
    for (const side of ['sales', 'other', null, undefined] as const) expect(sideAllows('triage', side)).toBe(false);
    expect(sideAllows('add_customer', 'sales')).toBe(true);
    expect(sideAllows('add_customer', 'marketing')).toBe(true);
    for (const side of ['other', null, undefined] as const) expect(sideAllows('add_customer', side)).toBe(false);
  });
});
