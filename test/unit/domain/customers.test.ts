import { describe, expect, it } from 'vitest';
import { accountKey, type CustomerRow, customerAddition, tallyCustomers } from '../../../src/domain/customers.js';

const row = (account: string, revenue: number | null, addedBy = 'U0SALES2'): CustomerRow => ({
  account_key: accountKey(account),
  account,
  revenue,
  added_by: addedBy,
});

describe('accountKey', () => {
  it('folds case and accents, trims and collapses spaces: one account however it is written', () => {
    const key = accountKey('Crème Brûlée Ltd');
    expect(key).toBe('creme brulee ltd');
    for (const spelling of ['  creme   brulee ltd ', 'CRÈME BRÛLÉE LTD', 'Cre\u0300me Bru\u0302le\u0301e Ltd', 'crème\tbrûlée\u00a0ltd']) {
      expect(accountKey(spelling), spelling).toBe(key);
    }
  });

  it('keeps apart what is different', () => {
    expect(accountKey('Globex')).not.toBe(accountKey('Globex Inc'));
    expect(accountKey('Société Générale')).toBe('societe generale');
    expect(accountKey('ÉDF')).toBe('edf');
  });
});

describe('tallyCustomers', () => {
  it('counts the item’s own customer and each account added, once', () => {
    const tally = tallyCustomers({ customer: 'Globex', revenue: 50_000 }, [row('Initech', 20_000), row('Umbrella', null, 'U0SALES3')]);
    expect(tally).toEqual({ count: 3, revenueAtStake: 70_000, added: ['Initech', 'Umbrella'], addedBy: ['U0SALES2', 'U0SALES3'] });
  });

  it('does not count the item’s own customer twice when it is added again: its own figure stands', () => {
    const tally = tallyCustomers({ customer: 'Globex', revenue: 50_000 }, [row('GLOBEX ', 80_000)]);
    expect(tally.count).toBe(1);
    expect(tally.revenueAtStake).toBe(50_000);
    expect(tally.added).toEqual([]);
  });

  it('takes an added figure for the item’s own customer when the item had none', () => {
    expect(tallyCustomers({ customer: 'Globex', revenue: null }, [row('globex', 30_000)]).revenueAtStake).toBe(30_000);
  });

  it('counts an amount filed without a customer on its own', () => {
    const tally = tallyCustomers({ customer: null, revenue: 10_000 }, [row('Initech', 5_000)]);
    expect(tally).toMatchObject({ count: 1, revenueAtStake: 15_000 });
  });

  it('says "no figure" rather than zero when nobody gave one, and keeps a real zero', () => {
    expect(tallyCustomers({ customer: null, revenue: null }, []).revenueAtStake).toBeNull();
    expect(tallyCustomers({ customer: 'Globex', revenue: null }, [row('Initech', null)]).revenueAtStake).toBeNull();
    expect(tallyCustomers({ customer: null, revenue: 0 }, []).revenueAtStake).toBe(0);
  });
});

describe('customerAddition', () => {
  const item = { customer: 'Globex', revenue: 50_000 };

  it('a new account counts', () => {
    expect(customerAddition(item, undefined, accountKey('Initech'), 20_000)).toBe('new');
    expect(customerAddition(item, undefined, accountKey('Initech'), null)).toBe('new');
  });

  it('an account already added changes nothing, except a figure nobody had given', () => {
    expect(customerAddition(item, { revenue: 20_000 }, accountKey('Initech'), 90_000)).toBe('already');
    expect(customerAddition(item, { revenue: null }, accountKey('Initech'), null)).toBe('already');
    expect(customerAddition(item, { revenue: null }, accountKey('Initech'), 90_000)).toBe('fill_revenue');
  });

  it('the item’s own customer is already counted, unless the add brings the figure it lacks', () => {
    expect(customerAddition(item, undefined, accountKey(' globex'), 80_000)).toBe('already');
    expect(customerAddition({ customer: 'Globex', revenue: null }, undefined, accountKey('GLOBEX'), null)).toBe('already');
    expect(customerAddition({ customer: 'Globex', revenue: null }, undefined, accountKey('GLOBEX'), 80_000)).toBe('new');
    expect(customerAddition(item, { revenue: null }, accountKey('globex'), 80_000)).toBe('already');
  });
});
