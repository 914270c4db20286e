import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/clock.js';
import { slackErrorCode, withRateLimit } from '../../../src/slack/calls.js';

function fakeClock() {
  const slept: number[] = [];
  const clock: Clock = {
    now: () => new Date(),
    sleep: async (ms) => {
      slept.push(ms);
    },
  };
  return { clock, slept };
}

const rateLimited = (retryAfter: number) =>
  Object.assign(new Error('rate limited'), { code: 'slack_webapi_rate_limited_error', retryAfter });

/** A call that fails with each of `errors` in turn, then succeeds with `result`. */
function failing<T>(errors: unknown[], result: T) {
  let calls = 0;
  const call = async (): Promise<T> => {
    calls++;
    const error = errors.shift();
    if (error !== undefined) throw error;
    return result;
  };
  return { call, calls: () => calls };
}

describe('withRateLimit', () => {
  it('calls once and gives back the result when Slack answers', async () => {
    const { clock, slept } = fakeClock();
    const api = failing([], { ok: true, ts: '1.2' });
    await expect(withRateLimit(clock, api.call)).resolves.toEqual({ ok: true, ts: '1.2' });
    expect(api.calls()).toBe(1);
    expect(slept).toEqual([]);
  });

  it('waits Retry-After through the clock, then retries', async () => {
    const { clock, slept } = fakeClock();
    const api = failing([rateLimited(2), rateLimited(5)], 'posted');
    await expect(withRateLimit(clock, api.call)).resolves.toBe('posted');
    expect(slept).toEqual([2000, 5000]);
    expect(api.calls()).toBe(3);
  });

  it('waits at least one second when Retry-After is zero', async () => {
    const { clock, slept } = fakeClock();
    const api = failing([rateLimited(0)], 'ok');
    await withRateLimit(clock, api.call);
    expect(slept).toEqual([1000]);
  });

  it('caps a very long Retry-After', async () => {
    const { clock, slept } = fakeClock();
    await withRateLimit(clock, failing([rateLimited(3600)], 'ok').call);
    await withRateLimit(clock, failing([rateLimited(3600)], 'ok').call, { maxWaitSeconds: 10 });
    expect(slept).toEqual([120_000, 10_000]);
  });

  it('gives up after maxWaits waits and rethrows the rate-limit error', async () => {
    const { clock, slept } = fakeClock();
    const errors = Array.from({ length: 10 }, () => rateLimited(1));
    const last = errors[3];
    const api = failing(errors, 'never');
    await expect(withRateLimit(clock, api.call, { maxWaits: 3 })).rejects.toBe(last);
    expect(slept).toEqual([1000, 1000, 1000]);
    expect(api.calls()).toBe(4);
  });

  it('waits up to eight times by default', async () => {
    const { clock, slept } = fakeClock();
    const api = failing(
      Array.from({ length: 20 }, () => rateLimited(1)),
      'never',
    );
    await expect(withRateLimit(clock, api.call)).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error' });
    expect(slept).toHaveLength(8);
    expect(api.calls()).toBe(9);
  });

  it('succeeds on the last allowed retry', async () => {
    const { clock } = fakeClock();
    const api = failing([rateLimited(1), rateLimited(1)], 'ok');
    await expect(withRateLimit(clock, api.call, { maxWaits: 2 })).resolves.toBe('ok');
  });

  it('rethrows any other error at once, without waiting or retrying', async () => {
    for (const error of [
      Object.assign(new Error('not_in_channel'), { code: 'slack_webapi_platform_error', data: { ok: false, error: 'not_in_channel' } }),
      new Error('socket hang up'),
      Object.assign(new Error('no retry-after'), { code: 'slack_webapi_rate_limited_error' }),
      Object.assign(new Error('retry-after not a number'), { code: 'slack_webapi_rate_limited_error', retryAfter: '2' }),
    ]) {
      const { clock, slept } = fakeClock();
      const api = failing([error], 'never');
      await expect(withRateLimit(clock, api.call)).rejects.toBe(error);
      expect(api.calls()).toBe(1);
      expect(slept).toEqual([]);
    }
  });

  it('rethrows a non-429 error that follows a wait', async () => {
    const { clock, slept } = fakeClock();
    const boom = new Error('boom');
    const api = failing([rateLimited(3), boom], 'never');
    await expect(withRateLimit(clock, api.call)).rejects.toBe(boom);
    expect(slept).toEqual([3000]);
    expect(api.calls()).toBe(2);
  });
});

describe('slackErrorCode', () => {
  it('reads `error.data.error` of a failed Web API call', () => {
    const error = Object.assign(new Error('An API error occurred: not_in_channel'), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'not_in_channel' },
    });
    expect(slackErrorCode(error)).toBe('not_in_channel');
  });

  it('gives nothing for errors that are not Slack API errors', () => {
    for (const error of [new Error('x'), undefined, null, 'channel_not_found', { data: {} }, { data: { error: 42 } }, { data: null }]) {
      expect(slackErrorCode(error)).toBeUndefined();
    }
  });
});
