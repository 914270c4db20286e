import type { Clock } from '../clock.js';

/** Slack's error code of a failed Web API call (`not_in_channel`, `channel_not_found`…), if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

function retryAfterSeconds(error: unknown): number | undefined {
  const e = error as { code?: unknown; retryAfter?: unknown } | undefined;
  return e?.code === 'slack_webapi_rate_limited_error' && typeof e.retryAfter === 'number' ? e.retryAfter : undefined;
}

/**
 * Runs one Web API call, waiting out 429s (`Retry-After`) instead of losing the message. The client is
 * built with `rejectRateLimitedCalls` and no automatic retries, so a 429 reaches here at once and a
 * call that may have been delivered is never sent twice behind our back. A 429 means Slack did not act
 * on the request, so sending it again is safe.
 */
export async function withRateLimit<T>(
  clock: Clock,
  call: () => Promise<T>,
  options: { maxWaits?: number; maxWaitSeconds?: number } = {},
): Promise<T> {
  const maxWaits = options.maxWaits ?? 8;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const wait = retryAfterSeconds(error);
      if (wait === undefined || attempt >= maxWaits) throw error;
      await clock.sleep(Math.min(Math.max(wait, 1), options.maxWaitSeconds ?? 120) * 1000);
    }
  }
}
