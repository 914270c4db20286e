import { createServer, type Server } from 'node:http';
import type { App, Logger as BoltLogger, Receiver } from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import type { Logger } from '../logger.js';
import { createDispatcher, type Dispatch, type DispatchPolicy } from './dispatch.js';
import { type HealthCheck, healthHandler } from './health.js';

/**
 * Socket Mode, with Terrain's dispatch (see dispatch.ts) in place of Bolt's: Bolt acknowledges Events API
 * envelopes before any listener runs, so a vote whose storing failed would be lost while Slack believes it
 * delivered. Here an event is acknowledged only once its listeners have stored it; one whose listener
 * failed is not acknowledged at all, so Slack delivers it again. Commands and interactions are acknowledged
 * by their listeners' `ack()`, or with the policy's answer when they fail; an envelope nobody handles, or
 * one refused as unreadable, is still acknowledged, so that Slack neither shows an error for what Terrain
 * chose to ignore nor sends it again.
 */
export class DeferredAckSocketModeReceiver implements Receiver {
  readonly client: SocketModeClient;
  private dispatch: Dispatch | undefined;
  private server: Server | undefined;

  constructor(
    private readonly options: {
      appToken: string;
      slackApiUrl?: string | undefined;
      /** Bolt's logger adapter, for the Socket Mode client. */
      boltLogger: BoltLogger;
      logger: Logger;
      policy: DispatchPolicy;
      /** Serve GET /healthz on this port too (operators probe Socket Mode bots like any other). */
      health?: { port: number; check: HealthCheck; connected: () => boolean };
    },
  ) {
    this.client = new SocketModeClient({
      appToken: options.appToken,
      logger: options.boltLogger,
      clientOptions: options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {},
    });
    this.client.on('slack_event', (args: SlackEventArgs) => {
      void this.handle(args);
    });
  }

  init(app: App): void {
    this.dispatch = createDispatcher((event) => app.processEvent(event), this.options.policy);
  }

  private async handle(args: SlackEventArgs): Promise<void> {
    const { logger } = this.options;
    try {
      if (!this.dispatch) throw new Error('the receiver was not initialised with an app');
      const outcome = await this.dispatch(args.body, { retryNum: args.retry_num, retryReason: args.retry_reason });
      if (outcome.status === 500 || outcome.status === 503) {
        logger.warn('Socket Mode envelope not acknowledged: Slack will deliver it again', { type: args.type, code: outcome.code });
        return;
      }
      await args.ack(outcome.status === 200 ? outcome.body : undefined);
    } catch (error) {
      logger.error('Socket Mode envelope failed', { type: args.type, error, stack: error instanceof Error ? error.stack : undefined });
    }
  }

  async start(): Promise<Server | undefined> {
    await this.client.start();
    const health = this.options.health;
    if (health) {
      const handle = healthHandler(async () => {
        const result = await health.check();
        return { ...result, ok: result.ok && health.connected(), socket: health.connected() ? 'connected' : 'disconnected' };
      });
      this.server = createServer((req, res) => {
        if (req.method === 'GET' && req.url?.split('?')[0] === '/healthz') return handle(req, res);
        res.writeHead(404);
        res.end();
      });
      const server = this.server;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(health.port, () => resolve());
      });
    }
    return this.server;
  }

  async stop(): Promise<void> {
    await this.client.disconnect();
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

interface SlackEventArgs {
  ack: (response?: unknown) => Promise<void>;
  type: string;
  body: Record<string, any>;
  retry_num?: number;
  retry_reason?: string;
}
