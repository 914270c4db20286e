/**
 * What a signed request from Slack must look like before Bolt reads it. Bolt 5.1 trusts the shapes it
 * reads (`body.ssl_check`, `body.user.id`, `'channel' in event.item`, `body.view.callback_id`…): a body
 * that is `null`, an array, or an event whose `item` is a number makes it throw, or crash the process.
 * These checks let through everything Slack sends and refuse, with a reason, what Bolt cannot digest;
 * each listener still validates the fields it uses.
 */
import { isTeamId } from '../domain/slack-ids.js';

export type RequestKind = 'event' | 'command' | 'action' | 'options' | 'view' | 'shortcut';

export type RequestCheck =
  | { ok: true; kind: RequestKind; body: Record<string, unknown> }
  /** Slack's own messages that need only a 200 (no listener): `app_rate_limited`. */
  | { ok: true; kind: 'notice'; body: Record<string, unknown> }
  | { ok: false; reason: string };

export type Json = Record<string, unknown>;

export const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const isString = (value: unknown): value is string => typeof value === 'string';

/** Absent, or of the given shape. */
const absentOr = (body: Json, key: string, test: (value: unknown) => boolean): boolean => !(key in body) || test(body[key]);

const recordOrNull = (value: unknown): boolean => value === null || isRecord(value);

/** Bolt reads `event.user` as a string, or `.id` of it when it is an object (null included). */
const userField = (value: unknown): boolean => isString(value) || isRecord(value);

function checkEvent(event: unknown): string | undefined {
  if (!isRecord(event)) return 'event is not an object';
  if (!isString(event.type) || event.type === '') return 'event has no type';
  if (!absentOr(event, 'item', isRecord)) return 'event.item is not an object';
  if ('channel' in event && !isString(event.channel) && !isRecord(event.channel)) return 'event.channel is neither an id nor an object';
  if (!absentOr(event, 'user', userField)) return 'event.user is neither an id nor an object';
  if (!absentOr(event, 'subteam', isRecord)) return 'event.subteam is not an object';
  return undefined;
}

/** What every interactive payload (actions, options, views, shortcuts) must carry for Bolt: who sent it. */
function checkInteractive(body: Json): string | undefined {
  if (!isRecord(body.user)) return 'user is not an object';
  if (!absentOr(body, 'team', recordOrNull)) return 'team is neither null nor an object';
  if (!absentOr(body, 'channel', isRecord)) return 'channel is not an object';
  if (!absentOr(body, 'view', isRecord)) return 'view is not an object';
  if (!absentOr(body, 'response_urls', (v) => Array.isArray(v) && v.every(isRecord))) return 'response_urls is not a list of objects';
  return undefined;
}

const COMMAND_FIELDS = ['command', 'text', 'team_id', 'user_id', 'channel_id', 'response_url', 'trigger_id', 'enterprise_id', 'api_app_id'];

function checkCommand(body: Json): string | undefined {
  for (const field of COMMAND_FIELDS) if (!absentOr(body, field, isString)) return `${field} is not text`;
  if (!absentOr(body, 'is_enterprise_install', (v) => isString(v) || typeof v === 'boolean')) return 'is_enterprise_install is not a flag';
  return undefined;
}

function checkActions(actions: unknown): string | undefined {
  if (!Array.isArray(actions) || actions.length === 0) return 'actions is not a non-empty list';
  for (const action of actions) {
    if (!isRecord(action)) return 'an action is not an object';
    if (!absentOr(action, 'action_id', isString) || !absentOr(action, 'block_id', isString)) return 'an action id is not text';
  }
  return undefined;
}

const refuse = (reason: string): RequestCheck => ({ ok: false, reason });

/** Sorts a parsed body the way Bolt does (getTypeAndConversation), refusing what Bolt would choke on. */
export function checkRequestBody(body: unknown): RequestCheck {
  if (!isRecord(body))
    return refuse(`the body is ${body === null ? 'null' : Array.isArray(body) ? 'a list' : `a ${typeof body}`}, not an object`);
  if (!absentOr(body, 'authorizations', (v) => Array.isArray(v) && v.every(isRecord)))
    return refuse('authorizations is not a list of objects');
  // Bolt builds the request's Web API client with the team it reads here, ahead of the one listeners check:
  // a crafted id would be sent along with every call Terrain makes for the request.
  const authorized = Array.isArray(body.authorizations) && isRecord(body.authorizations[0]) ? body.authorizations[0].team_id : null;
  if (authorized !== null && authorized !== undefined && !isTeamId(authorized))
    return refuse('authorizations name a team id of no known shape');
  if (!absentOr(body, 'enterprise', recordOrNull)) return refuse('enterprise is neither null nor an object');
  if (!absentOr(body, 'response_url', isString)) return refuse('response_url is not text');
  if (!absentOr(body, 'type', isString)) return refuse('type is not text');

  const problem = (kind: RequestKind, reason: string | undefined): RequestCheck => (reason ? refuse(reason) : { ok: true, kind, body });
  if (body.event !== undefined) return problem('event', checkEvent(body.event));
  if (body.type === 'event_callback') return refuse('an event_callback without an event');
  if (body.command !== undefined) return problem('command', checkCommand(body));
  if (body.name !== undefined || body.type === 'block_suggestion') return problem('options', checkInteractive(body));
  if (body.actions !== undefined || body.type === 'dialog_submission') {
    return problem('action', checkInteractive(body) ?? (body.actions === undefined ? undefined : checkActions(body.actions)));
  }
  if (body.type === 'shortcut' || body.type === 'message_action') {
    return problem('shortcut', checkInteractive(body) ?? (isString(body.callback_id) ? undefined : 'callback_id is not text'));
  }
  if (body.type === 'view_submission' || body.type === 'view_closed') {
    if (!isRecord(body.view)) return refuse('view is not an object');
    const installed = body.view.app_installed_team_id;
    if (installed !== undefined && installed !== null && installed !== '' && !isTeamId(installed)) {
      return refuse('view.app_installed_team_id is a team id of no known shape');
    }
    return problem('view', checkInteractive(body) ?? (isString(body.view.callback_id) ? undefined : 'view.callback_id is not text'));
  }
  if (body.type === 'app_rate_limited') return { ok: true, kind: 'notice', body };
  return refuse('not a request Terrain knows (no event, command, action, view or shortcut)');
}

const text = (value: unknown, max = 80): string | undefined => (isString(value) && value !== '' ? value.slice(0, max) : undefined);
const idOf = (value: unknown): string | undefined => (isRecord(value) ? text(value.id) : text(value));

export interface RequestSummary {
  /** `command /feedback`, `event reaction_added`, `block_actions open_settings`, `view_submission terrain_feedback_modal`… */
  request: string;
  team?: string | undefined;
  user?: string | undefined;
  channel?: string | undefined;
}

/** Who sent what, for logs: read defensively from any body (values are cut short, never trusted). */
export function summarizeRequest(body: unknown): RequestSummary {
  if (!isRecord(body)) return { request: 'unreadable request' };
  const event = isRecord(body.event) ? body.event : undefined;
  const item = event && isRecord(event.item) ? event.item : undefined;
  const firstAction = Array.isArray(body.actions) && isRecord(body.actions[0]) ? body.actions[0] : undefined;
  const view = isRecord(body.view) ? body.view : undefined;
  const request = event
    ? `event ${text(event.type) ?? '?'}`
    : body.command !== undefined
      ? `command ${text(body.command) ?? '?'}`
      : `${text(body.type) ?? 'request'} ${text(firstAction?.action_id) ?? text(view?.callback_id) ?? text(body.callback_id) ?? ''}`.trim();
  const user = isRecord(body.user) ? body.user : undefined;
  return {
    request,
    team: text(body.team_id) ?? idOf(body.team) ?? text(user?.team_id),
    user: text(body.user_id) ?? (event ? idOf(event.user) : idOf(body.user)),
    channel: text(body.channel_id) ?? idOf(body.channel) ?? (event ? (idOf(event.channel) ?? text(item?.channel)) : undefined),
  };
}
