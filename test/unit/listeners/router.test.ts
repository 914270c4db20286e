import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { ListenerTable } from '../../../src/listeners/router.js';

type Registered = { kind: string; constraint: unknown; listener: (args: unknown) => Promise<void> };

/** A stand-in for Bolt's App that keeps what the table registers. */
function attach(table: ListenerTable): Registered[] {
  const registered: Registered[] = [];
  const keep = (kind: string) => (constraint: unknown, listener: Registered['listener']) =>
    void registered.push({ kind, constraint, listener });
  const app = {
    command: keep('command'),
    event: keep('event'),
    shortcut: keep('shortcut'),
    view: keep('view'),
    action: keep('action'),
    options: keep('options'),
  };
  table.attach(app as unknown as App);
  return registered;
}

describe('one Bolt listener per kind of request', () => {
  it('registers one listener per kind, whose pattern matches exactly the registered ids', () => {
    const table = new ListenerTable();
    const none = async () => {};
    table.action('open.settings', none);
    table.action(/^item_status(_\w+)?$/, none);
    table.view('feedback_modal', none);
    table.view('flag_modal', none);
    table.event('reaction_added', none);
    table.command('/feedback', none);
    const registered = attach(table);
    expect(registered.map((r) => r.kind)).toEqual(['command', 'event', 'view', 'action']);
    const action = registered.find((r) => r.kind === 'action')!.constraint as RegExp;
    // A literal id is literal ("." is no wildcard) and whole (no prefix, no suffix).
    expect(['open.settings', 'item_status', 'item_status_planned'].every((id) => action.test(id))).toBe(true);
    expect(['openXsettings', 'open.settings_2', 'xopen.settings', 'item_statusX'].some((id) => action.test(id))).toBe(false);
    const view = registered.find((r) => r.kind === 'view')!.constraint as RegExp;
    expect(view.test('flag_modal')).toBe(true);
    expect(view.test('flag_modal_old')).toBe(false);
  });

  it('routes a request to the listener whose id matches, and to every one that matches', async () => {
    const table = new ListenerTable();
    const calls: string[] = [];
    table.action('set_side', async () => void calls.push('exact'));
    table.action(/^set_side_\w+$/, async () => void calls.push('pattern'));
    table.action(/^set_/, async () => void calls.push('broad'));
    table.event('reaction_added', async () => void calls.push('added'));
    table.event('reaction_removed', async () => void calls.push('removed'));
    const registered = attach(table);
    const action = registered.find((r) => r.kind === 'action')!.listener;
    const event = registered.find((r) => r.kind === 'event')!.listener;

    await action({ action: { action_id: 'set_side_sales' } });
    expect(calls.sort()).toEqual(['broad', 'pattern']);
    calls.length = 0;
    await event({ event: { type: 'reaction_removed' } });
    expect(calls).toEqual(['removed']);
  });

  it('a listener that throws fails the request, as it would in Bolt', async () => {
    const table = new ListenerTable();
    table.view('feedback_modal', async () => {
      throw new Error('database down');
    });
    const view = attach(table)[0]!.listener;
    await expect(view({ view: { callback_id: 'feedback_modal' } })).rejects.toThrow('database down');
  });
});
