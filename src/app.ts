import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type Receiver } from '@slack/bolt';
import { checkDatabase } from '../db/connection.js';
import type { Deps } from './deps.js';
import { classifyFailure, reportAndRethrow } from './errors.js';
import { register } from './listeners/index.js';
import { ListenerTable } from './listeners/router.js';
import { toBoltLogger } from './logger.js';
import type { DispatchPolicy } from './receivers/dispatch.js';
import type { HealthCheck } from './receivers/health.js';
import { TerrainHttpReceiver } from './receivers/http.js';
import { DeferredAckSocketModeReceiver } from './receivers/socket-mode.js';
import { failureReplies } from './services/failures.js';

export interface TerrainApp {
  readonly app: App;
  readonly mode: 'http' | 'socket';
  /** Starts listening; resolves with the HTTP port actually bound (PORT may be 0 in tests). */
  start(): Promise<{ port: number | undefined }>;
  stop(): Promise<void>;
}

/**
 * Builds the Bolt app exactly as it runs in production, without starting it: Socket Mode when an app
 * token is set, else HTTP. Web API calls go to SLACK_API_URL, without the client's automatic retries
 * (they can double-post); 429s are waited out by Terrain itself (see slack/calls.ts).
 */
export function createApp(deps: Deps): TerrainApp {
  const { config } = deps;
  const boltLogger = toBoltLogger(deps.logger, config.logLevel);
  const health = databaseHealth(deps);
  // One error policy for every listener (errors.ts), applied by both receivers (receivers/dispatch.ts).
  let client: App['client'] | undefined;
  const policy: DispatchPolicy = {
    logger: deps.logger,
    ...failureReplies(deps, () => {
      if (!client) throw new Error('the app is not built yet');
      return client;
    }),
  };

  let receiver: Receiver;
  let socket: DeferredAckSocketModeReceiver | undefined;
  if (config.appToken) {
    let connected = false;
    socket = new DeferredAckSocketModeReceiver({
      appToken: config.appToken,
      slackApiUrl: config.slackApiUrl,
      boltLogger,
      logger: deps.logger,
      policy,
      health: { port: config.port, check: health, connected: () => connected },
    });
    socket.client.on('connected', () => {
      connected = true;
    });
    socket.client.on('disconnected', () => {
      connected = false;
    });
    receiver = socket;
  } else {
    receiver = new TerrainHttpReceiver({ signingSecret: config.signingSecret ?? '', logger: deps.logger, health, policy });
  }

  const app = new App({
    token: config.botToken,
    receiver,
    logger: boltLogger,
    // Bolt's own token check then happens in start(), where a failure is an error to handle, not an
    // unhandled rejection from the constructor.
    deferInitialization: true,
    clientOptions: {
      ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    },
    // app.error gets the request too, to log who and what failed.
    extendedErrorHandler: true,
    // Terrain keeps no per-conversation state in Bolt; its default store costs every request a lookup
    // (and an Error built for each miss).
    convoStore: false,
  });
  client = app.client;
  app.error(reportAndRethrow(deps.logger));
  const listeners = new ListenerTable();
  register(listeners, deps);
  listeners.attach(app);

  return {
    app,
    mode: socket ? 'socket' : 'http',
    async start() {
      await app.init();
      const server = (await app.start(config.port)) as Server | undefined;
      const address = server?.address();
      return { port: address && typeof address === 'object' ? (address as AddressInfo).port : undefined };
    },
    async stop() {
      await app.stop();
    },
  };
}

/**
 * `GET /healthz`: 200 while the database takes writes (see checkDatabase), 503 while it does not. The
 * reason goes to the log, once per change, not to whoever probes.
 */
function databaseHealth(deps: Pick<Deps, 'db' | 'logger'>): HealthCheck {
  let down = false;
  return async () => {
    try {
      await checkDatabase(deps.db);
      if (down) deps.logger.info('the database is available again');
      down = false;
      return { ok: true, database: 'ok' };
    } catch (error) {
      if (!down) deps.logger.warn('the database is unavailable', { code: classifyFailure(error), error });
      down = true;
      return { ok: false, database: 'unavailable' };
    }
  };
}
