import type { Logger } from './logger.js';
import { summarizeRequest } from './slack/requests.js';

/**
 * Terrain's one error policy. A listener that fails is logged once, here, with who and what; its error is
 * then rethrown as a `TerrainError` whose code tells the receiver how to answer honestly:
 * - `storage_unavailable`: the database is down, locked, full or read-only. Nothing was stored: an event
 *   gets a 503 (Slack delivers it again), a person gets their text back and is told to send it later.
 * - `slack_unavailable`: Slack's Web API failed before the request was acknowledged (its own authorize).
 * - `invalid_payload`: a signed request Bolt or Terrain cannot read; the sender's fault, a 4xx.
 * - `listener_failed`: anything else (a defect): an event gets a 500, a person their text back.
 * - `not_acknowledged`: nothing acknowledged within the budget (a database that hangs): answered anyway.
 */
export const ERROR_CODES = ['storage_unavailable', 'slack_unavailable', 'invalid_payload', 'listener_failed', 'not_acknowledged'] as const;
export type TerrainErrorCode = (typeof ERROR_CODES)[number];

/** A coded error, in the style of bolt-js's own (`error.code` is one of a known list). */
export class TerrainError extends Error {
  readonly code: TerrainErrorCode;

  constructor(code: TerrainErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TerrainError';
    this.code = code;
  }
}

export const isTerrainError = (error: unknown): error is TerrainError => error instanceof TerrainError;

/**
 * The errors inside an error as Bolt and the drivers hand them over: Bolt wraps an uncoded error in
 * `UnknownError.original` and several in `MultipleListenerError.originals`; pg-pool sets `cause`.
 */
export function underlyingErrors(error: unknown, depth = 0): unknown[] {
  if (depth > 5 || typeof error !== 'object' || error === null) return [error];
  const e = error as { original?: unknown; originals?: unknown; cause?: unknown; errors?: unknown };
  const inner = [
    ...(e.original !== undefined ? [e.original] : []),
    ...(Array.isArray(e.originals) ? e.originals : []),
    ...(Array.isArray(e.errors) ? e.errors : []),
    ...(e.cause !== undefined ? [e.cause] : []),
  ];
  return [error, ...inner.flatMap((x) => underlyingErrors(x, depth + 1))];
}

/** better-sqlite3's codes (extended ones start with these) for a database that cannot take the write now. */
const SQLITE_UNAVAILABLE = [
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_FULL',
  'SQLITE_IOERR',
  'SQLITE_READONLY',
  'SQLITE_CANTOPEN',
  'SQLITE_PROTOCOL',
];

/**
 * PostgreSQL's SQLSTATEs: whole classes (08 connection exception, 53 insufficient resources such as 53300
 * too many connections or 53100 disk full, 57 operator intervention such as 57P01 terminated, 57P03 cannot
 * connect now and 57014 statement timeout, 58 system error), and single states: a read-only standby after a
 * failover, a serialization failure or deadlock (the write did not happen), a lock not available, a
 * database that does not exist (yet, or any more).
 */
const PG_CLASSES = ['08', '53', '57', '58'];
const PG_STATES = ['25006', '40001', '40P01', '55P03', '3D000'];

/** The network, as Node reports it for the PostgreSQL connection. */
const NETWORK_CODES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
];

/** What node-postgres and pg-pool say, without a code, when the server or the network is gone. */
const PG_CLIENT_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /^Query read timeout/,
  /is not queryable/,
  /Cannot use a pool after calling end/,
  /is not currently accepting connections/,
  /the database system is (starting up|shutting down|in recovery mode)/,
];

function isStorageError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (SQLITE_UNAVAILABLE.some((prefix) => code.startsWith(prefix))) return true;
    if (NETWORK_CODES.includes(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && (PG_CLASSES.includes(code.slice(0, 2)) || PG_STATES.includes(code))) return true;
  }
  if (typeof message !== 'string') return false;
  // better-sqlite3 after the database was closed (a stop in progress).
  if (message === 'The database connection is not open') return true;
  return PG_CLIENT_MESSAGES.some((pattern) => pattern.test(message));
}

/** True when the failure comes from the database being unavailable (either driver), wherever it is wrapped. */
export function isStorageFailure(error: unknown): boolean {
  return underlyingErrors(error).some(isStorageError);
}

/** Slack's Web API (or Bolt's authorize, which calls it) failed: the @slack/web-api codes. */
function isSlackError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('slack_webapi_') || code === 'slack_bolt_authorization_error');
}

/** One code for any failure: what the receiver needs to answer, and what the logs say. */
export function classifyFailure(error: unknown): TerrainErrorCode {
  if (isTerrainError(error)) return error.code;
  if (isStorageFailure(error)) return 'storage_unavailable';
  if (underlyingErrors(error).some(isSlackError)) return 'slack_unavailable';
  return 'listener_failed';
}

/** The error that says what happened: Bolt's wrapper removed. */
function original(error: unknown): unknown {
  const e = error as { code?: unknown; original?: unknown } | null;
  return e?.code === 'slack_bolt_unknown_error' && e.original !== undefined ? e.original : error;
}

/**
 * `app.error` (Bolt's extended error handler): every listener failure is logged once, with the team, the
 * user, the channel, the request and the stack, then thrown again as a `TerrainError` so that the receiver
 * answers honestly (Bolt would otherwise acknowledge an event whose vote was never stored).
 */
export function reportAndRethrow(logger: Logger) {
  return async ({ error, body }: { error: Error; body: unknown }): Promise<never> => {
    const cause = original(error);
    const code = classifyFailure(cause);
    const summary = summarizeRequest(body);
    logger.error(`${summary.request} failed: ${code}`, {
      code,
      ...summary,
      error: cause,
      stack: cause instanceof Error ? cause.stack : undefined,
    });
    throw new TerrainError(code, `${summary.request} failed (${code})`, { cause });
  };
}
