import type { ItemKind } from '../../db/schema.js';
import type { ModalMetadata } from '../blocks/modals.js';
import type { ItemModalMetadata } from '../blocks/triage.js';
import type { ItemFormValues } from '../domain/items.js';
import { isChannelId, isMessageTs } from '../domain/slack-ids.js';
import { isTriageStatus } from '../domain/triage.js';
import { isLocale } from '../i18n/index.js';
import { FIELD_ACTION, FIELDS } from '../ids.js';

type StateValues = Record<
  string,
  Record<string, { value?: string | null; selected_option?: { value?: string } | null; selected_time?: string | null } | undefined>
>;

/** The one way Terrain reads a modal input: text typed, or the value of the option picked. */
export function readField(values: StateValues | undefined, blockId: string): string | undefined {
  const input = values?.[blockId]?.[FIELD_ACTION];
  const value = input?.selected_option?.value ?? input?.selected_time ?? input?.value;
  return typeof value === 'string' ? value : undefined;
}

export function readItemForm(values: StateValues | undefined, kind: ItemKind): ItemFormValues {
  return {
    kind,
    category: readField(values, FIELDS.category),
    text: readField(values, FIELDS.text),
    product: readField(values, FIELDS.product),
    customer: readField(values, FIELDS.customer),
    revenue: readField(values, FIELDS.revenue),
    urgency: readField(values, FIELDS.urgency),
    competitor: readField(values, FIELDS.competitor),
    customerNeed: readField(values, FIELDS.customerNeed),
    reason: readField(values, FIELDS.reason),
  };
}

const isHttpsUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/[^\s<>|]+$/.test(v) && v.length < 1000;

/** private_metadata comes back from Slack as we sent it, but it is parsed defensively all the same. */
export function parseModalMetadata(raw: string | undefined, fallbackKind: ItemKind, fallbackLocale: string): ModalMetadata {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(raw ?? '{}');
    if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
  } catch {
    // A modal opened by an older version, or tampered with: fall back to defaults.
  }
  return {
    kind: data.kind === 'flag' || data.kind === 'feedback' ? data.kind : fallbackKind,
    locale: isLocale(data.locale) ? data.locale : fallbackLocale,
    ...(isChannelId(data.channelId) ? { channelId: data.channelId } : {}),
    ...(isHttpsUrl(data.responseUrl) ? { responseUrl: data.responseUrl } : {}),
    ...(isChannelId(data.sourceChannelId) ? { sourceChannelId: data.sourceChannelId } : {}),
    ...(isMessageTs(data.sourceTs) ? { sourceTs: data.sourceTs } : {}),
    ...(isHttpsUrl(data.sourcePermalink) ? { sourcePermalink: data.sourcePermalink } : {}),
  };
}

/** The triage and add-customer modals' private_metadata, read defensively (a forged one names no item). */
export function parseItemModalMetadata(raw: string | undefined, fallbackLocale: string): ItemModalMetadata | undefined {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(raw ?? '{}');
    if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof data.itemId !== 'number' || !Number.isSafeInteger(data.itemId) || data.itemId <= 0) return undefined;
  return {
    itemId: data.itemId,
    ...(isTriageStatus(data.to) ? { to: data.to } : {}),
    locale: isLocale(data.locale) ? data.locale : fallbackLocale,
  };
}
