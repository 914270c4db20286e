import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { LogLevelName } from './config.js';

export type LogContext = Record<string, unknown>;

export interface Logger {
  debug(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
  child(context: LogContext): Logger;
}

const ORDER: Record<LogLevelName, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function serialize(value: unknown): unknown {
  if (value instanceof Error) {
    const data = (value as { data?: { error?: unknown } }).data;
    return { name: value.name, message: value.message, code: (value as { code?: unknown }).code, slackError: data?.error };
  }
  return value;
}

/**
 * One JSON line per event in production (for log shippers), one readable line in development. Writes to
 * stderr so that CLI output on stdout stays clean.
 */
export function createLogger(options: {
  level: LogLevelName;
  format: 'json' | 'pretty';
  write?: (line: string) => void;
  context?: LogContext;
}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const base = options.context ?? {};
  const log = (level: LogLevelName, message: string, context?: LogContext) => {
    if (ORDER[level] < ORDER[options.level]) return;
    const fields = Object.fromEntries(Object.entries({ ...base, ...context }).map(([k, v]) => [k, serialize(v)]));
    if (options.format === 'json') {
      write(JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields }));
    } else {
      const extra = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
      write(`${new Date().toISOString().slice(11, 19)} ${level.toUpperCase().padEnd(5)} ${message}${extra}`);
    }
  };
  return {
    debug: (m, c) => log('debug', m, c),
    info: (m, c) => log('info', m, c),
    warn: (m, c) => log('warn', m, c),
    error: (m, c) => log('error', m, c),
    child: (context) => createLogger({ ...options, write, context: { ...base, ...context } }),
  };
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
  const text = (msgs: unknown[]) => msgs.map((m) => (typeof m === 'string' ? m : JSON.stringify(serialize(m)))).join(' ');
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
