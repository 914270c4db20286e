import dayjs from 'dayjs';
import 'dayjs/locale/fr.js';
import isoWeek from 'dayjs/plugin/isoWeek.js';
import relativeTime from 'dayjs/plugin/relativeTime.js';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(isoWeek);
dayjs.extend(relativeTime);

import { en, type Messages } from './en.js';
import { fr } from './fr.js';

export type { Messages };
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

const catalogues: Record<Locale, Messages> = { en, fr };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function messages(locale: Locale): Messages {
  return catalogues[locale];
}

/** Slack locales look like `fr-FR` or `en-US`; Terrain speaks the language part when it knows it. */
export function localeFromSlack(slackLocale: string | null | undefined, fallback: Locale): Locale {
  const lang = slackLocale?.slice(0, 2).toLowerCase();
  return isLocale(lang) ? lang : fallback;
}

/** A date as read on a clock in `zone`, in the given language (dayjs locales are global; this keeps the choice local). */
export function inZone(date: Date | string, zone: string, locale: Locale) {
  return dayjs(date).tz(zone).locale(locale);
}
