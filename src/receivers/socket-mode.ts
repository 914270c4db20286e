import { createServer, type Server } from 'node:http';
import type { App, Logger as BoltLogger, Receiver, ReceiverEvent } from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import { type HealthCheck, healthHandler } from './health.js';

/**
 * Socket Mode, with one change from Bolt's own receiver: Bolt acknowledges Events API envelopes before
 * any listener runs, so a crash right after could lose a vote Slack believes delivered. Here an event is
 * acknowledged only once its listeners have finished (they store and return; storing takes well under
 * a millisecond). Commands and interactions are acknowledged by their listeners' `ack()` as usual.
 */
export class DeferredAckSocketModeReceiver implements Receiver {
  readonly client: SocketModeClient;
  private app: App | undefined;
  private server: Server | undefined;

  constructor(
    private readonly options: {
      appToken: string;
      slackApiUrl?: string | undefined;
      logger: BoltLogger;
      /** Serve GET /healthz on this port too (operators probe Socket Mode bots like any other). */
      health?: { port: number; check: HealthCheck; connected: () => boolean };
    },
  ) {
    this.client = new SocketModeClient({
      appToken: options.appToken,
      logger: options.logger,
      clientOptions: options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {},
    });
    this.client.on('slack_event', (args: SlackEventArgs) => {
      void this.dispatch(args);
    });
  }

  init(app: App): void {
    this.app = app;
  }

  private async dispatch(args: SlackEventArgs): Promise<void> {
    const deferred = args.type === 'events_api';
    let acked = false;
    const ack = async (response?: unknown): Promise<void> => {
      if (acked) return;
      acked = true;
      await args.ack(response);
    };
    const event: ReceiverEvent = {
      body: args.body,
      ack: deferred ? async () => {} : ack,
      retryNum: args.retry_num,
      retryReason: args.retry_reason,
      customProperties: {},
    };
    try {
      await this.app?.processEvent(event);
    } catch (error) {
      this.options.logger.error(`Socket Mode event failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Events: now that listeners have stored. Others: an envelope nobody acknowledged still gets an ack,
    // so Slack shows no error to the user for what Terrain chose to ignore.
    await ack().catch((error: unknown) => this.options.logger.warn(`Socket Mode ack failed: ${String(error)}`));
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
