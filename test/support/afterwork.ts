import { expect } from 'vitest';
import { AFTERWORK_FIELDS, FIELD_ACTION } from '../../src/ids.js';
import { CHANNEL, SIGNING_SECRET, TEAM } from './app.js';
import type { E2E } from './e2e.js';
import type { SlackCall } from './fake-slack.js';
import { type SlackResponse, sendCommand, sendInteraction } from './slack-requests.js';

const opts = { secret: SIGNING_SECRET };

let triggers = 0;
let clicks = 0;

/** What a host fills in (unset fields are left empty, as Slack sends them). */
export interface AfterworkAnswers {
  title?: string | null;
  /** Unix seconds, or an ISO date. */
  when?: number | string | null;
  place?: string | null;
  note?: string | null;
  capacity?: string | null;
  channel?: string | null;
}

const unix = (when: number | string) => (typeof when === 'number' ? when : Math.floor(Date.parse(when) / 1000));

/** Runs `/afterwork [text]` and returns the views.open call it made. */
export async function openAfterworkModal(e2e: E2E, text = '', userId = 'U0SALES1'): Promise<SlackCall> {
  const trigger = `${++triggers}${Math.floor(Math.random() * 1e6)}.789.aw`;
  const res = await sendCommand(
    e2e.app.url,
    { command: '/afterwork', text, user_id: userId, trigger_id: trigger, response_url: e2e.fake.responseUrl() },
    opts,
  );
  expect(res.status).toBe(200);
  expect(res.text).toBe('');
  return e2e.fake.waitFor('views.open', (c) => c.args.trigger_id === trigger);
}

/** A view_submission for the after-work modal that views.open sent, as Slack shapes it. */
export function afterworkSubmission(opened: SlackCall, answers: AfterworkAnswers, o: { userId?: string; viewId?: string } = {}) {
  const view = opened.args.view as { callback_id: string; private_metadata: string };
  const values: Record<string, Record<string, unknown>> = {};
  const text = (v: string | null | undefined) => ({ type: 'plain_text_input', value: v ?? null });
  values[AFTERWORK_FIELDS.title] = { [FIELD_ACTION]: text(answers.title) };
  values[AFTERWORK_FIELDS.when] = {
    [FIELD_ACTION]: { type: 'datetimepicker', selected_date_time: answers.when == null ? null : unix(answers.when) },
  };
  values[AFTERWORK_FIELDS.place] = { [FIELD_ACTION]: text(answers.place) };
  values[AFTERWORK_FIELDS.note] = { [FIELD_ACTION]: text(answers.note) };
  values[AFTERWORK_FIELDS.capacity] = { [FIELD_ACTION]: { type: 'number_input', value: answers.capacity ?? null } };
  if (view.callback_id === 'afterwork_create')
    values[AFTERWORK_FIELDS.channel] = {
      [FIELD_ACTION]: { type: 'conversations_select', selected_conversation: answers.channel === undefined ? CHANNEL : answers.channel },
    };
  const userId = o.userId ?? 'U0SALES1';
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'acme' },
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0001',
    token: 'verification-token',
    trigger_id: '222.333.submit',
    view: {
      id: o.viewId ?? `V${++triggers}`,
      team_id: TEAM,
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      hash: '1700000000.abcdef',
      state: { values },
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

export const submitView = (e2e: E2E, payload: Record<string, unknown>): Promise<SlackResponse> =>
  sendInteraction(e2e.app.url, payload, opts);

/** A click on a button of a message Terrain posted (found in the fake channel by its ts). */
export function clickPayload(
  e2e: E2E,
  o: { userId: string; channel?: string; ts: string; actionId: string; value?: string; blockId?: string; responseUrl?: string },
) {
  const channel = o.channel ?? CHANNEL;
  const message = e2e.fake.messages(channel).find((m) => m.ts === o.ts);
  const block = (message?.blocks as Array<{ block_id?: string; elements?: Array<{ action_id?: string }> }> | undefined)?.find((b) =>
    b.elements?.some((el) => el.action_id === o.actionId),
  );
  clicks += 1;
  return {
    type: 'block_actions',
    team: { id: TEAM, domain: 'acme' },
    user: { id: o.userId, username: o.userId.toLowerCase(), name: o.userId.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0001',
    token: 'verification-token',
    trigger_id: `${clicks}00.${clicks}11.click`,
    response_url: o.responseUrl ?? e2e.fake.responseUrl(`click-${o.userId}-${clicks}`),
    container: { type: 'message', message_ts: o.ts, channel_id: channel, is_ephemeral: false },
    channel: { id: channel, name: 'terrain' },
    message: message ?? { ts: o.ts },
    actions: [
      {
        type: 'button',
        action_id: o.actionId,
        block_id: o.blockId ?? block?.block_id ?? 'unknown',
        value: o.value,
        action_ts: `1700000000.${String(clicks).padStart(6, '0')}`,
      },
    ],
  };
}

export const click = (e2e: E2E, o: Parameters<typeof clickPayload>[1]): Promise<SlackResponse> =>
  sendInteraction(e2e.app.url, clickPayload(e2e, o), opts);

/** Every text a block list shows (sections, contexts, button labels), joined: what a reader sees. */
export function blockText(blocks: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.text === 'string') out.push(o.text);
      for (const [k, x] of Object.entries(o)) if (k !== 'text' || typeof x !== 'string') walk(x);
    }
  };
  walk(blocks);
  return out.join('\n');
}
