/**
 * What a failed send means for the next attempt. Pure: the dispatcher acts on it, tests check it.
 * - `rate_limited`: Slack did not act; try again after Retry-After.
 * - `permanent`: trying again cannot help (the channel is gone, the user deactivated): record why.
 * - `temporary`: back off and try again; `uncertain` when Slack may have acted on it (a 5xx, a time-out,
 *   a connection cut mid-request), so the next attempt looks for the message before sending it again.
 */
export type Failure =
  | { type: 'rate_limited'; retryAfterMs: number; code: 'ratelimited' }
  | { type: 'permanent'; code: string }
  | { type: 'temporary'; code: string; uncertain: boolean };

/** Slack's answers that no retry will change; the person who can act is told where (see the handlers). */
export const PERMANENT_ERRORS: ReadonlySet<string> = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'restricted_action',
  'user_not_found',
  'users_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'message_not_found',
  'cant_update_message',
  'edit_window_closed',
  'msg_too_long',
  'no_text',
  'invalid_blocks',
  'invalid_arguments',
  'invalid_metadata_format',
  'invalid_metadata_schema',
  'too_many_attachments',
  'thread_locked',
]);

/** A failure a handler met outside the Web API client (a response_url refused, an item gone). */
export class DeliveryError extends Error {
  constructor(
    readonly reason: string,
    readonly permanent: boolean,
    readonly uncertain = false,
  ) {
    super(`could not deliver: ${reason}`);
    this.name = 'DeliveryError';
  }
}

const CERTAIN_NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL']);

export function classifyFailure(error: unknown): Failure {
  if (error instanceof DeliveryError) {
    return error.permanent
      ? { type: 'permanent', code: error.reason }
      : { type: 'temporary', code: error.reason, uncertain: error.uncertain };
  }
  const e = error as {
    code?: unknown;
    retryAfter?: unknown;
    data?: { error?: unknown };
    statusCode?: unknown;
    original?: { code?: unknown };
  };
  switch (e?.code) {
    case 'slack_webapi_rate_limited_error': {
      const seconds = typeof e.retryAfter === 'number' && Number.isFinite(e.retryAfter) ? e.retryAfter : 1;
      return { type: 'rate_limited', retryAfterMs: Math.max(1, seconds) * 1000, code: 'ratelimited' };
    }
    case 'slack_webapi_platform_error': {
      // Slack answered `ok: false`: it did not act on the request.
      const code = typeof e.data?.error === 'string' ? e.data.error : 'unknown_error';
      return PERMANENT_ERRORS.has(code) ? { type: 'permanent', code } : { type: 'temporary', code, uncertain: false };
    }
    case 'slack_webapi_http_error': {
      const status = typeof e.statusCode === 'number' ? e.statusCode : 0;
      return { type: 'temporary', code: `http_${status}`, uncertain: status >= 500 || status === 0 };
    }
    case 'slack_webapi_request_error': {
      const original = typeof e.original?.code === 'string' ? e.original.code : 'network_error';
      return { type: 'temporary', code: original, uncertain: !CERTAIN_NETWORK_ERRORS.has(original) };
    }
    default:
      // Anything else (the database, a bug): assume the worst, and look before sending again.
      return { type: 'temporary', code: error instanceof Error ? error.name : 'error', uncertain: true };
  }
}

/** Waits between attempts: 2 s, 4 s, 8 s… up to 10 minutes, spread by ±20 % so replicas do not align. */
export function backoffMs(attempts: number, random: number = Math.random()): number {
  const base = Math.min(2000 * 2 ** Math.max(0, attempts - 1), 10 * 60_000);
  return Math.round(base * (0.8 + 0.4 * random));
}
