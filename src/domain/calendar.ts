/** "Add to calendar" links for an event, built from it alone (no account, no file). */
import { wellFormed } from './escape.js';

export interface CalendarEvent {
  title: string;
  start: Date;
  /** Default: two hours after the start. */
  end?: Date;
  place?: string | null;
  details?: string | null;
}

/** How long an after-work lasts in a calendar when nobody said. */
export const DEFAULT_DURATION_MS = 2 * 60 * 60 * 1000;

/** Slack refuses a button URL over 3,000 characters. */
export const MAX_URL = 3000;

/** encodeURIComponent throws on a lone surrogate (half an emoji): it becomes U+FFFD first. */
const enc = (text: string) => encodeURIComponent(wellFormed(text));

/** `20261205T173000Z`: Google's UTC form. */
function googleTime(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** `2026-12-05T17:30:00Z`: Outlook's. */
const isoSeconds = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

const endOf = (e: CalendarEvent): Date => e.end ?? new Date(e.start.getTime() + DEFAULT_DURATION_MS);

/** Builds a link, shortening the free text (details first, then the title) until it fits Slack's limit. */
function fitting(build: (title: string, details: string) => string, e: CalendarEvent): string {
  let title = e.title;
  let details = e.details ?? '';
  let url = build(title, details);
  while (url.length > MAX_URL && details.length > 0) {
    details = details.slice(0, Math.floor(details.length * 0.7));
    url = build(title, details);
  }
  while (url.length > MAX_URL && title.length > 1) {
    title = title.slice(0, Math.floor(title.length * 0.7));
    url = build(title, details);
  }
  return url;
}

export function googleCalendarUrl(e: CalendarEvent): string {
  return fitting(
    (title, details) =>
      'https://calendar.google.com/calendar/render?action=TEMPLATE' +
      `&text=${enc(title)}` +
      `&dates=${googleTime(e.start)}/${googleTime(endOf(e))}` +
      (details ? `&details=${enc(details)}` : '') +
      (e.place ? `&location=${enc(e.place)}` : ''),
    e,
  );
}

export function outlookCalendarUrl(e: CalendarEvent): string {
  return fitting(
    (title, details) =>
      'https://outlook.office.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent' +
      `&subject=${enc(title)}` +
      `&startdt=${enc(isoSeconds(e.start))}` +
      `&enddt=${enc(isoSeconds(endOf(e)))}` +
      (e.place ? `&location=${enc(e.place)}` : '') +
      (details ? `&body=${enc(details)}` : ''),
    e,
  );
}
