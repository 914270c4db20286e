import { describe, expect, it } from 'vitest';
import { DEFAULT_DURATION_MS, googleCalendarUrl, MAX_URL, outlookCalendarUrl } from '../../../src/domain/calendar.js';

const event = {
  title: 'Drinks & talk: "sales × marketing"',
  start: new Date('2026-11-26T17:30:00.000Z'),
  place: 'Le Comptoir, 12 rue de la Paix',
  details: 'Ask for Marc.\nSecond line: 100% fun #1',
};

describe('calendar links', () => {
  it('Google Calendar: a template with the title, UTC dates two hours apart by default, details and location, every value encoded', () => {
    const url = new URL(googleCalendarUrl(event));
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).toBe('TEMPLATE');
    expect(url.searchParams.get('text')).toBe(event.title);
    expect(url.searchParams.get('dates')).toBe('20261126T173000Z/20261126T193000Z');
    expect(url.searchParams.get('details')).toBe(event.details);
    expect(url.searchParams.get('location')).toBe(event.place);
    expect(googleCalendarUrl(event)).not.toMatch(/[ "<>|\n]/);
    expect(DEFAULT_DURATION_MS).toBe(2 * 3_600_000);
  });

  it('Outlook on the web: the compose deep link with subject, start and end, location and body', () => {
    const url = new URL(outlookCalendarUrl({ ...event, end: new Date('2026-11-26T22:00:00.000Z') }));
    expect(url.origin + url.pathname).toBe('https://outlook.office.com/calendar/0/deeplink/compose');
    expect(url.searchParams.get('subject')).toBe(event.title);
    expect(url.searchParams.get('startdt')).toBe('2026-11-26T17:30:00Z');
    expect(url.searchParams.get('enddt')).toBe('2026-11-26T22:00:00Z');
    expect(url.searchParams.get('location')).toBe(event.place);
    expect(url.searchParams.get('body')).toBe(event.details);
    expect(url.searchParams.get('rru')).toBe('addevent');
  });

  it('a lone surrogate (half an emoji) does not break the link: it becomes U+FFFD', () => {
    for (const build of [googleCalendarUrl, outlookCalendarUrl]) {
      const url = build({ ...event, title: 'Drinks \uD83C', place: '\uDF7A bar' });
      expect(url).toContain('Drinks%20%EF%BF%BD');
    }
  });

  it('leaves out what is not known', () => {
    const url = new URL(googleCalendarUrl({ title: 'Drinks', start: event.start, place: null, details: null }));
    expect(url.searchParams.has('location')).toBe(false);
    expect(url.searchParams.has('details')).toBe(false);
  });

  it('stays within Slack’s 3,000 characters for a button URL, shortening the details first', () => {
    const long = { ...event, details: 'é'.repeat(2000), title: 'Drinks' };
    for (const build of [googleCalendarUrl, outlookCalendarUrl]) {
      const url = build(long);
      expect(url.length).toBeLessThanOrEqual(MAX_URL);
      expect(new URL(url).searchParams.get(build === googleCalendarUrl ? 'text' : 'subject')).toBe('Drinks');
    }
  });
});
