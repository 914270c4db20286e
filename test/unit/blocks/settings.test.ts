import type { AnyBlock, InputBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { buildSettingsModal, type SettingsValues, simpleWeekly, usergroupLabel, weeklyCron } from '../../../src/blocks/settings.js';
import { en } from '../../../src/i18n/en.js';
import { fr } from '../../../src/i18n/fr.js';
import { FIELD_ACTION, SETTINGS_FIELDS, VIEWS } from '../../../src/ids.js';

const inputs = (blocks: AnyBlock[]) => blocks.filter((b): b is InputBlock => b.type === 'input');
const byId = (blocks: AnyBlock[], id: string) => inputs(blocks).find((b) => b.block_id === id);
const element = (blocks: AnyBlock[], id: string) => byId(blocks, id)?.element as unknown as Record<string, any>;

const values = (over: Partial<SettingsValues> = {}): SettingsValues => ({
  channelId: 'C0SHARED',
  cron: '0 9 * * 1',
  timezone: 'Europe/Paris',
  locale: 'en',
  currency: 'EUR',
  ...over,
});

describe('simpleWeekly and weeklyCron', () => {
  const days = [0, 1, 2, 3, 4, 5, 6];
  const times = ['00:00', '07:05', '09:00', '12:30', '18:45', '23:59'];

  it.each(days)('round-trip day %i at every time', (day) => {
    for (const time of times) {
      const cron = weeklyCron(day, time);
      expect(simpleWeekly(cron), cron).toEqual({ day, time });
    }
  });

  it('writes minute, hour, then the day of the week', () => {
    expect(weeklyCron(1, '09:00')).toBe('0 9 * * 1');
    expect(weeklyCron(5, '17:30')).toBe('30 17 * * 5');
    expect(weeklyCron(0, '07:05')).toBe('5 7 * * 0');
  });

  it('reads a weekly cron as day and zero-padded time', () => {
    expect(simpleWeekly('0 9 * * 1')).toEqual({ day: 1, time: '09:00' });
    expect(simpleWeekly('05 7 * * 3')).toEqual({ day: 3, time: '07:05' });
    expect(simpleWeekly('  30 17 * * 5  ')).toEqual({ day: 5, time: '17:30' });
  });

  it('reads Sunday written as 7 as day 0', () => {
    expect(simpleWeekly('0 9 * * 7')).toEqual({ day: 0, time: '09:00' });
  });

  it.each([
    '0 9 * * 1-5',
    '*/5 * * * *',
    '0 9 * * *',
    '0 9 1 * *',
    '0 9 13 * 5',
    '0 9 * 1 1',
    '0 9 * * 1,3',
    '0 9 * * MON',
    '0 0 9 * * 1',
    '0 */2 * * 1',
    '60 9 * * 1',
    '0 24 * * 1',
    '0 9 * * 8',
    '',
    'not a cron',
  ])('"%s" is not a simple weekly schedule', (cron) => {
    expect(simpleWeekly(cron)).toBeUndefined();
  });
});

describe('buildSettingsModal', () => {
  it('is the settings modal, with its callback id and the settings fields in order', () => {
    const view = buildSettingsModal(en, values());
    expect(view.type).toBe('modal');
    expect(view.callback_id).toBe(VIEWS.settings);
    expect(view.callback_id).toBe('terrain_settings_modal');
    expect(inputs(view.blocks).map((b) => b.block_id)).toEqual([
      SETTINGS_FIELDS.day,
      SETTINGS_FIELDS.time,
      SETTINGS_FIELDS.timezone,
      SETTINGS_FIELDS.cron,
      SETTINGS_FIELDS.language,
      SETTINGS_FIELDS.currency,
      SETTINGS_FIELDS.salesGroup,
      SETTINGS_FIELDS.marketingGroup,
    ]);
    for (const input of inputs(view.blocks)) expect((input.element as { action_id?: string }).action_id).toBe(FIELD_ACTION);
  });

  it('is titled and buttoned in the user’s language', () => {
    expect(buildSettingsModal(en, values()).title.text).toBe(en.settings.title);
    expect(buildSettingsModal(fr, values()).title.text).toBe(fr.settings.title);
    expect(buildSettingsModal(fr, values()).submit?.text).toBe(fr.settings.save);
    expect(buildSettingsModal(fr, values()).close?.text).toBe(fr.modal.close);
  });

  it('names the shared channel, or says there is none yet', () => {
    const intro = (v: SettingsValues) => ((buildSettingsModal(en, v).blocks[0] as SectionBlock).text?.text ?? '') as string;
    expect(intro(values())).toBe(en.settings.intro('<#C0SHARED>'));
    expect(intro(values({ channelId: undefined }))).toBe(en.settings.noChannel);
  });

  it.each([
    [0, '07:05'],
    [1, '09:00'],
    [2, '12:30'],
    [3, '18:45'],
    [4, '00:00'],
    [5, '17:30'],
    [6, '23:59'],
  ])('preselects day %i and %s for a simple weekly schedule', (day, time) => {
    const blocks = buildSettingsModal(en, values({ cron: weeklyCron(day, time) })).blocks;
    expect(element(blocks, SETTINGS_FIELDS.day).initial_option).toEqual({
      text: expect.objectContaining({ text: en.settings.days[day] }),
      value: String(day),
    });
    expect(element(blocks, SETTINGS_FIELDS.time).initial_time).toBe(time);
    expect(element(blocks, SETTINGS_FIELDS.cron)).not.toHaveProperty('initial_value');
  });

  it('offers the days Monday first, named in the language', () => {
    const blocks = buildSettingsModal(fr, values()).blocks;
    const options = element(blocks, SETTINGS_FIELDS.day).options as Array<{ text: { text: string }; value: string }>;
    expect(options.map((o) => o.value)).toEqual(['1', '2', '3', '4', '5', '6', '0']);
    expect(options.map((o) => o.text.text)).toEqual(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']);
  });

  it('preselects Sunday for a schedule written with 7', () => {
    const blocks = buildSettingsModal(en, values({ cron: '0 9 * * 7' })).blocks;
    expect(element(blocks, SETTINGS_FIELDS.day).initial_option.value).toBe('0');
    expect(element(blocks, SETTINGS_FIELDS.cron)).not.toHaveProperty('initial_value');
  });

  it.each(['0 9 * * 1-5', '*/5 * * * *', '0 9 1 * *', '30 0 9 * * 1'])(
    'shows the custom schedule "%s" in the cron field, with Monday 09:00 in the pickers',
    (cron) => {
      const blocks = buildSettingsModal(en, values({ cron })).blocks;
      expect(element(blocks, SETTINGS_FIELDS.cron).initial_value).toBe(cron);
      expect(element(blocks, SETTINGS_FIELDS.day).initial_option.value).toBe('1');
      expect(element(blocks, SETTINGS_FIELDS.time).initial_time).toBe('09:00');
    },
  );

  it('leaves the cron field optional', () => {
    expect(byId(buildSettingsModal(en, values()).blocks, SETTINGS_FIELDS.cron)?.optional).toBe(true);
  });

  it('preselects the time zone', () => {
    for (const timezone of ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe']) {
      expect(element(buildSettingsModal(en, values({ timezone })).blocks, SETTINGS_FIELDS.timezone).initial_value).toBe(timezone);
    }
  });

  it('preselects the language, offering every one', () => {
    const language = (locale: string) => element(buildSettingsModal(en, values({ locale })).blocks, SETTINGS_FIELDS.language);
    expect(language('fr').initial_option).toEqual({ text: expect.objectContaining({ text: 'Français' }), value: 'fr' });
    expect(language('en').initial_option.value).toBe('en');
    expect((language('en').options as Array<{ value: string }>).map((o) => o.value)).toEqual(['en', 'fr']);
  });

  it('falls back to the first language for an unknown one', () => {
    expect(element(buildSettingsModal(en, values({ locale: 'de' })).blocks, SETTINGS_FIELDS.language).initial_option.value).toBe('en');
  });

  it('preselects the workspace currency, offering the common ones labelled in the reader’s language', () => {
    const currency = (t: typeof en, code: string) =>
      element(buildSettingsModal(t, values({ currency: code })).blocks, SETTINGS_FIELDS.currency);
    expect(currency(en, 'USD').initial_option).toEqual({ text: expect.objectContaining({ text: 'USD · US Dollar' }), value: 'USD' });
    expect(currency(fr, 'EUR').initial_option).toEqual({ text: expect.objectContaining({ text: 'EUR · Euro' }), value: 'EUR' });
    const codes = (currency(en, 'EUR').options as Array<{ value: string }>).map((o) => o.value);
    expect(codes.slice(0, 3)).toEqual(['EUR', 'USD', 'GBP']);
    // A code set another way stays selectable rather than silently replaced.
    const other = currency(en, 'NZD');
    expect(other.initial_option.value).toBe('NZD');
    expect(other.options.length).toBe(codes.length + 1);
  });

  describe('the sales and marketing user groups', () => {
    it('are two optional external selects fed as the admin types, with no group picked yet', () => {
      const blocks = buildSettingsModal(en, values()).blocks;
      for (const [id, label] of [
        [SETTINGS_FIELDS.salesGroup, en.settings.salesGroup],
        [SETTINGS_FIELDS.marketingGroup, en.settings.marketingGroup],
      ] as const) {
        expect(byId(blocks, id)?.optional).toBe(true);
        expect(byId(blocks, id)?.label.text).toBe(label);
        expect(element(blocks, id)).toMatchObject({ type: 'external_select', action_id: FIELD_ACTION, min_query_length: 0 });
        expect(element(blocks, id)).not.toHaveProperty('initial_option');
      }
    });

    it('preselect the groups named, as Slack shows them', () => {
      const blocks = buildSettingsModal(
        fr,
        values({ usergroups: { available: true, sales: { id: 'S0SALES', label: '@sales (Sales team)' }, marketing: null } }),
      ).blocks;
      expect(element(blocks, SETTINGS_FIELDS.salesGroup).initial_option).toEqual({
        text: expect.objectContaining({ text: '@sales (Sales team)' }),
        value: 'S0SALES',
      });
      expect(element(blocks, SETTINGS_FIELDS.marketingGroup)).not.toHaveProperty('initial_option');
      expect(byId(blocks, SETTINGS_FIELDS.salesGroup)?.label.text).toBe(fr.settings.salesGroup);
    });

    it('give way to a line saying so on a workspace without user groups', () => {
      const blocks = buildSettingsModal(en, values({ usergroups: { available: false, sales: null, marketing: null } })).blocks;
      expect(byId(blocks, SETTINGS_FIELDS.salesGroup)).toBeUndefined();
      expect(byId(blocks, SETTINGS_FIELDS.marketingGroup)).toBeUndefined();
      expect(JSON.stringify(blocks)).toContain(en.settings.noUsergroups);
    });

    it('label a group by its handle and name, once when they are the same', () => {
      expect(usergroupLabel({ handle: 'sales-emea', name: 'Sales EMEA' })).toBe('@sales-emea (Sales EMEA)');
      expect(usergroupLabel({ handle: 'marketing', name: 'marketing' })).toBe('@marketing');
      expect(usergroupLabel({ handle: '', name: 'Field team' })).toBe('Field team');
    });
  });
});
