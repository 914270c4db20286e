import { ErrorCode } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { backoffMs, classifyFailure, DeliveryError } from '../../../src/outbox/failures.js';

/** Errors shaped as @slack/web-api throws them. */
const platform = (error: string) => Object.assign(new Error(error), { code: ErrorCode.PlatformError, data: { ok: false, error } });
const http = (statusCode: number) => Object.assign(new Error(`HTTP ${statusCode}`), { code: ErrorCode.HTTPError, statusCode });
const network = (code: string) => Object.assign(new Error('request failed'), { code: ErrorCode.RequestError, original: { code } });
const rateLimited = (retryAfter: number) => Object.assign(new Error('429'), { code: ErrorCode.RateLimitedError, retryAfter });

describe('what a failed send means', () => {
  it('a 429 waits for Retry-After, and Slack did not act on it', () => {
    expect(classifyFailure(rateLimited(30))).toEqual({ type: 'rate_limited', retryAfterMs: 30_000, code: 'ratelimited' });
    expect(classifyFailure(rateLimited(0))).toMatchObject({ retryAfterMs: 1000 });
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived', 'user_not_found', 'cannot_dm_bot', 'invalid_blocks'])(
    '%s is permanent: no retry can change it',
    (code) => {
      expect(classifyFailure(platform(code))).toEqual({ type: 'permanent', code });
    },
  );

  it('other refusals are temporary, and certain: Slack answered that it did not post', () => {
    expect(classifyFailure(platform('internal_error'))).toEqual({ type: 'temporary', code: 'internal_error', uncertain: false });
    expect(classifyFailure(platform('invalid_auth'))).toEqual({ type: 'temporary', code: 'invalid_auth', uncertain: false });
  });

  it('a 5xx or a cut connection may have posted: uncertain, so the next attempt looks first', () => {
    expect(classifyFailure(http(500))).toEqual({ type: 'temporary', code: 'http_500', uncertain: true });
    expect(classifyFailure(http(503))).toMatchObject({ uncertain: true });
    expect(classifyFailure(network('ECONNRESET'))).toEqual({ type: 'temporary', code: 'ECONNRESET', uncertain: true });
    expect(classifyFailure(network('ETIMEDOUT'))).toMatchObject({ uncertain: true });
  });

  it('a request that never left (connection refused) or a 4xx is certain', () => {
    expect(classifyFailure(network('ECONNREFUSED'))).toEqual({ type: 'temporary', code: 'ECONNREFUSED', uncertain: false });
    expect(classifyFailure(http(400))).toMatchObject({ uncertain: false });
  });

  it('anything else (a database error, a bug) assumes the worst', () => {
    expect(classifyFailure(new TypeError('x is undefined'))).toEqual({ type: 'temporary', code: 'TypeError', uncertain: true });
    expect(classifyFailure('a string')).toEqual({ type: 'temporary', code: 'error', uncertain: true });
  });

  it("a handler's own delivery errors say what they are", () => {
    expect(classifyFailure(new DeliveryError('item_not_found', true))).toEqual({ type: 'permanent', code: 'item_not_found' });
    expect(classifyFailure(new DeliveryError('busy', false, true))).toEqual({ type: 'temporary', code: 'busy', uncertain: true });
  });
});

describe('back-off between attempts', () => {
  it('doubles from 2 s and stops at 10 minutes', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 0.5))).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffMs(30, 0.5)).toBe(600_000);
    expect(backoffMs(1000, 0.5)).toBe(600_000);
  });

  it('is spread by ±20 % so replicas do not retry in step', () => {
    expect(backoffMs(1, 0)).toBe(1600);
    expect(backoffMs(1, 1)).toBe(2400);
  });
});
