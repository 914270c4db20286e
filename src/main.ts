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
import { slackErrorCode } from './slack/calls.js';

/** The composition root: the only module with side effects. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  await migrateDatabase(config.databaseUrl);
  const db = openDatabase(config.databaseUrl);
  const background = createBackground(logger);
  const deps: Deps = { db, config, clock: systemClock, logger, background, instanceId: randomUUID() };
  const terrain = createApp(deps);

  let teamId: string | undefined;
  try {
    const auth = await terrain.app.client.auth.test();
    logger.info('connected to Slack', { team: auth.team, bot: auth.user });
    teamId = auth.team_id;
  } catch (error) {
    const code = slackErrorCode(error);
    throw new Error(
      code
        ? `Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token again from "OAuth & Permissions".`
        : `could not reach Slack (${(error as Error).message}): check the network${config.slackApiUrl ? ` and SLACK_API_URL (${config.slackApiUrl})` : ''}.`,
    );
  }

  if (teamId) await ensureWorkspace(db, teamId, systemClock.now());

  const { port } = await terrain.start();
  const scheduler = createScheduler(deps, terrain.app.client);
  await scheduler.start();
  logger.info('Terrain is running', {
    mode: terrain.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${port}`,
    database: describeDatabase(config.databaseUrl),
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await scheduler.stop();
      await terrain.stop();
      await background.drain();
      await db.destroy();
      process.exit(0);
    } catch (error) {
      logger.error('unclean stop', { error });
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  // Exit once the line is written: stderr to a pipe is asynchronous.
  process.stderr.write(`${message.startsWith('Terrain') ? message : `Terrain cannot start: ${message}`}\n`, () => process.exit(1));
});
