import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME, parseAfterworkText } from '../../../src/domain/afterwork-text.js';

// Monday 23 November 2026, 10:00 in Paris (09:00 UTC).
const now = new Date('2026-11-23T09:00:00.000Z');
const paris = { now, timezone: 'Europe/Paris' };
const parse = (text: string, opts: Partial<Parameters<typeof parseAfterworkText>[1]> = {}) =>
  parseAfterworkText(text, { ...paris, ...opts });
const iso = (text: string, opts: Partial<Parameters<typeof parseAfterworkText>[1]> = {}) => parse(text, opts).startsAt?.toISOString();

describe('parseAfterworkText: days and times', () => {
  it('reads the example of the issue: a weekday, a time and a place', () => {
    expect(parse('Thursday 18:30 at Le Comptoir')).toEqual({
      startsAt: new Date('2026-11-26T17:30:00.000Z'),
      timeGuessed: false,
      place: 'Le Comptoir',
    });
  });

  it('reads the same in French', () => {
    expect(parse('jeudi 18h30 à Le Comptoir')).toEqual({
      startsAt: new Date('2026-11-26T17:30:00.000Z'),
      timeGuessed: false,
      place: 'Le Comptoir',
    });
    expect(iso('Jeudi à 18h30')).toBe('2026-11-26T17:30:00.000Z');
    expect(iso('vendredi prochain 19h')).toBe('2026-11-27T18:00:00.000Z');
    expect(iso('le mercredi 18h')).toBe('2026-11-25T17:00:00.000Z');
  });

  it('knows every weekday in both languages, and the short English forms', () => {
    const expected = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];
    const en = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
    const fr = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
    for (const [k, day] of expected.entries()) {
      expect(iso(`${en[k]} 12:00`), en[k]).toBe(`${day}T11:00:00.000Z`);
      expect(iso(`${fr[k]} 12h`), fr[k]).toBe(`${day}T11:00:00.000Z`);
    }
    expect(iso('Thu 6pm')).toBe('2026-11-26T17:00:00.000Z');
    expect(iso('on Fri at 7pm')).toBe('2026-11-27T18:00:00.000Z');
    expect(iso('next Tuesday 18:00')).toBe('2026-11-24T17:00:00.000Z');
  });

  it('takes today for a weekday that is today when its time is still to come, else next week', () => {
    expect(iso('Monday 18:30')).toBe('2026-11-23T17:30:00.000Z');
    expect(iso('lundi 9h')).toBe('2026-11-30T08:00:00.000Z');
  });

  it('reads tomorrow, demain, today, tonight, ce soir and the day after', () => {
    expect(iso('tomorrow 18:30')).toBe('2026-11-24T17:30:00.000Z');
    expect(iso('demain 18h30')).toBe('2026-11-24T17:30:00.000Z');
    expect(iso('demain soir à 19h')).toBe('2026-11-24T18:00:00.000Z');
    expect(iso('today 6:30pm')).toBe('2026-11-23T17:30:00.000Z');
    expect(iso("aujourd'hui 17h")).toBe('2026-11-23T16:00:00.000Z');
    expect(iso('aujourd’hui 17h')).toBe('2026-11-23T16:00:00.000Z');
    expect(iso('tonight at 8pm')).toBe('2026-11-23T19:00:00.000Z');
    expect(iso('ce soir 20h')).toBe('2026-11-23T19:00:00.000Z');
    expect(iso('après-demain 18h')).toBe('2026-11-25T17:00:00.000Z');
    expect(iso('day after tomorrow 6pm')).toBe('2026-11-25T17:00:00.000Z');
  });

  it('reads times written the English and the French way', () => {
    const cases: Record<string, string> = {
      '18h30': '17:30',
      '18h': '17:00',
      '18H45': '17:45',
      '18:30': '17:30',
      '6:30pm': '17:30',
      '6pm': '17:00',
      '6 pm': '17:00',
      '6.30pm': '17:30',
      '6:30 PM': '17:30',
      '11am': '10:00',
      '12pm': '11:00',
      '12am': '23:00',
      noon: '11:00',
      midi: '11:00',
    };
    for (const [text, utc] of Object.entries(cases)) {
      const at = parse(`friday ${text}`).startsAt?.toISOString();
      expect(at?.slice(11, 16), text).toBe(utc);
    }
  });

  it('takes a time alone for today when it is still to come, else tomorrow', () => {
    expect(iso('18h30')).toBe('2026-11-23T17:30:00.000Z');
    expect(iso('at 8am')).toBe('2026-11-24T07:00:00.000Z');
  });

  it('reads dates: numeric (day first, or month first for US English), with month names in both languages, with or without a year', () => {
    expect(iso('12/5 18h')).toBe('2027-05-12T16:00:00.000Z');
    expect(iso('12/5 6pm', { dayFirst: false })).toBe('2026-12-05T17:00:00.000Z');
    expect(iso('5/12/2026 18:00')).toBe('2026-12-05T17:00:00.000Z');
    expect(iso('5 décembre 18h30')).toBe('2026-12-05T17:30:00.000Z');
    expect(iso('le 5 decembre à 18h30')).toBe('2026-12-05T17:30:00.000Z');
    expect(iso('1er décembre 19h')).toBe('2026-12-01T18:00:00.000Z');
    expect(iso('December 5th 6:30pm')).toBe('2026-12-05T17:30:00.000Z');
    expect(iso('Dec 5, 2027 18:00')).toBe('2027-12-05T17:00:00.000Z');
    expect(iso('the 5th of December at 6pm')).toBe('2026-12-05T17:00:00.000Z');
    expect(iso('jeudi 3 décembre 18h')).toBe('2026-12-03T17:00:00.000Z');
    expect(iso('2026-12-05 18:00')).toBe('2026-12-05T17:00:00.000Z');
  });

  it('takes next year for a date already behind us this year, and keeps today for today', () => {
    expect(iso('2 janvier 18h')).toBe('2027-01-02T17:00:00.000Z');
    expect(iso('23 novembre 18h')).toBe('2026-11-23T17:00:00.000Z');
    expect(iso('22 novembre 18h')).toBe('2027-11-22T17:00:00.000Z');
  });

  it('guesses the usual after-work time when only the day is given, and says it guessed', () => {
    const parsed = parse('vendredi');
    expect(parsed.timeGuessed).toBe(true);
    expect(parsed.startsAt?.toISOString()).toBe(
      `2026-11-27T${String(DEFAULT_TIME.hour - 1).padStart(2, '0')}:${DEFAULT_TIME.minute}:00.000Z`,
    );
  });

  it('reads dates on the host clock: the same words are another instant in New York', () => {
    expect(iso('Thursday 18:30', { timezone: 'America/New_York' })).toBe('2026-11-26T23:30:00.000Z');
    // Late on Monday in Paris it is already Tuesday in Tokyo: "tomorrow" is Wednesday there.
    expect(iso('tomorrow 19:00', { now: new Date('2026-11-23T22:00:00.000Z'), timezone: 'Asia/Tokyo' })).toBe('2026-11-25T10:00:00.000Z');
  });

  it('follows daylight saving time: a summer date is read at the summer offset', () => {
    expect(iso('3 juillet 2027 18h')).toBe('2027-07-03T16:00:00.000Z');
  });
});

describe('parseAfterworkText: places and the note', () => {
  it('reads a place after at, à or @, up to a comma, a day or a time', () => {
    expect(parse('at Le Comptoir, Thursday 18:30')).toMatchObject({ place: 'Le Comptoir', startsAt: new Date('2026-11-26T17:30:00.000Z') });
    expect(parse('à la Felicità jeudi 19h')).toMatchObject({ place: 'la Felicità', startsAt: new Date('2026-11-26T18:00:00.000Z') });
    expect(parse('@ Café Oz friday 6pm')).toMatchObject({ place: 'Café Oz' });
    expect(parse('vendredi 19h chez Paul')).toMatchObject({ place: 'chez Paul' });
  });

  it('keeps what it does not understand, in order, as the note', () => {
    expect(parse('Thursday 18:30 at Le Comptoir for Sophie’s farewell')).toEqual({
      startsAt: new Date('2026-11-26T17:30:00.000Z'),
      timeGuessed: false,
      place: 'Le Comptoir',
      note: 'for Sophie’s farewell',
    });
    expect(parse('Pot de départ de Marc, jeudi 18h30 au Comptoir')).toMatchObject({
      note: 'Pot de départ de Marc, au Comptoir',
      startsAt: new Date('2026-11-26T17:30:00.000Z'),
    });
  });

  it('understands nothing in text that names no day, time or place: all of it is the note', () => {
    expect(parse('drinks with the marketing team, bring your best story')).toEqual({
      timeGuessed: false,
      note: 'drinks with the marketing team, bring your best story',
    });
    expect(parse('bientôt, quand tout le monde peut')).toEqual({ timeGuessed: false, note: 'bientôt, quand tout le monde peut' });
  });

  it('does not take impossible dates or times: they stay in the note', () => {
    expect(parse('31/2 25h')).toEqual({ timeGuessed: false, note: '31/2 25h' });
    expect(parse('30 février')).toEqual({ timeGuessed: false, note: '30 février' });
    expect(parse('13pm')).toEqual({ timeGuessed: false, note: '13pm' });
  });

  it('takes the first day and time, and leaves a second one in the note', () => {
    expect(parse('Thursday or Friday 18h')).toMatchObject({ startsAt: new Date('2026-11-26T17:00:00.000Z'), note: 'or Friday' });
  });

  it('does not mistake everyday words for days, months or places', () => {
    expect(parse('may be fun in the sun')).toEqual({ timeGuessed: false, note: 'may be fun in the sun' });
    expect(parse('mon équipe')).toEqual({ timeGuessed: false, note: 'mon équipe' });
    expect(parse('5 people')).toEqual({ timeGuessed: false, note: '5 people' });
  });

  it('an "at" with nothing after it is just a word', () => {
    expect(parse('Thursday 18h at')).toMatchObject({ note: 'at' });
  });

  it('an empty text understands nothing', () => {
    expect(parse('   ')).toEqual({ timeGuessed: false });
  });
});
