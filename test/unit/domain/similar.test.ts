import { describe, expect, it } from 'vitest';
import { closeOnes, itemWords, likeness, pickSimilar } from '../../../src/domain/similar.js';

const item = (id: number, text: string, votes = 0, extra: Partial<Record<'product' | 'customer_need', string>> = {}) => ({
  id,
  text,
  votes,
  product: extra.product ?? null,
  customer: null,
  competitor: null,
  customer_need: extra.customer_need ?? null,
  reason: null,
});

describe('likeness', () => {
  it('counts the meaningful words two texts share, plurals and accents aside, and their share of both', () => {
    expect(likeness('Retail customers want an offline mode', 'Offline mode for the retail customer')).toEqual({ shared: 4, score: 1 });
    expect(likeness('Les écoles veulent un export', 'export pour les ecoles')).toEqual({ shared: 2, score: 1 });
    expect(likeness('SSO', 'Banks need SSO with Okta')).toEqual({ shared: 1, score: 0.5 });
    expect(likeness('the and of', 'of the')).toEqual({ shared: 0, score: 0 });
  });
});

describe('pickSimilar', () => {
  const candidates = [
    item(1, 'Retail customers need an offline mode for their stores', 2),
    item(2, 'Customers complain about pricing', 9),
    item(3, 'Offline mode for retail', 0),
    item(4, 'Stores need to work when the network is down', 1, { product: 'Offline mode' }),
    item(5, 'Offline', 0),
  ];

  it('keeps the items close enough, most alike first, then the most voted', () => {
    const picked = pickSimilar('Retail stores want an offline mode', candidates);
    // 1 shares every word of the new one; 3 says less, all of it shared; 4 shares three of six.
    expect(picked.map((c) => c.id)).toEqual([1, 3, 4]);
  });

  it('closeOnes keeps exactly the candidates pickSimilar would rank, unranked, without their votes', () => {
    const words = 'Retail stores want an offline mode';
    const asRead = candidates.map((c) => ({ id: c.id, words: itemWords(c) }));
    const close = closeOnes(words, asRead).map((c) => c.id);
    expect(close.sort()).toEqual(
      pickSimilar(words, candidates, candidates.length)
        .map((c) => c.id)
        .sort(),
    );
    expect(closeOnes('Customers want dark mode everywhere', asRead)).toEqual([]);
  });

  it('a single shared word is not enough between two texts that say more', () => {
    expect(pickSimilar('Customers want dark mode everywhere', candidates).map((c) => c.id)).toEqual([]);
  });

  it('two long texts sharing five meaningful words are alike, whatever else they say', () => {
    const long = item(6, 'Retail customers in Lyon, Lille and Nantes need offline mode for their pop-up stores during summer markets', 0);
    expect(
      likeness('Pop-up stores at markets need offline mode: a retail chain in Bordeaux and Toulouse asked again', itemWords(long)).shared,
    ).toBeGreaterThanOrEqual(5);
    expect(pickSimilar('Pop-up stores at markets need offline mode: a retail chain in Bordeaux and Toulouse asked again', [long])).toEqual([
      long,
    ]);
  });

  it('shows three at most, and none for a text without meaningful words', () => {
    expect(pickSimilar('offline mode', candidates).map((c) => c.id)).toEqual([3, 5, 1]);
    expect(pickSimilar('the and of', candidates)).toEqual([]);
  });

  it('reads every field of an item', () => {
    expect(itemWords(item(1, 'Text', 0, { product: 'Product', customer_need: 'Need' }))).toBe('Text Product Need');
  });
});
