import { randomUUID } from 'node:crypto';
import { describeDatabase, openDatabase } from '../db/connection.js';
import { migrateDatabase } from '../db/migrate.js';
import { ensureWorkspace } from '../db/workspaces.js';
import { createScheduler } from '../scheduled/index.js';
import { createApp } from './app.js';
import { createBackground } from './background.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import type { Deps } from './deps.js';
import { createLogger } from './logger.js';
import { createOutbox } from './services/outbox.js';
import { slackErrorCode } from './slack/calls.js';

/** Set by SIGTERM or SIGINT: start-up goes no further, and its failure is no longer an error to report. */
let stopping = false;

/** The composition root: the only module with side effects. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });

  // What has started so far, stopped in reverse order; and the start-up step in flight, which a stop
  // lets finish first (stopping something half started is not clean).
  const stoppers: Array<() => Promise<void>> = [];
  let step: Promise<unknown> = Promise.resolve();
  const startStep = <T>(start: () => Promise<T>, stop?: () => Promise<void>): Promise<T> => {
    const started = start().then((value) => {
      if (stop) stoppers.push(stop);
      return value;
    });
    step = started;
    return started;
  };

  // Installed before anything starts: a signal during start-up stops whatever was started so far.
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await step.catch(() => undefined);
      for (const stopOne of stoppers.reverse()) await stopOne();
      process.exit(0);
    } catch (error) {
      logger.error('unclean stop', { error });
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  // Migrations get a connection of their own, with waits long enough for a schema change; the bot's
  // connection keeps waits short enough to answer Slack within 3 s.
  await startStep(() => migrateDatabase(config.databaseUrl));
  if (stopping) return;
  const db = openDatabase(config.databaseUrl);
  stoppers.push(() => db.destroy());
  const background = createBackground(logger);
  // Work handed to the background after an acknowledgement finishes before the database closes.
  stoppers.push(() => background.drain());
  const base = { db, config, clock: systemClock, logger, instanceId: randomUUID() };
  const outbox = createOutbox(base);
  const deps: Deps = { ...base, background, outbox };
  const terrain = createApp(deps);

  let teamId: string | undefined;
  try {
    const auth = await startStep(() => terrain.app.client.auth.test());
    logger.info('connected to Slack', { team: auth.team, bot: auth.user });
    teamId = auth.team_id;
  } catch (error) {
    if (stopping) return;
    const code = slackErrorCode(error);
    throw new Error(
      code
        ? `Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token again from "OAuth & Permissions".`
        : `could not reach Slack (${(error as Error).message}): check the network${config.slackApiUrl ? ` and SLACK_API_URL (${config.slackApiUrl})` : ''}.`,
    );
  }
  if (stopping) return;

  if (teamId) await startStep(() => ensureWorkspace(db, teamId, systemClock.now()));
  if (stopping) return;

  const { port } = await startStep(
    () => terrain.start(),
    () => terrain.stop(),
  );
  if (stopping) return;
  // What a crash left unsent goes out once its sender's lease has run out; what comes next, as it comes.
  await startStep(
    async () => outbox.start(terrain.app.client),
    () => outbox.stop(),
  );
  if (stopping) return;
  const scheduler = createScheduler(deps, terrain.app.client);
  await startStep(
    () => scheduler.start(),
    () => scheduler.stop(),
  );
  if (stopping) return;
  logger.info('Terrain is running', {
    mode: terrain.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${port}`,
    database: describeDatabase(config.databaseUrl),
  });
}

main().catch((error: unknown) => {
  // A stop during start-up may make a step fail; the stop itself decides how the process exits.
  if (stopping) return;
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  // Exit once the line is written: stderr to a pipe is asynchronous.
  process.stderr.write(`${message.startsWith('Terrain') ? message : `Terrain cannot start: ${message}`}\n`, () => process.exit(1));
});
