/**
 * What full-text search does with people's words, before any of them reaches SQL. The words are cut into
 * terms of letters and digits only, so nothing a person types (quotes, `*`, `-`, `:`, `NEAR`, `AND`,
 * parentheses) can change the shape of an FTS5 or tsquery expression: terms are the only thing the query
 * is built from. Pure, shared by the queries (db/search.ts) and the similarity rule (src/domain/).
 */

/** Common words of English and French that say nothing about a need: searched, they match everything. */
const STOP_WORDS = new Set(
  [
    // English
    'a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its',
    'just me more most my no not of on or our out so some such than that the their them then there these they this to too',
    'us very was we were what when where which who why will with would you your yours also any all about after again',
    'please want wants wanted need needs like would should get got',
    // French (accents already folded)
    'au aux avec ce ces cet cette dans de des du elle elles en est et eux il ils je la le les leur leurs lui ma mais me meme',
    'mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous',
    'ete etre avoir ont sont fait faire plus tres aussi comme tout tous toute toutes veut veulent voudrait besoin',
  ]
    .join(' ')
    .split(' '),
);

/** Terms kept from a search: enough for any real query, few enough that a pasted essay stays cheap. */
export const MAX_SEARCH_TERMS = 12;
/** Terms of a new item compared with the open ones when it is filed. */
export const MAX_SIMILARITY_TERMS = 24;
const MAX_TERM_LENGTH = 40;

/**
 * Lower case, accents removed (`École` → `ecole`), as both databases index the text: SQLite's FTS5 with
 * `unicode61 remove_diacritics 2`, PostgreSQL's expression index with `translate` (see migration 0007).
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Every word of the text, folded: runs of letters and digits; everything else separates words. */
export function words(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * A light stem shared by English and French plurals (`customers`, `clients`, `pages`): a final `s` goes,
 * except in `ss`. Terms are searched as prefixes, so `customer` finds `customers` and `customer's`.
 */
export function stem(word: string): string {
  return word.length >= 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** The distinct stems of the words that carry meaning, in the order they come, at most `max`. */
export function significantTerms(text: string, max: number = MAX_SIMILARITY_TERMS): string[] {
  const out = new Set<string>();
  for (const word of words(text)) {
    if (word.length < 2 || word.length > MAX_TERM_LENGTH || STOP_WORDS.has(word)) continue;
    out.add(stem(word));
    if (out.size >= max) break;
  }
  return [...out];
}

/**
 * The terms of a search typed by a person: the significant ones; when there are none (`/terrain search
 * the`), the words as typed, so that a query of common words still finds what holds them.
 */
export function searchTerms(text: string, max: number = MAX_SEARCH_TERMS): string[] {
  const significant = significantTerms(text, max);
  if (significant.length > 0) return significant;
  const all = new Set(words(text).filter((w) => w.length <= MAX_TERM_LENGTH));
  return [...all].slice(0, max);
}

export type TermsMode = 'all' | 'any';
/**
 * `prefix`: each term as a prefix (`customer` finds `customers`, `customer's`): what a person searching
 * expects. `words`: each term as the whole words whose stem it is (`customer`, `customers`): the same
 * stems, found through the index without reading every word that merely starts alike.
 */
export type TermForms = 'prefix' | 'words';

/** The words whose stem is `term` (see `stem`): itself and, when long enough to have lost one, its plural. */
export function wordsOfStem(term: string): string[] {
  const plural = `${term}s`;
  return stem(plural) === term ? [term, plural] : [term];
}

/** An FTS5 MATCH expression: each term a quoted prefix (`"offline"*`) or its words, all of them (AND) or any (OR). */
export function fts5Query(terms: readonly string[], mode: TermsMode, forms: TermForms = 'prefix'): string {
  const one = (t: string) => {
    const safe = t.replace(/"/g, '');
    if (forms === 'prefix') return `"${safe}"*`;
    const each = wordsOfStem(safe).map((w) => `"${w}"`);
    return each.length === 1 ? each[0] : `(${each.join(' OR ')})`;
  };
  return terms.map(one).join(mode === 'all' ? ' AND ' : ' OR ');
}

/** A tsquery for `to_tsquery('simple', …)`: each term a quoted prefix (`'offline':*`) or its words, joined by & or |. */
export function tsQuery(terms: readonly string[], mode: TermsMode, forms: TermForms = 'prefix'): string {
  const one = (t: string) => {
    const safe = t.replace(/['\\]/g, '');
    if (forms === 'prefix') return `'${safe}':*`;
    const each = wordsOfStem(safe).map((w) => `'${w}'`);
    return each.length === 1 ? each[0] : `(${each.join(' | ')})`;
  };
  return terms.map(one).join(mode === 'all' ? ' & ' : ' | ');
}
