import { LogLevel } from '@slack/bolt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, serializeError, silentLogger, toBoltLogger } from '../../src/logger.js';

/** A logger whose lines are collected, each parsed when it is JSON. */
function capture(options: { level?: 'debug' | 'info' | 'warn' | 'error'; format?: 'json' | 'pretty' } = {}) {
  const lines: string[] = [];
  const logger = createLogger({ level: options.level ?? 'debug', format: options.format ?? 'json', write: (line) => lines.push(line) });
  return { logger, lines, json: () => lines.map((l) => JSON.parse(l) as Record<string, any>) };
}

/** An error as the Slack SDK throws it for a refused call. */
function slackError(): Error {
  return Object.assign(new Error('An API error occurred: not_in_channel'), {
    code: 'slack_webapi_platform_error',
    data: { ok: false, error: 'not_in_channel' },
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createLogger', () => {
  it('writes one JSON line per event, with an ISO time, the level by name, the message and the context', () => {
    const { logger, lines, json } = capture();
    logger.info('card posted', { teamId: 'T0001', itemId: 7 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    const [line] = json();
    expect(line).toMatchObject({ level: 'info', msg: 'card posted', teamId: 'T0001', itemId: 7 });
    expect(new Date(line!.time).toISOString()).toBe(line!.time);
  });

  it('leaves out what is below its level', () => {
    const { logger, json } = capture({ level: 'warn' });
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(json().map((l) => [l.level, l.msg])).toEqual([
      ['warn', 'w'],
      ['error', 'e'],
    ]);
  });

  it('a child adds its context to every line, and a line’s own context wins', () => {
    const { logger, json } = capture();
    const child = logger.child({ teamId: 'T0001', replica: 'a' }).child({ job: 'digest' });
    child.info('claimed', { replica: 'b' });
    expect(json()[0]).toMatchObject({ teamId: 'T0001', job: 'digest', replica: 'b', msg: 'claimed' });
  });

  it('a logged error keeps its stack, message, code and Slack error code in the JSON line', () => {
    const { logger, lines, json } = capture();
    const error = slackError();
    logger.error('card not posted', { teamId: 'T0001', error });
    const logged = json()[0]!.error;
    expect(logged).toMatchObject({
      type: 'Error',
      message: 'An API error occurred: not_in_channel',
      code: 'slack_webapi_platform_error',
      slackError: 'not_in_channel',
    });
    expect(logged.stack).toBe(error.stack);
    expect(logged.stack).toContain('logger.test.ts');
    expect(lines[0]).not.toContain('\n');
  });

  it('an error under any key is serialized the same way, with its cause', () => {
    const { logger, json } = capture();
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    logger.warn('could not read the member profile', { reason: new TypeError('fetch failed', { cause }) });
    const reason = json()[0]!.reason;
    expect(reason).toMatchObject({ type: 'TypeError', message: 'fetch failed' });
    expect(reason.stack).toContain('TypeError: fetch failed');
    expect(reason.cause).toMatchObject({ type: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' });
    expect(reason.cause.stack).toBe(cause.stack);
  });

  it('the readable format shows the level, the message, the context and the error’s stack', () => {
    const { logger, lines } = capture({ format: 'pretty' });
    const error = slackError();
    logger.info('Terrain is running', { mode: 'HTTP on port 3000' });
    logger.error('listener failed', { error });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: Terrain is running\n\s+mode: "HTTP on port 3000"$/);
    expect(() => JSON.parse(lines[0]!)).toThrow();
    expect(lines[1]).toContain('ERROR: listener failed');
    expect(lines[1]).toContain('not_in_channel');
    expect(lines[1]).toContain(error.stack!.split('\n')[1]!.trim());
  });

  it('writes to stderr by default, never to stdout (the CLI prints its output there)', () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    createLogger({ level: 'info', format: 'json' }).info('to stderr', { n: 1 });
    createLogger({ level: 'info', format: 'pretty' }).info('also to stderr');
    expect(out).not.toHaveBeenCalled();
    expect(err).toHaveBeenCalledTimes(2);
    expect(JSON.parse(String(err.mock.calls[0]![0]))).toMatchObject({ msg: 'to stderr', n: 1 });
    expect(String(err.mock.calls[1]![0])).toContain('INFO: also to stderr');
  });

  it('a context given at creation is on every line', () => {
    const lines: string[] = [];
    createLogger({ level: 'info', format: 'json', write: (l) => lines.push(l), context: { instance: 'r1' } }).info('hello');
    expect(JSON.parse(lines[0]!)).toMatchObject({ instance: 'r1', msg: 'hello' });
  });
});

describe('serializeError', () => {
  it('keeps the SDK’s HTTP status and Retry-After', () => {
    const limited = Object.assign(new Error('rate limited'), { code: 'slack_webapi_rate_limited_error', retryAfter: 30, statusCode: 429 });
    expect(serializeError(limited)).toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 30, statusCode: 429 });
  });
});

describe('silentLogger', () => {
  it('writes nothing, and neither do its children', () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    silentLogger.error('nothing', { error: new Error('x') });
    silentLogger.child({ a: 1 }).info('nothing either');
    expect(silentLogger.child({ a: 1 })).toBe(silentLogger);
    expect(err).not.toHaveBeenCalled();
    expect(out).not.toHaveBeenCalled();
  });
});

describe('toBoltLogger', () => {
  it('passes Bolt’s lines through Terrain’s logger, marked as Bolt’s, errors included', () => {
    const { logger, json } = capture();
    const bolt = toBoltLogger(logger, 'info');
    bolt.warn('request could not be dispatched:', 'bad payload');
    bolt.error(slackError());
    const [warn, error] = json();
    expect(warn).toMatchObject({ level: 'warn', msg: 'request could not be dispatched: bad payload', source: 'bolt' });
    expect(error).toMatchObject({ level: 'error', source: 'bolt' });
    expect(JSON.parse(error!.msg)).toMatchObject({ slackError: 'not_in_channel', code: 'slack_webapi_platform_error' });
  });

  it('keeps the level Bolt sets', () => {
    const bolt = toBoltLogger(silentLogger, 'warn');
    expect(bolt.getLevel()).toBe('warn');
    bolt.setLevel(LogLevel.DEBUG);
    expect(bolt.getLevel()).toBe(LogLevel.DEBUG);
  });
});
