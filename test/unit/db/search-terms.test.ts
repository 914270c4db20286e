import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, fts5Query, searchTerms, significantTerms, stem, tsQuery, words, wordsOfStem } from '../../../db/search-terms.js';

describe('words and terms', () => {
  it('folds case and accents as both databases index them', () => {
    expect(foldText('École ÉTÉ Ça Noël')).toBe('ecole ete ca noel');
    expect(words("L'école, c'est l'avenir — vraiment !")).toEqual(['l', 'ecole', 'c', 'est', 'l', 'avenir', 'vraiment']);
    expect(words('e-mail foo@bar.com v2 3.5')).toEqual(['e', 'mail', 'foo', 'bar', 'com', 'v2', '3', '5']);
  });

  it('stems English and French plurals lightly, and keeps words in ss', () => {
    expect(['customers', 'clients', 'pages', 'process', 'bus', 'sso'].map(stem)).toEqual([
      'customer',
      'client',
      'page',
      'process',
      'bus',
      'sso',
    ]);
  });

  it('keeps the words that carry meaning, once each, in order', () => {
    expect(significantTerms('The customers in retail want an OFFLINE mode, and customers love it')).toEqual([
      'customer',
      'retail',
      'offline',
      'mode',
      'love',
    ]);
    expect(significantTerms('Les clients veulent un mode hors-ligne pour les écoles')).toEqual(['client', 'mode', 'hor', 'ligne', 'ecole']);
    expect(significantTerms('a b c')).toEqual([]);
    expect(significantTerms('one two three four five', 3)).toEqual(['one', 'two', 'three']);
  });

  it('a stem stands for exactly the words that stem to it: itself and its plural', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), (word) => {
        expect(wordsOfStem(stem(word))).toContain(word);
        for (const w of wordsOfStem(stem(word))) if (w !== word) expect(stem(w)).toBe(stem(word));
      }),
    );
    expect(fts5Query(['customer', 'ai'], 'any', 'words')).toBe('("customer" OR "customers") OR "ai"');
    expect(tsQuery(['customer', 'ai'], 'all', 'words')).toBe("('customer' | 'customers') & 'ai'");
  });

  it('a search of common words only still searches them', () => {
    expect(searchTerms('the')).toEqual(['the']);
    expect(searchTerms('Pour les')).toEqual(['pour', 'les']);
    expect(searchTerms('   ')).toEqual([]);
    expect(searchTerms('* " : - ( )')).toEqual([]);
  });
});

describe('query expressions', () => {
  it('quotes each term as a prefix, all or any of them', () => {
    expect(fts5Query(['offline', 'retail'], 'all')).toBe('"offline"* AND "retail"*');
    expect(fts5Query(['offline', 'retail'], 'any')).toBe('"offline"* OR "retail"*');
    expect(tsQuery(['offline', 'retail'], 'all')).toBe("'offline':* & 'retail':*");
    expect(tsQuery(['offline', 'retail'], 'any')).toBe("'offline':* | 'retail':*");
  });

  it('query syntax typed by a person becomes plain terms: quotes, *, NEAR, -, :, parentheses, operators', () => {
    expect(searchTerms('"offline* NEAR(retail -stores) text:mode OR NOT AND ^csv {a b}: \' \\')).toEqual([
      'offline',
      'near',
      'retail',
      'store',
      'text',
      'mode',
      'csv',
    ]);
    // Only common words: searched as words, `OR` among them, never as an operator.
    expect(fts5Query(searchTerms('"x" OR "y'), 'all')).toBe('"x"* AND "or"* AND "y"*');
    expect(tsQuery(searchTerms("x' | !y"), 'all')).toBe("'x':* & 'y':*");
  });

  it('whatever is typed, the expressions hold only quoted terms of letters and digits and their joins', () => {
    const fts = /^("[\p{L}\p{N}]+"\*)( (AND|OR) "[\p{L}\p{N}]+"\*)*$/u;
    const ts = /^('[\p{L}\p{N}]+':\*)( [&|] '[\p{L}\p{N}]+':\*)*$/u;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom('all' as const, 'any' as const), (text, mode) => {
        const terms = searchTerms(text);
        expect(terms.length).toBeLessThanOrEqual(12);
        for (const term of terms) expect(term).toMatch(/^[\p{L}\p{N}]{1,40}$/u);
        if (terms.length === 0) return;
        expect(fts5Query(terms, mode)).toMatch(fts);
        expect(tsQuery(terms, mode)).toMatch(ts);
      }),
      { numRuns: 500 },
    );
  });
});
