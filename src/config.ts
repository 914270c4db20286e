import cron from 'node-cron';
import { nextFire } from './domain/fire-times.js';
import { isChannelId } from './domain/slack-ids.js';
import { normalizeEmoji } from './domain/votes.js';
import { isLocale, type Locale } from './i18n/index.js';

/** Everything Terrain needs to talk to its database. The CLI's data commands need no more. */
export interface DatabaseConfig {
  readonly databaseUrl: string;
}

export interface Config extends DatabaseConfig {
  readonly botToken: string;
  readonly signingSecret: string | undefined;
  /** Set → Socket Mode; unset → HTTP mode. */
  readonly appToken: string | undefined;
  readonly port: number;
  /** Web API base URL, always ending with a slash. */
  readonly slackApiUrl: string | undefined;
  readonly channelId: string | undefined;
  readonly digestCron: string;
  readonly digestTimezone: string;
  readonly locale: Locale;
  readonly voteEmojis: readonly string[];
  /** Hours (decimal) before an after-work that the people going are reminded. */
  readonly afterworkReminderHours: number;
  readonly logLevel: LogLevelName;
  readonly logFormat: 'json' | 'pretty';
}

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

export type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_DATABASE_URL = './data/terrain.sqlite';

export class ConfigError extends Error {
  readonly code = 'invalid_config' as const;
  constructor(readonly problems: readonly string[]) {
    super(
      `Terrain cannot start: ${problems.length} configuration problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

export function isValidTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A cron expression node-cron accepts and that fires at least once (`0 0 31 2 *` never does). */
export function isValidCron(expression: string): boolean {
  if (!cron.validate(expression)) return false;
  try {
    nextFire({ cron: expression, timezone: 'UTC' }, new Date());
    return true;
  } catch {
    return false;
  }
}

export function loadDatabaseConfig(env: Env): DatabaseConfig {
  return Object.freeze({ databaseUrl: value(env, 'DATABASE_URL') ?? DEFAULT_DATABASE_URL });
}

/**
 * Reads the environment once, at start. Every problem is collected so that the operator fixes them all
 * in one go instead of one per restart.
 */
export function loadConfig(env: Env): Config {
  const problems: string[] = [];

  const botToken = value(env, 'SLACK_BOT_TOKEN');
  if (!botToken) {
    problems.push('SLACK_BOT_TOKEN is missing: copy the "Bot User OAuth Token" (xoxb-…) from your app\'s "OAuth & Permissions" page.');
  } else if (!botToken.startsWith('xoxb-')) {
    problems.push('SLACK_BOT_TOKEN must be a bot token starting with "xoxb-" (see "OAuth & Permissions").');
  }

  const appToken = value(env, 'SLACK_APP_TOKEN');
  if (appToken && !appToken.startsWith('xapp-')) {
    problems.push(
      'SLACK_APP_TOKEN must be an app-level token starting with "xapp-" (Basic Information → App-Level Tokens, scope connections:write), or unset for HTTP mode.',
    );
  }

  const signingSecret = value(env, 'SLACK_SIGNING_SECRET');
  if (!appToken && !signingSecret) {
    problems.push(
      'SLACK_SIGNING_SECRET is missing: HTTP mode needs the "Signing Secret" from Basic Information (or set SLACK_APP_TOKEN to use Socket Mode).',
    );
  }

  let port = 3000;
  const rawPort = value(env, 'PORT');
  if (rawPort !== undefined) {
    const parsed = Number(rawPort);
    if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
      problems.push(`PORT must be a whole number from 0 to 65535, not "${rawPort}".`);
    } else {
      port = parsed;
    }
  }

  let slackApiUrl = value(env, 'SLACK_API_URL');
  if (slackApiUrl !== undefined) {
    try {
      const url = new URL(slackApiUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
      if (!slackApiUrl.endsWith('/')) slackApiUrl += '/';
    } catch {
      problems.push(`SLACK_API_URL must be an http(s) URL such as https://slack.com/api/, not "${slackApiUrl}".`);
    }
  }

  const channelId = value(env, 'TERRAIN_CHANNEL');
  if (channelId !== undefined && !isChannelId(channelId)) {
    problems.push(`TERRAIN_CHANNEL must be a channel ID such as C0123456789 (channel details → About → Channel ID), not "${channelId}".`);
  }

  const digestCron = value(env, 'DIGEST_CRON') ?? '0 9 * * 1';
  if (!isValidCron(digestCron)) {
    problems.push(`DIGEST_CRON is not a valid cron expression: "${digestCron}" (example: "0 9 * * 1", Mondays at 9:00).`);
  }

  const digestTimezone = value(env, 'DIGEST_TIMEZONE') ?? 'UTC';
  if (!isValidTimezone(digestTimezone)) {
    problems.push(`DIGEST_TIMEZONE must be an IANA time zone such as Europe/Paris, not "${digestTimezone}".`);
  }

  const rawLocale = value(env, 'TERRAIN_LOCALE') ?? 'en';
  let locale: Locale = 'en';
  if (isLocale(rawLocale)) locale = rawLocale;
  else problems.push(`TERRAIN_LOCALE must be "en" or "fr", not "${rawLocale}".`);

  const rawEmojis = value(env, 'VOTE_EMOJIS') ?? '+1';
  const voteEmojis = [
    ...new Set(
      rawEmojis
        .split(',')
        .map((e) => normalizeEmoji(e.trim()))
        .filter((e) => e !== ''),
    ),
  ];
  if (voteEmojis.length === 0 || voteEmojis.some((e) => !/^[a-z0-9_+'-]+$/.test(e))) {
    problems.push(`VOTE_EMOJIS must be reaction names separated by commas, such as "+1,fire", not "${rawEmojis}".`);
  }

  const rawReminder = value(env, 'AFTERWORK_REMINDER_HOURS') ?? '3';
  const afterworkReminderHours = Number(rawReminder);
  if (!/^\d+(\.\d+)?$/.test(rawReminder) || !(afterworkReminderHours > 0) || afterworkReminderHours > 24 * 14) {
    problems.push(
      `AFTERWORK_REMINDER_HOURS must be a number of hours above 0 and at most 336 (decimals allowed: 0.5 is 30 minutes), not "${rawReminder}".`,
    );
  }

  const rawLevel = value(env, 'LOG_LEVEL') ?? 'info';
  const logLevel = (['debug', 'info', 'warn', 'error'] as const).find((l) => l === rawLevel);
  if (!logLevel) problems.push(`LOG_LEVEL must be debug, info, warn or error, not "${rawLevel}".`);

  if (problems.length > 0) throw new ConfigError(problems);

  return Object.freeze({
    ...loadDatabaseConfig(env),
    botToken: botToken as string,
    signingSecret,
    appToken,
    port,
    slackApiUrl,
    channelId,
    digestCron,
    digestTimezone,
    locale,
    voteEmojis: Object.freeze(voteEmojis),
    afterworkReminderHours,
    logLevel: logLevel ?? 'info',
    logFormat: value(env, 'NODE_ENV') === 'production' || value(env, 'LOG_FORMAT') === 'json' ? 'json' : 'pretty',
  });
}
