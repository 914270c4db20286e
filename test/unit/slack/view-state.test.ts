import { describe, expect, it } from 'vitest';
import { FIELD_ACTION, FIELDS } from '../../../src/ids.js';
import { parseModalMetadata, readField, readItemForm } from '../../../src/slack/view-state.js';

const text = (value: string | null) => ({ [FIELD_ACTION]: { value } });
const picked = (value: string | null) => ({ [FIELD_ACTION]: { selected_option: value === null ? null : { value } } });

describe('readField', () => {
  it('reads typed text', () => {
    expect(readField({ [FIELDS.text]: text('offline mode') }, FIELDS.text)).toBe('offline mode');
  });

  it('reads the value of the option picked', () => {
    expect(readField({ [FIELDS.category]: picked('idea') }, FIELDS.category)).toBe('idea');
  });

  it('gives nothing for an empty input, no option picked, a missing block or no state at all', () => {
    expect(readField({ [FIELDS.text]: text(null) }, FIELDS.text)).toBeUndefined();
    expect(readField({ [FIELDS.urgency]: picked(null) }, FIELDS.urgency)).toBeUndefined();
    expect(readField({}, FIELDS.text)).toBeUndefined();
    expect(readField(undefined, FIELDS.text)).toBeUndefined();
  });

  it('reads only the action id Terrain uses', () => {
    expect(readField({ [FIELDS.text]: { other_action: { value: 'x' } } }, FIELDS.text)).toBeUndefined();
  });

  it('ignores a value that is not a string', () => {
    const values = { [FIELDS.text]: { [FIELD_ACTION]: { value: 42 as unknown as string } } };
    expect(readField(values, FIELDS.text)).toBeUndefined();
  });
});

describe('readItemForm', () => {
  it('reads every field of a feedback modal', () => {
    const values = {
      [FIELDS.category]: picked('competitor'),
      [FIELDS.text]: text('Acme has SSO'),
      [FIELDS.product]: text('Pro'),
      [FIELDS.customer]: text('Globex'),
      [FIELDS.revenue]: text('50 000'),
      [FIELDS.urgency]: picked('high'),
      [FIELDS.competitor]: text('Acme'),
    };
    expect(readItemForm(values, 'feedback')).toEqual({
      kind: 'feedback',
      category: 'competitor',
      text: 'Acme has SSO',
      product: 'Pro',
      customer: 'Globex',
      revenue: '50 000',
      urgency: 'high',
      competitor: 'Acme',
      customerNeed: undefined,
      reason: undefined,
    });
  });

  it('reads the flag fields, customer need and reason included', () => {
    const values = {
      [FIELDS.text]: text('deck is outdated'),
      [FIELDS.customerNeed]: text('current prices'),
      [FIELDS.reason]: text(null),
    };
    expect(readItemForm(values, 'flag')).toMatchObject({
      kind: 'flag',
      text: 'deck is outdated',
      customerNeed: 'current prices',
      reason: undefined,
    });
  });

  it('gives a form with only its kind when there is no state', () => {
    const form = readItemForm(undefined, 'flag');
    expect(form.kind).toBe('flag');
    expect(Object.entries(form).filter(([k, v]) => k !== 'kind' && v !== undefined)).toEqual([]);
  });
});

describe('parseModalMetadata', () => {
  const full = {
    kind: 'flag',
    locale: 'fr',
    channelId: 'C0123',
    responseUrl: 'https://hooks.slack.com/commands/T1/2/abc',
    sourceChannelId: 'G0456',
    sourceTs: '1700000000.000100',
    sourcePermalink: 'https://acme.slack.com/archives/G0456/p1700000000000100',
  };

  it('gives back what Terrain put in', () => {
    expect(parseModalMetadata(JSON.stringify(full), 'feedback', 'en')).toEqual(full);
  });

  it('accepts an http response URL, as local emulators use', () => {
    expect(parseModalMetadata(JSON.stringify({ responseUrl: 'http://127.0.0.1:3001/respond' }), 'feedback', 'en').responseUrl).toBe(
      'http://127.0.0.1:3001/respond',
    );
  });

  it('survives invalid JSON, falling back to the defaults', () => {
    for (const raw of ['{not json', '', 'undefined', '<!channel>']) {
      expect(parseModalMetadata(raw, 'feedback', 'en'), raw).toEqual({ kind: 'feedback', locale: 'en' });
    }
  });

  it('survives missing metadata and JSON that is not an object', () => {
    expect(parseModalMetadata(undefined, 'flag', 'fr')).toEqual({ kind: 'flag', locale: 'fr' });
    for (const raw of ['null', '42', '"text"', '[1,2]', 'true']) {
      expect(parseModalMetadata(raw, 'flag', 'fr'), raw).toEqual({ kind: 'flag', locale: 'fr' });
    }
  });

  it('refuses an unknown kind or locale', () => {
    expect(parseModalMetadata(JSON.stringify({ kind: 'afterwork', locale: 'de' }), 'feedback', 'en')).toEqual({
      kind: 'feedback',
      locale: 'en',
    });
  });

  it('refuses bad channel ids', () => {
    for (const channelId of ['#general', 'C1><!channel', 'U0123', 'c0123', 42, null]) {
      const meta = parseModalMetadata(JSON.stringify({ channelId, sourceChannelId: channelId }), 'feedback', 'en');
      expect(meta, String(channelId)).not.toHaveProperty('channelId');
      expect(meta, String(channelId)).not.toHaveProperty('sourceChannelId');
    }
  });

  it('refuses a bad message ts', () => {
    expect(parseModalMetadata(JSON.stringify({ sourceTs: '1700000000' }), 'feedback', 'en')).not.toHaveProperty('sourceTs');
  });

  it('refuses URLs that are not http(s), or carry markup or spaces, or are too long', () => {
    for (const url of [
      'javascript:alert(1)',
      'ftp://example.com/x',
      'file:///etc/passwd',
      'https://evil|bank',
      'https://x.com/<!channel>',
      'https://x.com/a b',
      `https://x.com/${'a'.repeat(1000)}`,
      42,
    ]) {
      const meta = parseModalMetadata(JSON.stringify({ responseUrl: url, sourcePermalink: url }), 'feedback', 'en');
      expect(meta, String(url)).not.toHaveProperty('responseUrl');
      expect(meta, String(url)).not.toHaveProperty('sourcePermalink');
    }
  });

  it('drops keys it does not know', () => {
    const meta = parseModalMetadata(JSON.stringify({ ...full, admin: true, __proto__: { polluted: 1 } }), 'feedback', 'en');
    expect(meta).toEqual(full);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
