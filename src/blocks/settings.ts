import type { KnownBlock, ModalView } from '@slack/types';
import { CURRENCIES, currencyLabel } from '../domain/money.js';
import { mentionChannel } from '../domain/slack-ids.js';
import { LOCALES, type Messages } from '../i18n/index.js';
import { FIELD_ACTION, SETTINGS_FIELDS, VIEWS } from '../ids.js';
import { context, plain, section } from './kit.js';

export interface UsergroupOption {
  id: string;
  /** As Slack shows it: `@handle (name)`. */
  label: string;
}

export interface SettingsValues {
  channelId: string | undefined;
  cron: string;
  timezone: string;
  locale: string;
  /** ISO 4217 code of amounts at stake. */
  currency: string;
  /**
   * The sales and marketing user groups named, and whether the workspace has user groups at all (Slack's
   * free plan has none: the modal then says so instead of offering empty pickers). Unknown: offered.
   */
  usergroups?: { available: boolean; sales: UsergroupOption | null; marketing: UsergroupOption | null };
}

/** An option's text is at most 75 characters in Slack. */
export const usergroupOption = (g: UsergroupOption) => ({ text: plain(g.label.slice(0, 75)), value: g.id });

export function usergroupLabel(g: { handle: string; name: string }): string {
  return g.handle ? `@${g.handle}${g.name && g.name !== g.handle ? ` (${g.name})` : ''}` : g.name;
}

/** `M H * * D` → day and time for the pickers; anything else is shown as a custom schedule. */
export function simpleWeekly(cron: string): { day: number; time: string } | undefined {
  const m = /^(\d{1,2}) (\d{1,2}) \* \* ([0-7])$/.exec(cron.trim());
  if (!m) return undefined;
  const [minute, hour, day] = [Number(m[1]), Number(m[2]), Number(m[3]) % 7];
  if (minute > 59 || hour > 23) return undefined;
  return { day, time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}

export function weeklyCron(day: number, time: string): string {
  const [hour = 9, minute = 0] = time.split(':').map(Number);
  return `${minute} ${hour} * * ${day}`;
}

/** The workspace settings modal: digest day and time, time zone, language (a cron for the rest). */
export function buildSettingsModal(t: Messages, v: SettingsValues): ModalView {
  const simple = simpleWeekly(v.cron);
  // Monday first, as both teams' weeks start.
  const dayOptions = [1, 2, 3, 4, 5, 6, 0].map((day) => ({ text: plain(t.settings.days[day] ?? String(day)), value: String(day) }));
  const languageOptions = LOCALES.map((l) => ({ text: plain(t.settings.languages[l] ?? l), value: l }));
  // A code set some other way than this list stays selectable.
  const codes = (CURRENCIES as readonly string[]).includes(v.currency) ? CURRENCIES : [v.currency, ...CURRENCIES];
  const currencyOptions = codes.map((c) => ({ text: plain(currencyLabel(c, t.dayjsLocale)), value: c }));
  const blocks: KnownBlock[] = [
    section(v.channelId ? t.settings.intro(mentionChannel(v.channelId)) : t.settings.noChannel),
    {
      type: 'input',
      block_id: SETTINGS_FIELDS.day,
      label: plain(t.settings.day),
      element: {
        type: 'static_select',
        action_id: FIELD_ACTION,
        options: dayOptions,
        initial_option: dayOptions.find((o) => o.value === String(simple?.day ?? 1)),
      },
    },
    {
      type: 'input',
      block_id: SETTINGS_FIELDS.time,
      label: plain(t.settings.time),
      element: { type: 'timepicker', action_id: FIELD_ACTION, initial_time: simple?.time ?? '09:00' },
    },
    {
      type: 'input',
      block_id: SETTINGS_FIELDS.timezone,
      label: plain(t.settings.timezone),
      hint: plain(t.settings.timezoneHint),
      element: { type: 'plain_text_input', action_id: FIELD_ACTION, initial_value: v.timezone, max_length: 64 },
    },
    {
      type: 'input',
      block_id: SETTINGS_FIELDS.cron,
      optional: true,
      label: plain(t.settings.cron),
      hint: plain(t.settings.cronHint),
      element: { type: 'plain_text_input', action_id: FIELD_ACTION, max_length: 100, ...(simple ? {} : { initial_value: v.cron }) },
    },
    {
      type: 'input',
      block_id: SETTINGS_FIELDS.language,
      label: plain(t.settings.language),
      element: {
        type: 'static_select',
        action_id: FIELD_ACTION,
        options: languageOptions,
        initial_option: languageOptions.find((o) => o.value === v.locale) ?? languageOptions[0],
      },
    },
    {
      type: 'input',
      block_id: SETTINGS_FIELDS.currency,
      label: plain(t.settings.currency),
      element: {
        type: 'static_select',
        action_id: FIELD_ACTION,
        options: currencyOptions,
        initial_option: currencyOptions.find((o) => o.value === v.currency) ?? currencyOptions[0],
      },
    },
  ];
  blocks.push(...usergroupBlocks(t, v.usergroups ?? { available: true, sales: null, marketing: null }));
  return {
    type: 'modal',
    callback_id: VIEWS.settings,
    title: plain(t.settings.title),
    submit: plain(t.settings.save),
    close: plain(t.modal.close),
    blocks,
  };
}

/**
 * The sales and marketing user groups: Slack has no user-group select for modals, so an external select
 * whose options come from usergroups.list as the admin types (any number of groups, searchable, the
 * value is the group's id); optional, with a "none" option to stop following a group. A workspace
 * without user groups gets a line saying so instead.
 */
function usergroupBlocks(t: Messages, g: NonNullable<SettingsValues['usergroups']>): KnownBlock[] {
  if (!g.available) return [context(t.settings.noUsergroups)];
  const select = (blockId: string, label: string, current: UsergroupOption | null): KnownBlock => ({
    type: 'input',
    block_id: blockId,
    optional: true,
    label: plain(label),
    hint: plain(t.settings.groupHint),
    element: {
      type: 'external_select',
      action_id: FIELD_ACTION,
      min_query_length: 0,
      placeholder: plain(t.settings.groupPlaceholder),
      ...(current ? { initial_option: usergroupOption(current) } : {}),
    },
  });
  return [
    select(SETTINGS_FIELDS.salesGroup, t.settings.salesGroup, g.sales),
    select(SETTINGS_FIELDS.marketingGroup, t.settings.marketingGroup, g.marketing),
  ];
}
