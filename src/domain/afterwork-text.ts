import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Reads `/afterwork <text>` in English or French: a day (`Thursday`, `jeudi`, `tomorrow`, `demain`,
 * `12/5`, `5 décembre`, `December 5th`), a time (`18h30`, `18:30`, `6:30pm`, `6 pm`) and a place after
 * "at", "à" or "@". Dates are read on the host's clock (their Slack time zone). Whatever it does not
 * understand is kept, in order, as the note: nothing typed is lost. The modal opens with the result, so
 * a wrong guess is one edit away.
 */

export interface ParsedAfterwork {
  startsAt?: Date;
  /** A day was given without a time: the time is the usual after-work time (DEFAULT_TIME). */
  timeGuessed: boolean;
  place?: string;
  note?: string;
}

export interface ParseOptions {
  now: Date;
  /** The host's IANA zone. */
  timezone: string;
  /** `12/5` is the 12th of May (true, the default) or December 5 (false, US English). */
  dayFirst?: boolean;
}

/** When an after-work starts if only its day is known. */
export const DEFAULT_TIME = { hour: 18, minute: 30 } as const;

const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  // Short forms that are not everyday words ("sun", "sat", "mon" in French are left alone).
  tue: 2,
  tues: 2,
  wed: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  fri: 5,
  dimanche: 0,
  lundi: 1,
  mardi: 2,
  mercredi: 3,
  jeudi: 4,
  vendredi: 5,
  samedi: 6,
};

const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
  janvier: 1,
  janv: 1,
  fevrier: 2,
  fev: 2,
  fevr: 2,
  mars: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
};

/** Relative days, as word sequences; `evening` ones say nothing more than the day (the time stays to guess). */
const RELATIVE: ReadonlyArray<{ words: string[]; days: number }> = [
  { words: ['day', 'after', 'tomorrow'], days: 2 },
  { words: ['apres', 'demain'], days: 2 },
  { words: ['apres-demain'], days: 2 },
  { words: ['tomorrow', 'evening'], days: 1 },
  { words: ['tomorrow', 'night'], days: 1 },
  { words: ['demain', 'soir'], days: 1 },
  { words: ['tomorrow'], days: 1 },
  { words: ['demain'], days: 1 },
  { words: ['this', 'evening'], days: 0 },
  { words: ['ce', 'soir'], days: 0 },
  { words: ['tonight'], days: 0 },
  { words: ['today'], days: 0 },
  { words: ["aujourd'hui"], days: 0 },
  { words: ['aujourdhui'], days: 0 },
];

/** Words that may come before a day ("on Thursday", "le 5 décembre", "next Friday", "ce jeudi"). */
const DAY_PREFIXES = new Set(['on', 'le', 'this', 'ce', 'next', 'the']);
/** Words that may follow a weekday ("jeudi prochain", "Thursday next", "jeudi soir"). */
const DAY_SUFFIXES = new Set(['prochain', 'next', 'soir', 'evening', 'night']);
/** Words that may come before a time ("at 18h", "à 18h30", "vers 19h", "from 6pm"). */
const TIME_PREFIXES = new Set(['at', 'a', '@', 'vers', 'around', 'from', 'des', 'starting']);
/** What starts a place: "at Le Comptoir", "à la Felicità", "@ Café Oz". */
const PLACE_MARKERS = new Set(['at', 'à', '@']);
/** "chez Paul": the word is part of the place's name. */
const PLACE_NAMED = new Set(['chez']);
/** Words that end a place ("at Le Comptoir for Sophie's farewell"). */
const PLACE_STOPS = new Set(['for', 'pour', 'with', 'avec']);

/** A token as compared: lower case, accents and trailing punctuation removed, typographic apostrophe made plain. */
function norm(token: string): string {
  return token
    .toLowerCase()
    .replace(/’/g, "'")
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^[("'«]+/, '')
    .replace(/[)»,;!?.:]+$/, '');
}

interface DatePart {
  /** A calendar date (month 1–12). */
  date?: { year?: number; month: number; day: number };
  weekday?: number;
  relativeDays?: number;
}
interface TimePart {
  hour: number;
  minute: number;
}

type Match = { len: number; date?: DatePart; time?: TimePart };

const ORDINAL_DAY = /^(\d{1,2})(?:st|nd|rd|th|er|re|e|eme|ème)?$/;

function dayNumber(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  const m = ORDINAL_DAY.exec(word);
  const n = m ? Number(m[1]) : Number.NaN;
  return n >= 1 && n <= 31 ? n : undefined;
}

function yearNumber(word: string | undefined): number | undefined {
  return word !== undefined && /^20\d{2}$/.test(word) ? Number(word) : undefined;
}

function validDate(year: number | undefined, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year ?? 2024, month, 0)).getUTCDate(); // 2024: a leap year allows the 29th of February
  return day <= days;
}

/** A calendar date starting at token i: numeric, "5 décembre", "December 5th", "5th of December 2026". */
function matchDate(w: readonly string[], i: number, dayFirst: boolean): Match | undefined {
  const word = w[i] ?? '';
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(word);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(year, month, day) ? { len: 1, date: { date: { year, month, day } } } : undefined;
  }
  m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(word);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [day, month] = dayFirst ? [a, b] : [b, a];
    const year = m[3] === undefined ? undefined : m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return validDate(year, month, day) ? { len: 1, date: { date: { ...(year ? { year } : {}), month, day } } } : undefined;
  }
  // "5 décembre", "5th of December", "1er mai", then an optional year.
  const day = dayNumber(word);
  if (day !== undefined) {
    const of = w[i + 1] === 'of' ? 1 : 0;
    const month = MONTHS[w[i + 1 + of] ?? ''];
    if (month !== undefined && validDate(undefined, month, day)) {
      const year = yearNumber(w[i + 2 + of]);
      return { len: 2 + of + (year ? 1 : 0), date: { date: { ...(year ? { year } : {}), month, day } } };
    }
  }
  // "December 5", "Dec 5th, 2026".
  const month = MONTHS[word];
  if (month !== undefined) {
    const d = dayNumber(w[i + 1]);
    if (d !== undefined && validDate(undefined, month, d)) {
      const year = yearNumber(w[i + 2]);
      return { len: 2 + (year ? 1 : 0), date: { date: { ...(year ? { year } : {}), month, day: d } } };
    }
  }
  return undefined;
}

function matchDay(w: readonly string[], i: number, dayFirst: boolean): Match | undefined {
  for (const r of RELATIVE) {
    if (r.words.every((word, k) => w[i + k] === word)) return { len: r.words.length, date: { relativeDays: r.days } };
  }
  const weekday = WEEKDAYS[w[i] ?? ''];
  if (weekday !== undefined) {
    // "jeudi 5 décembre", "Thursday December 5": the date says more than the weekday.
    const date = matchDate(w, i + 1, dayFirst);
    if (date) return { len: 1 + date.len, date: date.date ?? {} };
    let len = 1;
    while (len < 3 && DAY_SUFFIXES.has(w[i + len] ?? '')) len++;
    return { len, date: { weekday } };
  }
  return matchDate(w, i, dayFirst);
}

function hour12(hour: number, meridiem: string): number | undefined {
  if (hour < 1 || hour > 12) return undefined;
  const pm = meridiem.startsWith('p');
  return (hour % 12) + (pm ? 12 : 0);
}

/** A time starting at token i: "18h30", "18h", "18:30", "6:30pm", "6pm", "6 pm", "6.30 p.m.", "noon", "midi". */
function matchTime(w: readonly string[], i: number): Match | undefined {
  const word = w[i] ?? '';
  if (word === 'noon' || word === 'midi') return { len: 1, time: { hour: 12, minute: 0 } };
  const ok = (hour: number | undefined, minute: number): Match | undefined =>
    hour !== undefined && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 ? { len: 1, time: { hour, minute } } : undefined;
  let m = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m|p\.m|a\.m\.|p\.m\.)$/.exec(word);
  if (m) return ok(hour12(Number(m[1]), m[3] ?? ''), Number(m[2] ?? 0));
  m = /^(\d{1,2})(?:[:.h](\d{2}))?$/.exec(word);
  const next = w[i + 1];
  if (m && next !== undefined && /^(am|pm|a\.m|p\.m)\.?$/.test(next)) {
    const t = ok(hour12(Number(m[1]), next), Number(m[2] ?? 0));
    return t ? { ...t, len: 2 } : undefined;
  }
  m = /^(\d{1,2})(?:h(\d{2})?|:(\d{2}))$/.exec(word);
  if (m) return ok(Number(m[1]), Number(m[2] ?? m[3] ?? 0));
  return undefined;
}

/** A day or a time at i, with the little words that may lead to it ("on", "le", "at", "à"…). */
function matchWhen(w: readonly string[], i: number, dayFirst: boolean): Match | undefined {
  const direct = matchDay(w, i, dayFirst) ?? matchTime(w, i);
  if (direct) return direct;
  const word = w[i] ?? '';
  if (DAY_PREFIXES.has(word)) {
    const day = matchDay(w, i + 1, dayFirst);
    if (day) return { ...day, len: day.len + 1 };
  }
  if (TIME_PREFIXES.has(word)) {
    const time = matchTime(w, i + 1);
    if (time) return { ...time, len: time.len + 1 };
  }
  return undefined;
}

const trimPunctuation = (s: string): string => s.replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '');

/** The calendar day (in the zone) a day part names, given a time that must still be to come. */
function resolve(
  day: DatePart | undefined,
  time: TimePart | undefined,
  opts: ParseOptions,
): { startsAt: Date; timeGuessed: boolean } | undefined {
  if (!day && !time) return undefined;
  const zone = opts.timezone;
  const now = dayjs(opts.now).tz(zone);
  const clock = time ?? DEFAULT_TIME;
  const at = (year: number, month: number, date: number) =>
    dayjs.tz(
      `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')} ${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`,
      zone,
    );
  const onDay = (d: dayjs.Dayjs) => at(d.year(), d.month() + 1, d.date());
  const future = (d: dayjs.Dayjs) => d.valueOf() > opts.now.getTime();
  let result: dayjs.Dayjs;
  if (!day) {
    // A time alone: today if it is still to come, else tomorrow.
    result = onDay(now);
    if (!future(result)) result = onDay(now.add(1, 'day'));
  } else if (day.date) {
    const { month, day: date } = day.date;
    if (day.date.year !== undefined) {
      result = at(day.date.year, month, date);
    } else {
      // No year: this year's, unless that day is already behind us (then next year's).
      result = at(now.year(), month, date);
      const today = now.format('YYYY-MM-DD');
      if (result.format('YYYY-MM-DD') < today) result = at(now.year() + 1, month, date);
    }
  } else if (day.weekday !== undefined) {
    // The next such day whose time is still to come (today included).
    let d = now;
    for (let k = 0; k < 8; k++, d = now.add(k, 'day')) {
      if (d.day() === day.weekday && future(onDay(d))) break;
    }
    result = onDay(d);
  } else {
    result = onDay(now.add(day.relativeDays ?? 0, 'day'));
  }
  return { startsAt: result.toDate(), timeGuessed: time === undefined };
}

export function parseAfterworkText(text: string, opts: ParseOptions): ParsedAfterwork {
  const dayFirst = opts.dayFirst ?? true;
  const tokens = text.split(/\s+/).filter((t) => t !== '');
  const w = tokens.map(norm);
  const lower = tokens.map((t) => t.toLowerCase());
  const leftover: string[] = [];
  let day: DatePart | undefined;
  let time: TimePart | undefined;
  let place: string | undefined;

  for (let i = 0; i < tokens.length; ) {
    const when = matchWhen(w, i, dayFirst);
    // A second day or time is not guessed at: it stays in the note, where the host sees it.
    if (when && ((when.date && !day) || (when.time && !time))) {
      if (when.date && !day) day = when.date;
      if (when.time && !time) time = when.time;
      i += when.len;
      continue;
    }
    const marker = lower[i] ?? '';
    if (!place && (PLACE_MARKERS.has(marker) || PLACE_NAMED.has(w[i] ?? ''))) {
      const start = PLACE_NAMED.has(w[i] ?? '') ? i : i + 1;
      const words: string[] = [];
      let j = start;
      for (; j < tokens.length; j++) {
        if (j > start && (PLACE_STOPS.has(w[j] ?? '') || matchWhen(w, j, dayFirst))) break;
        const token = tokens[j] as string;
        words.push(token);
        if (/[,;.!?]$/.test(token)) {
          j++;
          break;
        }
      }
      const named = trimPunctuation(words.join(' ').replace(/[.!?]+$/, ''));
      if (named !== '') {
        place = named;
        i = j;
        continue;
      }
    }
    leftover.push(tokens[i] as string);
    i++;
  }

  const when = resolve(day, time, opts);
  const note = trimPunctuation(leftover.join(' '));
  return {
    ...(when ? { startsAt: when.startsAt } : {}),
    timeGuessed: when?.timeGuessed ?? false,
    ...(place ? { place } : {}),
    ...(note ? { note } : {}),
  };
}
