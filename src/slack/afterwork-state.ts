import type { AfterworkModalMetadata } from '../blocks/afterwork-modal.js';
import type { AfterworkForm } from '../domain/afterwork.js';
import { isChannelId } from '../domain/slack-ids.js';
import { isLocale } from '../i18n/index.js';
import { AFTERWORK_FIELDS, FIELD_ACTION } from '../ids.js';

type StateValues = Record<string, Record<string, object | undefined>>;

const input = (values: StateValues | undefined, blockId: string) =>
  values?.[blockId]?.[FIELD_ACTION] as Record<string, unknown> | undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The after-work modal as submitted: text typed, the picked time (unix seconds) and channel. */
export function readAfterworkForm(values: StateValues | undefined): AfterworkForm {
  const when = input(values, AFTERWORK_FIELDS.when)?.selected_date_time;
  return {
    title: str(input(values, AFTERWORK_FIELDS.title)?.value),
    startsAt: typeof when === 'number' ? when : typeof when === 'string' && /^\d+$/.test(when) ? Number(when) : undefined,
    place: str(input(values, AFTERWORK_FIELDS.place)?.value),
    note: str(input(values, AFTERWORK_FIELDS.note)?.value),
    capacity: str(input(values, AFTERWORK_FIELDS.capacity)?.value),
    channelId: str(input(values, AFTERWORK_FIELDS.channel)?.selected_conversation),
  };
}

const isHttpsUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/[^\s<>|]+$/.test(v) && v.length < 1000;

/** private_metadata comes back as sent, but is read defensively all the same. */
export function parseAfterworkMetadata(raw: string | undefined, fallbackLocale: string): AfterworkModalMetadata {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(raw ?? '{}');
    if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
  } catch {
    // tampered with, or from an older version: defaults
  }
  const id = data.afterworkId;
  const zone = typeof data.timezone === 'string' && data.timezone.length < 64 ? data.timezone : 'UTC';
  return {
    locale: isLocale(data.locale) ? data.locale : fallbackLocale,
    timezone: isValidZone(zone) ? zone : 'UTC',
    ...(typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? { afterworkId: id } : {}),
    ...(isHttpsUrl(data.responseUrl) ? { responseUrl: data.responseUrl } : {}),
  };
}

function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const validChannel = (id: string | undefined): string | undefined => (isChannelId(id) ? id : undefined);
