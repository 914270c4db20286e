import dayjs from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek.js';
import utc from 'dayjs/plugin/utc.js';
import { instantOf, type Period, wallClock } from './fire-times.js';

dayjs.extend(utc);
dayjs.extend(isoWeek);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** ISO week of the period: that of its middle, so a Monday-morning digest names the week it sums up. */
export function periodWeek(period: Period, timezone: string): { week: number; year: number } {
  const middle = new Date((period.start.getTime() + period.end.getTime()) / 2);
  const w = wallClock(middle.getTime(), timezone);
  const d = dayjs.utc(Date.UTC(w.year, w.month - 1, w.day));
  return { week: d.isoWeek(), year: d.isoWeekYear() };
}

/** Monday 00:00 to the next Monday 00:00 of the ISO week holding the period's middle, as instants in `timezone`. */
function isoWeekBounds(period: Period, timezone: string): Period {
  const middle = wallClock((period.start.getTime() + period.end.getTime()) / 2, timezone);
  const day = dayjs.utc(Date.UTC(middle.year, middle.month - 1, middle.day));
  const monday = day.subtract(day.isoWeekday() - 1, 'day').valueOf();
  return { start: new Date(instantOf(monday, timezone)), end: new Date(instantOf(monday + 7 * DAY, timezone)) };
}

export type PeriodLabel = { kind: 'week'; week: number; year: number } | { kind: 'dates' };

/**
 * What a digest may call its period. "Week 47" only when it is that ISO week: about a week long (a
 * daylight-saving hour either way) and no more than a day of it outside the week (a Monday 09:00 digest
 * covers Monday 09:00 to Monday 09:00). A daily or monthly schedule, a Wednesday-to-Wednesday week, a
 * period over months: its dates. `period` is the whole scheduled period the digest belongs to (a
 * preview of the week so far is still that week's).
 */
export function periodLabel(period: Period, timezone: string): PeriodLabel {
  const length = period.end.getTime() - period.start.getTime();
  if (length < 6 * DAY || length > 7 * DAY + HOUR) return { kind: 'dates' };
  const week = isoWeekBounds(period, timezone);
  const outside = Math.max(0, week.start.getTime() - period.start.getTime()) + Math.max(0, period.end.getTime() - week.end.getTime());
  return outside <= DAY ? { kind: 'week', ...periodWeek(period, timezone) } : { kind: 'dates' };
}
