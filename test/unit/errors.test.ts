import { describe, expect, it } from 'vitest';
import { classifyFailure, isStorageFailure, reportAndRethrow, TerrainError, underlyingErrors } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';

const coded = (code: string, message = 'failed') => Object.assign(new Error(message), { code });
/** Bolt's wrappers, as bolt-js builds them (errors.js): an uncoded error in `original`, several in `originals`. */
const boltUnknown = (original: unknown) => Object.assign(new Error('wrapped'), { code: 'slack_bolt_unknown_error', original });
const boltMultiple = (originals: unknown[]) =>
  Object.assign(new Error('several'), { code: 'slack_bolt_multiple_listener_error', originals });

describe('isStorageFailure', () => {
  it('recognises a SQLite file that is locked, full, unwritable or missing (better-sqlite3 codes, extended ones too)', () => {
    for (const code of [
      'SQLITE_BUSY',
      'SQLITE_BUSY_SNAPSHOT',
      'SQLITE_LOCKED',
      'SQLITE_LOCKED_SHAREDCACHE',
      'SQLITE_FULL',
      'SQLITE_IOERR',
      'SQLITE_IOERR_WRITE',
      'SQLITE_READONLY',
      'SQLITE_READONLY_DBMOVED',
      'SQLITE_CANTOPEN',
    ]) {
      expect(isStorageFailure(coded(code)), code).toBe(true);
    }
    expect(isStorageFailure(new TypeError('The database connection is not open'))).toBe(true);
  });

  it('recognises PostgreSQL refusing, terminating, timing out or running out (SQLSTATEs and client messages)', () => {
    for (const code of [
      '57P01',
      '57P02',
      '57P03',
      '57014',
      '53300',
      '53100',
      '08006',
      '08001',
      '58030',
      '25006',
      '40001',
      '40P01',
      '3D000',
    ]) {
      expect(isStorageFailure(coded(code)), code).toBe(true);
    }
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']) {
      expect(isStorageFailure(coded(code)), code).toBe(true);
    }
    for (const message of [
      'Connection terminated unexpectedly',
      'Connection terminated due to connection timeout',
      'timeout exceeded when trying to connect',
      'Query read timeout',
      'Client has encountered a connection error and is not queryable',
      'database "terrain" is not currently accepting connections',
      'the database system is starting up',
    ]) {
      expect(isStorageFailure(new Error(message)), message).toBe(true);
    }
  });

  it('does not mistake a defect or a constraint for an outage', () => {
    expect(isStorageFailure(new TypeError("Cannot read properties of undefined (reading 'type')"))).toBe(false);
    expect(isStorageFailure(coded('SQLITE_CONSTRAINT_FOREIGNKEY'))).toBe(false);
    expect(isStorageFailure(coded('SQLITE_ERROR'))).toBe(false);
    expect(isStorageFailure(coded('23505', 'duplicate key value'))).toBe(false);
    expect(isStorageFailure(coded('42P01', 'relation does not exist'))).toBe(false);
    expect(isStorageFailure(coded('slack_webapi_platform_error'))).toBe(false);
    expect(isStorageFailure(undefined)).toBe(false);
    expect(isStorageFailure('SQLITE_BUSY')).toBe(false);
  });

  it('finds the driver error inside Bolt wrappers and causes', () => {
    expect(isStorageFailure(boltUnknown(coded('57P01')))).toBe(true);
    expect(isStorageFailure(boltMultiple([new Error('other'), coded('SQLITE_BUSY')]))).toBe(true);
    expect(isStorageFailure(new Error('outer', { cause: new Error('Connection terminated unexpectedly') }))).toBe(true);
  });
});

describe('underlyingErrors', () => {
  it('lists the error and everything it wraps, without looping forever on a cycle', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    const b = new Error('b', { cause: a });
    a.cause = b;
    const all = underlyingErrors(b);
    expect(all[0]).toBe(b);
    expect(all).toContain(a);
    expect(all.length).toBeLessThan(20);
  });
});

describe('classifyFailure', () => {
  it('gives one code per kind of failure', () => {
    expect(classifyFailure(boltUnknown(coded('SQLITE_BUSY')))).toBe('storage_unavailable');
    expect(classifyFailure(coded('slack_webapi_request_error'))).toBe('slack_unavailable');
    expect(
      classifyFailure(
        Object.assign(new Error('auth'), { code: 'slack_bolt_authorization_error', original: coded('slack_webapi_platform_error') }),
      ),
    ).toBe('slack_unavailable');
    expect(classifyFailure(new TypeError('x is undefined'))).toBe('listener_failed');
    expect(classifyFailure(new TerrainError('invalid_payload', 'bad'))).toBe('invalid_payload');
  });
});

describe('reportAndRethrow (app.error)', () => {
  const capture = () => {
    const lines: string[] = [];
    return { lines, logger: createLogger({ level: 'debug', format: 'json', write: (l) => lines.push(l) }) };
  };

  it('logs a listener failure once, with team, user, channel, the request and the stack, and rethrows it coded', async () => {
    const { lines, logger } = capture();
    const cause = coded('57P01', 'terminating connection due to administrator command');
    const body = { command: '/feedback', team_id: 'T0001', user_id: 'U0SALES1', channel_id: 'C0TERRAIN', text: 'hello' };
    const thrown = await reportAndRethrow(logger)({ error: boltUnknown(cause), body }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(TerrainError);
    expect(thrown).toMatchObject({ code: 'storage_unavailable', cause });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({
      level: 'error',
      code: 'storage_unavailable',
      request: 'command /feedback',
      team: 'T0001',
      user: 'U0SALES1',
      channel: 'C0TERRAIN',
      error: { code: '57P01' },
    });
    expect(line.stack).toContain('errors.test.ts');
  });

  it('names an event, an action, a view and a shortcut by what they are', async () => {
    const { lines, logger } = capture();
    const handler = reportAndRethrow(logger);
    const bodies = [
      { team_id: 'T1', event: { type: 'reaction_added', user: 'U1', item: { channel: 'C1' } } },
      { type: 'block_actions', user: { id: 'U2', team_id: 'T2' }, actions: [{ action_id: 'open_settings' }], channel: { id: 'C2' } },
      { type: 'view_submission', user: { id: 'U3' }, team: { id: 'T3' }, view: { callback_id: 'terrain_feedback_modal' } },
      { type: 'message_action', callback_id: 'send_to_terrain', user: { id: 'U4' }, team: { id: 'T4' }, channel: { id: 'C4' } },
    ];
    for (const body of bodies) await handler({ error: new TypeError('boom'), body }).catch(() => undefined);
    expect(lines.map((l) => JSON.parse(l)).map((l) => [l.request, l.team, l.user, l.channel, l.code])).toEqual([
      ['event reaction_added', 'T1', 'U1', 'C1', 'listener_failed'],
      ['block_actions open_settings', 'T2', 'U2', 'C2', 'listener_failed'],
      ['view_submission terrain_feedback_modal', 'T3', 'U3', undefined, 'listener_failed'],
      ['message_action send_to_terrain', 'T4', 'U4', 'C4', 'listener_failed'],
    ]);
  });
});
