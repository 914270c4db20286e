import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.js';
import { fr } from '../../../src/i18n/fr.js';
import { formatAmount, inZone, isLocale, LOCALES, localeFromSlack, messages } from '../../../src/i18n/index.js';

type Fn = (...args: unknown[]) => unknown;

/** Every leaf of a catalogue, by its dotted path. */
function leaves(value: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [p, v] of leaves(child, path ? `${path}.${key}` : key)) out.set(p, v);
    }
  } else {
    out.set(path, value);
  }
  return out;
}

const enLeaves = leaves(en);
const frLeaves = leaves(fr);
const functions = [...enLeaves].filter(([, v]) => typeof v === 'function').map(([path]) => path);

/** Sample arguments: distinct strings that must appear in what the message says. */
const samples = (n: number) => Array.from({ length: n }, (_, i) => `ARG${i}`);

describe('the catalogues', () => {
  it('every key of the English catalogue exists in French with the same type, all the way down', () => {
    const walk = (a: unknown, b: unknown, path: string) => {
      expect(typeof b, path).toBe(typeof a);
      if (a !== null && typeof a === 'object') {
        expect(Array.isArray(b), path).toBe(Array.isArray(a));
        for (const key of Object.keys(a)) {
          expect(b, `${path}.${key}`).toHaveProperty([key]);
          walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
        }
      }
    };
    walk(en, fr, 'messages');
  });

  it('French has no key that English lacks', () => {
    expect([...frLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('has messages to test (the walk reaches the leaves)', () => {
    expect(enLeaves.size).toBeGreaterThan(50);
    expect(functions.length).toBeGreaterThan(15);
  });

  it('every plain message is a non-empty string in both languages', () => {
    for (const [path, value] of enLeaves) {
      if (typeof value === 'function') continue;
      expect(typeof value, path).toBe('string');
      expect((value as string).trim(), path).not.toBe('');
      expect((frLeaves.get(path) as string).trim(), `fr ${path}`).not.toBe('');
    }
  });

  it('every message function takes the same arguments in both languages', () => {
    for (const path of functions) expect((frLeaves.get(path) as Fn).length, path).toBe((enLeaves.get(path) as Fn).length);
  });

  it('every message function returns a non-empty string that shows each of its arguments', () => {
    for (const catalogue of [enLeaves, frLeaves]) {
      for (const path of functions) {
        const fn = catalogue.get(path) as Fn;
        const args = samples(fn.length);
        const out = fn(...args);
        expect(typeof out, path).toBe('string');
        expect((out as string).trim(), path).not.toBe('');
        for (const arg of args) expect(out, `${path} shows ${arg}`).toContain(arg);
      }
    }
  });

  it('message functions with numbers give whole sentences for one and for many', () => {
    for (const t of [en, fr]) {
      expect(t.errors.tooLong(5000, 3000)).toContain('5000');
      expect(t.card.voteHint('+1')).toContain(':+1:');
      expect(t.card.itemRef(42)).toContain('42');
      expect(t.loop.shippedCredit('<@U1>', 1)).toMatch(/ 1 vote\b(?!s)/);
      expect(t.loop.shippedCredit('<@U1>', 3)).toMatch(/ 3 votes/);
      expect(t.home.itemLine('Idea', 'offline', 'New', 1)).toMatch(/ 1 vote_$/);
      expect(t.home.itemLine('Idea', 'offline', 'New', 2)).toMatch(/ 2 votes_$/);
      expect(t.terrain.setupDoneWithCards('#sales', 1)).toMatch(/ 1 (card|carte) /);
      expect(t.terrain.setupDoneWithCards('#sales', 1)).not.toMatch(/ 1 (cards|cartes) /);
      expect(t.terrain.setupDoneWithCards('#sales', 2)).toMatch(/ 2 (cards|cartes) /);
      expect(t.card.from('<@U1>', null)).not.toContain('(');
      expect(t.card.from('<@U1>', 'Sales')).toContain('(Sales)');
    }
  });

  it('French is actually French where the words differ', () => {
    expect(fr.modal.submit).not.toBe(en.modal.submit);
    expect(fr.category.need).toBe('Besoin');
    expect(fr.dayjsLocale).toBe('fr');
    expect(en.dayjsLocale).toBe('en');
  });
});

describe('messages and isLocale', () => {
  it('gives the catalogue of each locale', () => {
    expect(messages('en')).toBe(en);
    expect(messages('fr')).toBe(fr);
    expect(LOCALES).toEqual(['en', 'fr']);
  });

  it('knows en and fr only', () => {
    expect(isLocale('en')).toBe(true);
    expect(isLocale('fr')).toBe(true);
    for (const v of ['de', 'EN', 'fr-FR', '', undefined, null, 1]) expect(isLocale(v)).toBe(false);
  });
});

describe('localeFromSlack', () => {
  it('speaks the language part of a Slack locale it knows', () => {
    expect(localeFromSlack('fr-FR', 'en')).toBe('fr');
    expect(localeFromSlack('fr-CA', 'en')).toBe('fr');
    expect(localeFromSlack('en-GB', 'fr')).toBe('en');
    expect(localeFromSlack('FR-fr', 'en')).toBe('fr');
  });

  it('falls back for a language it does not speak, or no locale at all', () => {
    expect(localeFromSlack('de-DE', 'fr')).toBe('fr');
    expect(localeFromSlack('ja-JP', 'en')).toBe('en');
    expect(localeFromSlack(undefined, 'fr')).toBe('fr');
    expect(localeFromSlack(null, 'en')).toBe('en');
    expect(localeFromSlack('', 'fr')).toBe('fr');
  });
});

describe('formatAmount', () => {
  it('groups thousands with a space in French and a comma in English', () => {
    expect(formatAmount(50000, 'fr').replace(/\s/g, ' ')).toBe('50 000');
    expect(formatAmount(50000, 'en')).toBe('50,000');
    expect(formatAmount(1234567, 'en')).toBe('1,234,567');
    expect(formatAmount(1234567, 'fr').replace(/\s/g, ' ')).toBe('1 234 567');
  });

  it('shows whole amounts', () => {
    expect(formatAmount(1234.6, 'en')).toBe('1,235');
    expect(formatAmount(0, 'fr')).toBe('0');
  });
});

describe('inZone', () => {
  it('formats dates in the chosen language without changing the global one', () => {
    const date = new Date('2026-11-23T09:00:00Z');
    expect(inZone(date, 'UTC', 'fr').format('MMMM')).toBe('novembre');
    expect(inZone(date, 'UTC', 'en').format('MMMM')).toBe('November');
    expect(inZone(date, 'UTC', 'fr').format('dddd')).toBe('lundi');
    expect(inZone(date, 'UTC', 'en').format('dddd')).toBe('Monday');
  });

  it('reads the clock of the given time zone, across midnight and daylight saving', () => {
    expect(inZone(new Date('2026-11-22T23:30:00Z'), 'Europe/Paris', 'en').format('dddd HH:mm')).toBe('Monday 00:30');
    expect(inZone(new Date('2026-07-01T12:00:00Z'), 'Europe/Paris', 'en').format('HH:mm')).toBe('14:00');
    expect(inZone(new Date('2026-01-01T12:00:00Z'), 'America/New_York', 'fr').format('HH:mm')).toBe('07:00');
  });
});
