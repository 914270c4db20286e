import { describe, expect, it } from 'vitest';
import type { Side } from '../../../db/schema.js';
import { sidesFromGroups } from '../../../src/domain/sides.js';

const current = (entries: Array<[string, Side | null]>) => new Map<string, Side | null>(entries);
const set = (...ids: string[]) => new Set(ids);

describe('sidesFromGroups', () => {
  it('gives each group’s members its side, listing only those whose side changes', () => {
    const changes = sidesFromGroups(
      current([
        ['U0ALREADY', 'sales'],
        ['U0WAS_OTHER', 'other'],
      ]),
      set('U0ALREADY', 'U0NEW', 'U0WAS_OTHER'),
      set('U0MKT'),
    );
    expect(changes).toEqual(
      new Map<string, Side>([
        ['U0NEW', 'sales'],
        ['U0WAS_OTHER', 'sales'],
        ['U0MKT', 'marketing'],
      ]),
    );
  });

  it('leaves whoever is in neither group as they are: self-declared sides stay, a member removed keeps their last side', () => {
    const changes = sidesFromGroups(
      current([
        ['U0SELF', 'other'],
        ['U0LEFT_SALES', 'sales'],
      ]),
      set(),
      set('U0MKT'),
    );
    expect(changes).toEqual(new Map([['U0MKT', 'marketing']]));
  });

  it('moves a member who changed group to the other side', () => {
    expect(sidesFromGroups(current([['U0MOVED', 'sales']]), set(), set('U0MOVED'))).toEqual(new Map([['U0MOVED', 'marketing']]));
  });

  it('a member in both groups keeps sales or marketing if that is their side, else gets marketing', () => {
    const both = set('U0SALES', 'U0MKT', 'U0OTHER', 'U0NONE');
    const changes = sidesFromGroups(
      current([
        ['U0SALES', 'sales'],
        ['U0MKT', 'marketing'],
        ['U0OTHER', 'other'],
      ]),
      both,
      both,
    );
    expect(changes).toEqual(
      new Map<string, Side>([
        ['U0OTHER', 'marketing'],
        ['U0NONE', 'marketing'],
      ]),
    );
  });
});
