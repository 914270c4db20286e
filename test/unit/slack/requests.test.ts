import { describe, expect, it } from 'vitest';
import { checkRequestBody, summarizeRequest } from '../../../src/slack/requests.js';

const user = { id: 'U0SALES1', team_id: 'T0001' };
const event = (e: unknown, extra: Record<string, unknown> = {}) => ({ type: 'event_callback', team_id: 'T0001', event: e, ...extra });
const kind = (body: unknown) => {
  const checked = checkRequestBody(body);
  return checked.ok ? checked.kind : `refused: ${checked.reason}`;
};

describe('checkRequestBody', () => {
  it('lets through what Slack sends, sorted the way Bolt sorts it', () => {
    expect(kind(event({ type: 'reaction_added', user: 'U1', item: { type: 'message', channel: 'C1', ts: '1.2' } }))).toBe('event');
    expect(kind(event({ type: 'member_joined_channel', user: 'U1', channel: 'C1' }))).toBe('event');
    expect(kind(event({ type: 'channel_created', channel: { id: 'C1', creator: 'U1' } }))).toBe('event');
    expect(kind({ command: '/feedback', text: 'hi', team_id: 'T1', user_id: 'U1', is_enterprise_install: 'false' })).toBe('command');
    expect(kind({ type: 'block_actions', user, team: { id: 'T0001' }, actions: [{ action_id: 'open_settings', block_id: 'b' }] })).toBe(
      'action',
    );
    expect(kind({ type: 'block_actions', user, team: null, actions: [{ action_id: 'x' }], view: { id: 'V1' } })).toBe('action');
    expect(kind({ type: 'view_submission', user, view: { callback_id: 'terrain_feedback_modal', state: { values: {} } } })).toBe('view');
    expect(kind({ type: 'view_closed', user, view: { callback_id: 'terrain_feedback_modal' } })).toBe('view');
    expect(kind({ type: 'view_submission', user, view: { callback_id: 'x', app_installed_team_id: 'T0OTHER' } })).toBe('view');
    expect(kind(event({ type: 'app_home_opened' }, { authorizations: [{ team_id: null, enterprise_id: 'E1' }] }))).toBe('event');
    expect(kind({ type: 'message_action', callback_id: 'send_to_terrain', user, channel: { id: 'C1' }, message: { text: 'x' } })).toBe(
      'shortcut',
    );
    expect(kind({ type: 'shortcut', callback_id: 'global', user })).toBe('shortcut');
    expect(kind({ type: 'block_suggestion', user, action_id: 'x', value: 'a' })).toBe('options');
    expect(kind({ type: 'app_rate_limited', team_id: 'T1', minute_rate_limited: 1 })).toBe('notice');
  });

  it('refuses a body that is not an object: null, a list, text, a number', () => {
    for (const body of [null, [], [{ command: '/feedback' }], 'payload', 42, true, undefined]) {
      expect(checkRequestBody(body).ok, JSON.stringify(body)).toBe(false);
    }
  });

  it('refuses events Bolt would choke on: no event, no type, a non-object event, item, channel, user or subteam of the wrong shape', () => {
    for (const body of [
      { type: 'event_callback', team_id: 'T1' },
      event(null),
      event('reaction_added'),
      event([]),
      event({}),
      event({ type: '' }),
      event({ type: 7 }),
      event({ type: 'reaction_added', item: 5 }),
      event({ type: 'reaction_added', item: null }),
      event({ type: 'member_joined_channel', channel: 5 }),
      event({ type: 'member_joined_channel', channel: null }),
      event({ type: 'reaction_added', user: null }),
      event({ type: 'reaction_added', user: 12 }),
      event({ type: 'subteam_created', subteam: null }),
      event({ type: 'app_home_opened' }, { authorizations: [null] }),
      event({ type: 'app_home_opened' }, { authorizations: 'x' }),
      event({ type: 'app_home_opened' }, { authorizations: [{ team_id: 'T1\uD800' }] }),
      event({ type: 'app_home_opened' }, { enterprise: 'E1' }),
    ]) {
      expect(checkRequestBody(body).ok, JSON.stringify(body)).toBe(false);
    }
  });

  it('refuses commands whose fields are not text', () => {
    for (const body of [
      { command: 5 },
      { command: null },
      { command: '/feedback', text: ['a', 'b'] },
      { command: '/feedback', user_id: { id: 'U1' } },
      { command: '/feedback', team_id: 1 },
      { command: '/feedback', response_url: 3 },
      { command: '/feedback', is_enterprise_install: {} },
    ]) {
      expect(checkRequestBody(body).ok, JSON.stringify(body)).toBe(false);
    }
  });

  it('refuses interactions without a user object, with a team, channel or view of the wrong shape, or unreadable actions', () => {
    for (const body of [
      { type: 'block_actions', actions: [{ action_id: 'x' }] },
      { type: 'block_actions', user: null, actions: [{ action_id: 'x' }] },
      { type: 'block_actions', user: 'U1', actions: [{ action_id: 'x' }] },
      { type: 'block_actions', user, team: 7, actions: [{ action_id: 'x' }] },
      { type: 'block_actions', user, actions: 'nope' },
      { type: 'block_actions', user, actions: [] },
      { type: 'block_actions', user, actions: [null] },
      { type: 'block_actions', user, actions: [{ action_id: 5 }] },
      { type: 'block_actions', user, actions: [{ action_id: 'x', block_id: null }] },
      { type: 'block_actions', user, actions: [{ action_id: 'x' }], channel: null },
      { type: 'block_actions', user, actions: [{ action_id: 'x' }], view: null },
      { type: 'view_submission', user },
      { type: 'view_submission', user, view: null },
      { type: 'view_submission', user, view: { callback_id: 5 } },
      { type: 'view_submission', user, view: { callback_id: 'x' }, response_urls: [null] },
      { type: 'view_submission', user, view: { callback_id: 'x', app_installed_team_id: 'T1|<!here>' } },
      { type: 'message_action', user },
      { type: 'message_action', user, callback_id: 'send_to_terrain', channel: 'C1' },
      { type: 'shortcut', callback_id: 'x' },
      { type: 7, user },
      { type: 'something_new', user },
    ]) {
      expect(checkRequestBody(body).ok, JSON.stringify(body)).toBe(false);
    }
  });
});

describe('summarizeRequest', () => {
  it('reads who and what from any body without trusting it', () => {
    expect(summarizeRequest(null)).toEqual({ request: 'unreadable request' });
    expect(summarizeRequest({ command: '/flag', team_id: 'T1', user_id: 'U1', channel_id: 'C1' })).toEqual({
      request: 'command /flag',
      team: 'T1',
      user: 'U1',
      channel: 'C1',
    });
    expect(summarizeRequest({ event: 'x', team_id: 5 }).request).toBe('request');
    expect(summarizeRequest({ type: 'block_actions', user: { id: 'x'.repeat(500) } }).user).toHaveLength(80);
  });
});
