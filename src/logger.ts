import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { type DestinationStream, type Logger as Pino, pino } from 'pino';
import { prettyFactory } from 'pino-pretty';
import type { LogLevelName } from './config.js';

export type LogContext = Record<string, unknown>;

export interface Logger {
  debug(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
  child(context: LogContext): Logger;
}

/**
 * An error as a log field: its type, message, stack, `code` (Node's, or the Slack SDK's such as
 * `slack_webapi_platform_error`), Slack's own error code (`data.error`, e.g. `not_in_channel`), the HTTP
 * status or Retry-After where the SDK gives one, and its cause.
 */
export function serializeError(error: Error, depth = 0): Record<string, unknown> {
  const e = error as Error & { code?: unknown; data?: { error?: unknown }; statusCode?: unknown; retryAfter?: unknown };
  const fields: Record<string, unknown> = { type: error.name, message: error.message, stack: error.stack };
  if (e.code !== undefined) fields.code = e.code;
  if (typeof e.data?.error === 'string') fields.slackError = e.data.error;
  if (typeof e.statusCode === 'number') fields.statusCode = e.statusCode;
  if (typeof e.retryAfter === 'number') fields.retryAfter = e.retryAfter;
  if (error.cause instanceof Error && depth < 3) fields.cause = serializeError(error.cause, depth + 1);
  else if (error.cause !== undefined) fields.cause = String(error.cause);
  return fields;
}

/** Errors under any key (not only pino's `err`) keep what it takes to understand them. */
function serializeContext(context: LogContext | undefined): LogContext {
  if (!context) return {};
  const out: LogContext = {};
  for (const [key, value] of Object.entries(context)) out[key] = value instanceof Error ? serializeError(value) : value;
  return out;
}

function wrap(p: Pino): Logger {
  return {
    debug: (message, context) => p.debug(serializeContext(context), message),
    info: (message, context) => p.info(serializeContext(context), message),
    warn: (message, context) => p.warn(serializeContext(context), message),
    error: (message, context) => p.error(serializeContext(context), message),
    child: (context) => wrap(p.child(serializeContext(context))),
  };
}

/** Where lines go: `write` (one line at a time, without its newline), else stderr, synchronously. */
function destination(write: ((line: string) => void) | undefined, pretty: boolean): DestinationStream {
  // Synchronous, so a line logged just before the process exits is not lost; stdout stays the CLI's.
  const sink = write ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (!pretty) return { write: (json: string) => sink(json.replace(/\n$/, '')) };
  // pino-pretty's formatter, called in this thread: no worker transport, nothing buffered.
  const prettify = prettyFactory({
    colorize: write === undefined && process.stderr.isTTY === true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname',
  });
  return { write: (json: string) => sink(prettify(json).replace(/\n$/, '')) };
}

/**
 * pino behind Terrain's small interface: one JSON line per event in production (for log shippers), one
 * readable line in development (pino-pretty). Writes to stderr so that CLI output on stdout stays clean.
 */
export function createLogger(options: {
  level: LogLevelName;
  format: 'json' | 'pretty';
  write?: (line: string) => void;
  context?: LogContext;
}): Logger {
  const p = pino(
    {
      level: options.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Errors are serialized above, under whatever key they come; pino's own `err` handling would redo it.
      serializers: { err: (value: unknown) => value },
    },
    destination(options.write, options.format === 'pretty'),
  );
  return wrap(options.context ? p.child(serializeContext(options.context)) : p);
}

export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};

/** Bolt and the Slack SDK log through this adapter, so that every line has one format. */
export function toBoltLogger(logger: Logger, level: LogLevelName): BoltLogger {
  let current = level as LogLevel;
  const text = (msgs: unknown[]) =>
    msgs.map((m) => (typeof m === 'string' ? m : JSON.stringify(m instanceof Error ? serializeError(m) : m))).join(' ');
  return {
    debug: (...m) => logger.debug(text(m), { source: 'bolt' }),
    info: (...m) => logger.info(text(m), { source: 'bolt' }),
    warn: (...m) => logger.warn(text(m), { source: 'bolt' }),
    error: (...m) => logger.error(text(m), { source: 'bolt' }),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current ?? LogLevel.INFO,
    setName: () => {},
  };
}
