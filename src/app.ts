import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type Receiver } from '@slack/bolt';
import { sql } from 'kysely';
import type { Deps } from './deps.js';
import { register } from './listeners/index.js';
import { toBoltLogger } from './logger.js';
import type { HealthCheck } from './receivers/health.js';
import { createHttpReceiver } from './receivers/http.js';
import { DeferredAckSocketModeReceiver } from './receivers/socket-mode.js';

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
  const health: HealthCheck = async () => {
    await sql`select 1`.execute(deps.db);
    return { ok: true, database: 'ok' };
  };

  let receiver: Receiver;
  let socket: DeferredAckSocketModeReceiver | undefined;
  if (config.appToken) {
    let connected = false;
    socket = new DeferredAckSocketModeReceiver({
      appToken: config.appToken,
      slackApiUrl: config.slackApiUrl,
      logger: boltLogger,
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
    receiver = createHttpReceiver({ signingSecret: config.signingSecret ?? '', logger: boltLogger, health });
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
  });
  app.error(async (error) => {
    deps.logger.error('listener failed', { error });
  });
  register(app, deps);

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
