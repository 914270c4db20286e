import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_DATABASE_URL,
  type Env,
  isValidCron,
  isValidTimezone,
  loadConfig,
  loadDatabaseConfig,
} from '../../src/config.js';

/** The least an HTTP-mode deployment needs. */
const HTTP: Env = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'secret' };
/** The least a Socket Mode deployment needs. */
const SOCKET: Env = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_APP_TOKEN: 'xapp-1-A1-xyz' };

function problemsOf(env: Env): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses the defaults of DESIGN.md for everything optional', () => {
    const config = loadConfig(HTTP);
    expect(config).toEqual({
      databaseUrl: './data/terrain.sqlite',
      botToken: 'xoxb-1-2-abc',
      signingSecret: 'secret',
      appToken: undefined,
      port: 3000,
      slackApiUrl: undefined,
      channelId: undefined,
      digestCron: '0 9 * * 1',
      digestTimezone: 'UTC',
      locale: 'en',
      voteEmojis: ['+1'],
      afterworkReminderHours: 3,
      logLevel: 'info',
      logFormat: 'pretty',
    });
    expect(DEFAULT_DATABASE_URL).toBe('./data/terrain.sqlite');
  });

  it('reads every variable it is given', () => {
    const config = loadConfig({
      ...SOCKET,
      SLACK_SIGNING_SECRET: 'also',
      PORT: '8080',
      SLACK_API_URL: 'http://127.0.0.1:9999/api/',
      DATABASE_URL: 'postgres://u:p@db/terrain',
      TERRAIN_CHANNEL: 'C0123456789',
      DIGEST_CRON: '30 8 * * 5',
      DIGEST_TIMEZONE: 'Europe/Paris',
      TERRAIN_LOCALE: 'fr',
      VOTE_EMOJIS: '+1,fire',
      AFTERWORK_REMINDER_HOURS: '0.5',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
    });
    expect(config).toMatchObject({
      afterworkReminderHours: 0.5,
      appToken: 'xapp-1-A1-xyz',
      signingSecret: 'also',
      port: 8080,
      slackApiUrl: 'http://127.0.0.1:9999/api/',
      databaseUrl: 'postgres://u:p@db/terrain',
      channelId: 'C0123456789',
      digestCron: '30 8 * * 5',
      digestTimezone: 'Europe/Paris',
      locale: 'fr',
      voteEmojis: ['+1', 'fire'],
      logLevel: 'debug',
      logFormat: 'json',
    });
  });

  it('refuses an AFTERWORK_REMINDER_HOURS that is not a positive number of hours', () => {
    for (const bad of ['0', '-1', 'three', '2h', '1e3', '400']) {
      const problems = problemsOf({ ...HTTP, AFTERWORK_REMINDER_HOURS: bad });
      expect(problems, bad).toHaveLength(1);
      expect(problems[0]).toMatch(/AFTERWORK_REMINDER_HOURS/);
      expect(problems[0]).toContain(bad);
    }
    expect(loadConfig({ ...HTTP, AFTERWORK_REMINDER_HOURS: '1.25' }).afterworkReminderHours).toBe(1.25);
  });

  it('treats a blank variable as unset and trims the others', () => {
    const config = loadConfig({ ...HTTP, PORT: '  ', TERRAIN_CHANNEL: '', DIGEST_TIMEZONE: ' Europe/Paris ', SLACK_BOT_TOKEN: ' xoxb-t ' });
    expect(config.port).toBe(3000);
    expect(config.channelId).toBeUndefined();
    expect(config.digestTimezone).toBe('Europe/Paris');
    expect(config.botToken).toBe('xoxb-t');
  });

  it('reports every problem in one ConfigError: missing SLACK_BOT_TOKEN, bad TERRAIN_CHANNEL and bad DIGEST_TIMEZONE at once', () => {
    let caught: unknown;
    try {
      loadConfig({ SLACK_SIGNING_SECRET: 's', TERRAIN_CHANNEL: '#general', DIGEST_TIMEZONE: 'Mars/Olympus_Mons' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.code).toBe('invalid_config');
    expect(error.name).toBe('ConfigError');
    expect(error.problems).toHaveLength(3);
    expect(error.problems[0]).toMatch(/SLACK_BOT_TOKEN is missing/);
    expect(error.problems[1]).toMatch(/TERRAIN_CHANNEL/);
    expect(error.problems[1]).toContain('#general');
    expect(error.problems[2]).toMatch(/DIGEST_TIMEZONE/);
    expect(error.problems[2]).toContain('Mars/Olympus_Mons');
    expect(error.message).toMatch(/^Terrain cannot start: 3 configuration problems:/);
    for (const problem of error.problems) expect(error.message).toContain(problem);
  });

  it('lists every malformed variable when all of them are wrong', () => {
    const problems = problemsOf({
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      SLACK_APP_TOKEN: 'not-an-app-token',
      PORT: '70000',
      SLACK_API_URL: 'ftp://example.com',
      TERRAIN_CHANNEL: 'general',
      DIGEST_CRON: 'every monday',
      DIGEST_TIMEZONE: 'Nowhere',
      TERRAIN_LOCALE: 'de',
      VOTE_EMOJIS: ',,',
      LOG_LEVEL: 'verbose',
    });
    const names = [
      'SLACK_BOT_TOKEN',
      'SLACK_APP_TOKEN',
      'PORT',
      'SLACK_API_URL',
      'TERRAIN_CHANNEL',
      'DIGEST_CRON',
      'DIGEST_TIMEZONE',
      'TERRAIN_LOCALE',
      'VOTE_EMOJIS',
      'LOG_LEVEL',
    ];
    expect(problems).toHaveLength(names.length);
    for (const [i, name] of names.entries()) expect(problems[i]).toContain(name);
  });

  it('says "1 configuration problem" in the singular', () => {
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 's' })).toThrow(/1 configuration problem:/);
  });

  it('refuses a bot token that is not an xoxb- token', () => {
    expect(problemsOf({ ...HTTP, SLACK_BOT_TOKEN: 'xoxp-123' })).toEqual([expect.stringContaining('xoxb-')]);
  });

  it('Socket Mode needs no signing secret', () => {
    const config = loadConfig(SOCKET);
    expect(config.appToken).toBe('xapp-1-A1-xyz');
    expect(config.signingSecret).toBeUndefined();
  });

  it('HTTP mode needs the signing secret', () => {
    const problems = problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/SLACK_SIGNING_SECRET is missing/);
  });

  it('refuses an app token that is not an xapp- token', () => {
    const problems = problemsOf({ ...HTTP, SLACK_APP_TOKEN: 'xoxb-wrong' });
    expect(problems).toEqual([expect.stringContaining('SLACK_APP_TOKEN')]);
  });

  it.each(['0', '1', '65535'])('accepts PORT %s', (port) => {
    expect(loadConfig({ ...HTTP, PORT: port }).port).toBe(Number(port));
  });

  it.each(['-1', '65536', '80.5', 'http', 'abc'])('refuses PORT %s', (port) => {
    expect(problemsOf({ ...HTTP, PORT: port })).toEqual([
      expect.stringContaining(`PORT must be a whole number from 0 to 65535, not "${port}"`),
    ]);
  });

  it('SLACK_API_URL gets a trailing slash', () => {
    expect(loadConfig({ ...HTTP, SLACK_API_URL: 'https://slack-gov.com/api' }).slackApiUrl).toBe('https://slack-gov.com/api/');
    expect(loadConfig({ ...HTTP, SLACK_API_URL: 'http://localhost:3001/api/' }).slackApiUrl).toBe('http://localhost:3001/api/');
  });

  it.each(['not a url', 'ftp://example.com/api/', 'javascript:alert(1)'])('refuses SLACK_API_URL %s', (url) => {
    expect(problemsOf({ ...HTTP, SLACK_API_URL: url })).toEqual([expect.stringContaining('SLACK_API_URL')]);
  });

  it.each(['C0123456789', 'G0123456'])('accepts TERRAIN_CHANNEL %s', (channel) => {
    expect(loadConfig({ ...HTTP, TERRAIN_CHANNEL: channel }).channelId).toBe(channel);
  });

  it('refuses a channel name in TERRAIN_CHANNEL and says where the ID is', () => {
    expect(problemsOf({ ...HTTP, TERRAIN_CHANNEL: '#sales' })).toEqual([expect.stringContaining('Channel ID')]);
  });

  it('refuses an invalid DIGEST_CRON', () => {
    expect(problemsOf({ ...HTTP, DIGEST_CRON: '61 9 * * 1' })).toEqual([expect.stringContaining('DIGEST_CRON')]);
  });

  it('refuses a DIGEST_CRON that never fires (31 February)', () => {
    expect(problemsOf({ ...HTTP, DIGEST_CRON: '0 0 31 2 *' })).toEqual([expect.stringContaining('DIGEST_CRON')]);
    expect(loadConfig({ ...HTTP, DIGEST_CRON: '0 9 29 2 *' }).digestCron).toBe('0 9 29 2 *');
  });

  it('refuses a TERRAIN_LOCALE other than en or fr', () => {
    expect(problemsOf({ ...HTTP, TERRAIN_LOCALE: 'fr-FR' })).toEqual([expect.stringContaining('TERRAIN_LOCALE')]);
    expect(loadConfig({ ...HTTP, TERRAIN_LOCALE: 'fr' }).locale).toBe('fr');
  });

  it('VOTE_EMOJIS are normalised and de-duplicated', () => {
    const config = loadConfig({ ...HTTP, VOTE_EMOJIS: ' :+1: , +1::skin-tone-3, FIRE ,fire,, :heart_eyes:' });
    expect(config.voteEmojis).toEqual(['+1', 'fire', 'heart_eyes']);
  });

  it('refuses VOTE_EMOJIS that are not reaction names', () => {
    expect(problemsOf({ ...HTTP, VOTE_EMOJIS: 'fire, <!channel>' })).toEqual([expect.stringContaining('VOTE_EMOJIS')]);
    expect(problemsOf({ ...HTTP, VOTE_EMOJIS: ' , ' })).toEqual([expect.stringContaining('VOTE_EMOJIS')]);
  });

  it('refuses an unknown LOG_LEVEL', () => {
    expect(problemsOf({ ...HTTP, LOG_LEVEL: 'trace' })).toEqual([expect.stringContaining('LOG_LEVEL')]);
  });

  it('logs JSON in production or when asked, readable text otherwise', () => {
    expect(loadConfig({ ...HTTP, NODE_ENV: 'production' }).logFormat).toBe('json');
    expect(loadConfig({ ...HTTP, LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(loadConfig({ ...HTTP, NODE_ENV: 'development' }).logFormat).toBe('pretty');
  });

  it('the result is frozen, its vote emojis too', () => {
    const config = loadConfig(HTTP);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.voteEmojis)).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow(TypeError);
    expect(() => (config.voteEmojis as string[]).push('fire')).toThrow(TypeError);
  });

  it('does not read process.env', () => {
    const before = process.env.SLACK_BOT_TOKEN;
    process.env.SLACK_BOT_TOKEN = 'xoxb-from-process-env';
    try {
      expect(problemsOf({ SLACK_SIGNING_SECRET: 's' })[0]).toMatch(/SLACK_BOT_TOKEN is missing/);
    } finally {
      if (before === undefined) delete process.env.SLACK_BOT_TOKEN;
      else process.env.SLACK_BOT_TOKEN = before;
    }
  });
});

describe('loadDatabaseConfig', () => {
  it('defaults to the SQLite file and is frozen', () => {
    const config = loadDatabaseConfig({});
    expect(config).toEqual({ databaseUrl: './data/terrain.sqlite' });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('needs no Slack token', () => {
    expect(loadDatabaseConfig({ DATABASE_URL: 'postgres://localhost/terrain' }).databaseUrl).toBe('postgres://localhost/terrain');
  });
});

describe('isValidTimezone and isValidCron', () => {
  it('accept IANA zones and cron expressions, refuse the rest', () => {
    expect(isValidTimezone('Europe/Paris')).toBe(true);
    expect(isValidTimezone('UTC')).toBe(true);
    expect(isValidTimezone('Paris')).toBe(false);
    expect(isValidCron('0 9 * * 1')).toBe(true);
    expect(isValidCron('0 9 * *')).toBe(false);
  });
});
