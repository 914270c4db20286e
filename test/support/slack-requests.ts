/**
 * Correctly signed HTTP requests, shaped like the ones Slack sends to an app's request URL
 * (slash commands, Events API callbacks, interactivity payloads).
 *
 * The payload builders (`commandFields`, `eventCallback`) are exported too, so the same shapes can be
 * sent over Socket Mode with `fake.socket.send('slash_commands' | 'events_api', ...)`.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { VIEWS } from '../../src/ids.js';

/** Slack's request signature: 'v0=' + hex HMAC-SHA256 of `v0:${timestamp}:${body}` keyed by the signing secret. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  /** Signing secret. */
  secret: string;
  /** X-Slack-Request-Timestamp in seconds; defaults to now. */
  timestamp?: number;
  /** Send a signature that does not match the body. */
  badSignature?: boolean;
  /** Extra or overriding headers. */
  headers?: Record<string, string>;
}

export interface SlackResponse {
  status: number;
  text: string;
  /** Parsed body if it is JSON, else undefined. */
  json: any;
  headers: Headers;
}

export type CommandFields = {
  command: string;
  text?: string;
  user_id?: string;
  team_id?: string;
  channel_id?: string;
  trigger_id?: string;
  response_url?: string;
  [k: string]: string | undefined;
};

export interface EventOptions {
  eventId?: string;
  retryNum?: number;
  retryReason?: string;
  teamId?: string;
  /** Seconds. */
  eventTime?: number;
}

const DEFAULT_TEAM = 'T0001';
const DEFAULT_APP = 'A0001';
const DEFAULT_BOT_USER = 'UBOT';
const VERIFICATION_TOKEN = 'verification-token';
/**
 * Default response_url: a closed local port, so an app calling respond() without the test having set
 * `response_url: fake.responseUrl()` fails fast instead of reaching the internet.
 */
const UNSET_RESPONSE_URL = 'http://127.0.0.1:1/response/unset';

/** Sends `body` to `appUrl` with Slack's signing headers. */
export async function sendSigned(appUrl: string, body: string, contentType: string, opts: SendOptions): Promise<SlackResponse> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  let sig = signature(opts.secret, timestamp, body);
  if (opts.badSignature) sig = signature(`${opts.secret}-wrong`, timestamp, body);
  const res = await fetch(appUrl, {
    method: 'POST',
    headers: {
      'Content-Type': contentType,
      'X-Slack-Request-Timestamp': String(timestamp),
      'X-Slack-Signature': sig,
      'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...opts.headers,
    },
    body,
  });
  const text = await res.text();
  let json: any;
  if (text !== '') {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: res.status, text, json, headers: res.headers };
}

function formEncode(fields: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) params.append(k, v);
  return params.toString();
}

/**
 * The fields Slack sends for a slash command, with defaults filled in. Passing a field explicitly as
 * `undefined` removes it.
 */
export function commandFields(fields: CommandFields): Record<string, string> {
  const merged: Record<string, string | undefined> = {
    token: VERIFICATION_TOKEN,
    team_id: DEFAULT_TEAM,
    team_domain: 'acme',
    channel_id: 'C0TERRAIN',
    channel_name: 'terrain',
    user_id: 'U0SALES1',
    user_name: 'sales1',
    text: '',
    api_app_id: DEFAULT_APP,
    is_enterprise_install: 'false',
    response_url: UNSET_RESPONSE_URL,
    trigger_id: '123.456.abc',
    ...fields,
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(merged)) if (v !== undefined) out[k] = v;
  return out;
}

/** A slash command, form-encoded like Slack does. */
export function sendCommand(appUrl: string, fields: CommandFields, opts: SendOptions): Promise<SlackResponse> {
  return sendSigned(appUrl, formEncode(commandFields(fields)), 'application/x-www-form-urlencoded', opts);
}

/** The `event_callback` envelope Slack wraps an event in (the Events API body / Socket Mode `events_api` payload). */
export function eventCallback(event: Record<string, unknown>, o: EventOptions = {}): Record<string, unknown> {
  const teamId = o.teamId ?? DEFAULT_TEAM;
  return {
    token: VERIFICATION_TOKEN,
    team_id: teamId,
    api_app_id: DEFAULT_APP,
    event,
    type: 'event_callback',
    event_id: o.eventId ?? `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: o.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: DEFAULT_BOT_USER, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${randomBytes(8).toString('hex')}`,
  };
}

/** An Events API callback (JSON). `retryNum`/`retryReason` set X-Slack-Retry-Num / X-Slack-Retry-Reason. */
export function sendEvent(appUrl: string, event: Record<string, unknown>, opts: SendOptions & EventOptions): Promise<SlackResponse> {
  const headers: Record<string, string> = {};
  if (opts.retryNum !== undefined) headers['X-Slack-Retry-Num'] = String(opts.retryNum);
  if (opts.retryReason !== undefined) headers['X-Slack-Retry-Reason'] = opts.retryReason;
  else if (opts.retryNum !== undefined) headers['X-Slack-Retry-Reason'] = 'http_timeout';
  const body = JSON.stringify(eventCallback(event, opts));
  return sendSigned(appUrl, body, 'application/json', {
    ...opts,
    headers: { ...headers, ...opts.headers },
  });
}

/** An interactivity request (block_actions, view_submission, shortcut...): form-encoded `payload=<json>`. */
export function sendInteraction(appUrl: string, payload: Record<string, unknown>, opts: SendOptions): Promise<SlackResponse> {
  return sendSigned(appUrl, formEncode({ payload: JSON.stringify(payload) }), 'application/x-www-form-urlencoded', opts);
}

/** A reaction_added / reaction_removed event in Slack's shape. */
export function reactionEvent(
  kind: 'reaction_added' | 'reaction_removed',
  o: { user: string; reaction: string; channel: string; ts: string; eventTs?: string; itemUser?: string },
): Record<string, unknown> {
  return {
    type: kind,
    user: o.user,
    reaction: o.reaction,
    item_user: o.itemUser ?? DEFAULT_BOT_USER,
    item: { type: 'message', channel: o.channel, ts: o.ts },
    event_ts: o.eventTs ?? `${(Date.now() / 1000).toFixed(6)}`,
  };
}

/** The settings modal submitted by `userId` with these input values (`view.state.values`), as Slack sends it. */
export function settingsSubmissionPayload(userId: string, values: Record<string, unknown>, teamId = DEFAULT_TEAM): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: teamId, domain: 'acme' },
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: teamId },
    api_app_id: DEFAULT_APP,
    token: VERIFICATION_TOKEN,
    trigger_id: '222.333.settings',
    view: {
      id: 'VSETTINGS',
      team_id: teamId,
      type: 'modal',
      callback_id: VIEWS.settings,
      private_metadata: '',
      hash: '1700000000.abcdef',
      state: { values },
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}
