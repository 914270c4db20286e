import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../db/connection.js';
import { createScheduler, type Scheduler } from '../../scheduled/index.js';
import { createApp, type TerrainApp } from '../../src/app.js';
import { type Background, createBackground } from '../../src/background.js';
import { type Clock, systemClock } from '../../src/clock.js';
import { type Env, loadConfig } from '../../src/config.js';
import type { Deps } from '../../src/deps.js';
import { createLogger, silentLogger } from '../../src/logger.js';
import type { Dispatcher, DispatcherOptions } from '../../src/outbox/dispatcher.js';
import { createOutbox } from '../../src/services/outbox.js';
import type { TestDatabase } from './database.js';
import type { FakeSlack } from './fake-slack.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const TEAM = 'T0001';
export const CHANNEL = 'C0TERRAIN';

export interface TestApp {
  /** The events URL: http://127.0.0.1:<port>/slack/events (HTTP mode). */
  readonly url: string;
  readonly baseUrl: string;
  readonly deps: Deps;
  readonly terrain: TerrainApp;
  readonly background: Background;
  /** The app's outbox sender, started like in production. */
  readonly outbox: Dispatcher;
  /** The app's scheduler, not started: tests call `tick()` at the moments they choose. */
  readonly scheduler: Scheduler;
  /** Waits until every Slack call started after an acknowledgement has finished, and the outbox has sent what is due. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the real app, as `main.ts` builds it, against the fake Slack Web API and the test database.
 * Each app opens its own connection, as a separate replica would.
 */
export async function startTestApp(options: {
  db: TestDatabase;
  fake: FakeSlack;
  env?: Env;
  clock?: Clock;
  socketMode?: boolean;
  /** Distinct per replica by default; set it to play a restarted process. */
  instanceId?: string;
  /** Outbox lease and poll, shorter in tests about crashes and slow answers. */
  outbox?: Pick<DispatcherOptions, 'leaseMs' | 'pollMs'>;
}): Promise<TestApp> {
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: options.fake.apiUrl,
    PORT: '0',
    DATABASE_URL: options.db.url,
    TERRAIN_CHANNEL: CHANNEL,
    ...(options.socketMode ? { SLACK_APP_TOKEN: 'xapp-test-token' } : {}),
    ...options.env,
  });
  const logger = process.env.TERRAIN_TEST_LOG ? createLogger({ level: 'debug', format: 'pretty' }) : silentLogger;
  const db = openDatabase(config.databaseUrl, { poolSize: 5 });
  const background = createBackground(logger);
  const base = { db, config, clock: options.clock ?? systemClock, logger, instanceId: options.instanceId ?? randomUUID() };
  const outbox = createOutbox(base, options.outbox);
  const deps: Deps = { ...base, background, outbox };
  const terrain = createApp(deps);
  const { port } = await terrain.start();
  outbox.start(terrain.app.client);
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    url: `${baseUrl}/slack/events`,
    baseUrl,
    deps,
    terrain,
    background,
    outbox,
    scheduler: createScheduler(deps, terrain.app.client),
    async drain() {
      await background.drain();
      await outbox.drain();
    },
    async stop() {
      await terrain.stop();
      await background.drain();
      await outbox.stop();
      await db.destroy();
    },
  };
}
