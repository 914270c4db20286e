import cron from 'node-cron';

/**
 * When a cron schedule fires, in a time zone, with one rule for daylight-saving changes: a wall-clock
 * time that does not exist (spring forward) fires once, shifted forward by the gap (02:30 → 03:30), and
 * one that happens twice (fall back) fires once, at its first occurrence. node-cron parses and validates
 * the expression; this module turns it into instants, the same way forwards and backwards, so that a
 * period (previous fire, fire] never has a hole or an overlap.
 */
export interface Schedule {
  readonly cron: string;
  readonly timezone: string;
}

interface Fields {
  seconds: number[];
  minutes: number[];
  hours: number[];
  daysOfMonth: Set<number>;
  months: Set<number>;
  daysOfWeek: Set<number>;
  /** Cron's rule: when both day fields are restricted, a day matches either. */
  dayOr: boolean;
}

const cache = new Map<string, Fields>();

function numbers(values: (number | string)[]): number[] {
  return values.map(Number).filter((n) => Number.isFinite(n));
}

function fields(expression: string): Fields {
  const hit = cache.get(expression);
  if (hit) return hit;
  const parsed = cron.parse(expression);
  const dom = numbers(parsed.dayOfMonth);
  const dow = numbers(parsed.dayOfWeek).map((d) => d % 7);
  const f: Fields = {
    seconds: [...new Set(numbers(parsed.second))].sort((a, b) => a - b),
    minutes: [...new Set(numbers(parsed.minute))].sort((a, b) => a - b),
    hours: [...new Set(numbers(parsed.hour))].sort((a, b) => a - b),
    daysOfMonth: new Set(dom),
    months: new Set(numbers(parsed.month)),
    daysOfWeek: new Set(dow),
    dayOr: new Set(dom).size < 31 && new Set(dow).size < 7,
  };
  cache.set(expression, f);
  return f;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date and time in `timezone` at an instant. */
export function wallClock(instant: number, timezone: string) {
  let fmt = formatters.get(timezone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, fmt);
  }
  const p = Object.fromEntries(fmt.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return { year: +p.year!, month: +p.month!, day: +p.day!, hour: +p.hour!, minute: +p.minute!, second: +p.second! };
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timezone: string): number {
  const w = wallClock(instant, timezone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The instant of a wall-clock time in `timezone`: the first one when it happens twice, shifted forward over a gap. */
export function instantOf(wallMs: number, timezone: string): number {
  // The two offsets in force a day around this wall time cover any transition near it.
  const before = offsetAt(wallMs - 86_400_000, timezone);
  const after = offsetAt(wallMs + 86_400_000, timezone);
  const candidates = [...new Set([wallMs - before, wallMs - after])]
    .filter((t) => t + offsetAt(t, timezone) === wallMs)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return candidates[0]!;
  // In a gap: read with the offset before the jump, which lands just as far after it.
  return wallMs - before;
}

function dayMatches(f: Fields, y: number, m: number, d: number): boolean {
  if (!f.months.has(m)) return false;
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const domOk = f.daysOfMonth.has(d);
  const dowOk = f.daysOfWeek.has(dow);
  return f.dayOr ? domOk || dowOk : domOk && dowOk;
}

/** Every fire of one local calendar day (given as its UTC-midnight wall time), in order. */
function firesOfDay(f: Fields, dayWall: number, timezone: string): number[] {
  const d = new Date(dayWall);
  if (!dayMatches(f, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())) return [];
  const out: number[] = [];
  for (const h of f.hours)
    for (const m of f.minutes) for (const s of f.seconds) out.push(instantOf(dayWall + ((h * 60 + m) * 60 + s) * 1000, timezone));
  // An overlap maps two wall times to one instant only in theory; a gap may reorder: keep them sorted, unique.
  return [...new Set(out)].sort((a, b) => a - b);
}

const DAY = 86_400_000;
/** Far enough for any real schedule (29 February comes back within 8 years). */
const MAX_DAYS = 366 * 8;

function localDay(instant: number, timezone: string): number {
  const w = wallClock(instant, timezone);
  return Date.UTC(w.year, w.month - 1, w.day);
}

/** The latest fire at or before `at`. */
export function previousFire(schedule: Schedule, at: Date): Date {
  const f = fields(schedule.cron);
  const t = at.getTime();
  // Start a day ahead: a fire shifted over a gap can belong to the next local day's wall times.
  for (let day = localDay(t, schedule.timezone) + DAY, i = 0; i < MAX_DAYS; day -= DAY, i++) {
    const fires = firesOfDay(f, day, schedule.timezone).filter((x) => x <= t);
    if (fires.length > 0) return new Date(fires[fires.length - 1]!);
  }
  throw new Error(`the schedule "${schedule.cron}" never fires`);
}

/** The first fire strictly after `at`. */
export function nextFire(schedule: Schedule, at: Date): Date {
  const f = fields(schedule.cron);
  const t = at.getTime();
  for (let day = localDay(t, schedule.timezone) - DAY, i = 0; i < MAX_DAYS; day += DAY, i++) {
    const fire = firesOfDay(f, day, schedule.timezone).find((x) => x > t);
    if (fire !== undefined) return new Date(fire);
  }
  throw new Error(`the schedule "${schedule.cron}" never fires`);
}

export interface Period {
  /** Exclusive. */
  readonly start: Date;
  /** Inclusive. */
  readonly end: Date;
}

/** What a scheduled run at fire time F covers: (previous fire, F]. */
export function periodEndingAt(schedule: Schedule, fire: Date): Period {
  return { start: previousFire(schedule, new Date(fire.getTime() - 1)), end: fire };
}
