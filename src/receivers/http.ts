import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type App, HTTPModuleFunctions as http, type Receiver } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { isRecord } from '../slack/requests.js';
import { createDispatcher, type Dispatch, type DispatchPolicy, type Outcome } from './dispatch.js';
import { type HealthCheck, healthHandler } from './health.js';

const MAX_SKEW_SECONDS = 5 * 60;
export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';

/**
 * Real time, like Bolt's own check (not the injected clock: this is about the request, not the domain).
 * Bolt refuses stale timestamps but not ones from the future; Slack's rule is five minutes either way,
 * so a request stamped too far ahead (a replay prepared in advance) is refused here with the same 401.
 */
export function isTimestampFresh(header: string | string[] | undefined, now: Date): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\d{1,12}$/.test(value)) return true; // Bolt's verification refuses a missing or malformed one
  return Math.abs(Math.floor(now.getTime() / 1000) - Number(value)) <= MAX_SKEW_SECONDS;
}

export interface HttpReceiverOptions {
  signingSecret: string;
  logger: Logger;
  health: HealthCheck;
  policy: DispatchPolicy;
  /** Largest request body read (Bolt's default, 4 MB). */
  bodyLimit?: number;
}

/**
 * HTTP mode: `POST /slack/events` for commands, events, interactivity and shortcuts, and `GET /healthz`.
 * Bolt's own functions buffer, verify (v0 signature, timestamp) and parse each request; what happens next
 * is Terrain's dispatch (see dispatch.ts): an event is answered once its listeners have stored it, or with
 * a 5xx that Slack redelivers; anything else as soon as it is acknowledged, or with an honest answer. Bolt
 * 5.1's HTTPReceiver answers 200 for an event whose listener failed and crashes on a signed body `null`;
 * this one does neither.
 */
export class TerrainHttpReceiver implements Receiver {
  private server: Server | undefined;
  private dispatch: Dispatch | undefined;

  constructor(private readonly options: HttpReceiverOptions) {}

  init(app: App): void {
    this.dispatch = createDispatcher((event) => app.processEvent(event), this.options.policy);
  }

  /** The request handler, exposed so that tests and other servers can mount it. */
  readonly requestListener = (req: IncomingMessage, res: ServerResponse): void => {
    this.handle(req, res).catch((error: unknown) => {
      this.options.logger.error('request handling failed', { error, stack: error instanceof Error ? error.stack : undefined });
      if (!res.headersSent) http.buildNoBodyResponse(res, 500);
      else res.end();
    });
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = pathOf(req.url);
    if (path === undefined) return http.buildNoBodyResponse(res, 400);
    if (path === HEALTH_PATH && req.method === 'GET') return healthHandler(this.options.health)(req, res);
    if (path !== EVENTS_PATH) return http.buildNoBodyResponse(res, 404);
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' });
      res.end();
      return;
    }
    const { logger } = this.options;
    if (!isTimestampFresh(req.headers['x-slack-request-timestamp'], new Date())) {
      logger.warn('request refused: timestamp more than five minutes away from now');
      return http.buildNoBodyResponse(res, 401);
    }
    let buffered: Awaited<ReturnType<typeof http.parseAndVerifyHTTPRequest>>;
    try {
      buffered = await http.parseAndVerifyHTTPRequest(
        { signingSecret: this.options.signingSecret, bodyLimit: this.options.bodyLimit ?? http.defaultBodyLimit },
        req,
        res,
      );
    } catch (error) {
      if (http.isRawBodyError(error)) {
        const tooLarge = error.type === 'entity.too.large' || error.statusCode === 413;
        logger.warn(tooLarge ? 'request refused: body too large' : 'request refused: body unreadable', { message: error.message });
        return http.buildNoBodyResponse(res, tooLarge ? 413 : 400);
      }
      logger.warn('request refused: not signed by Slack', { message: error instanceof Error ? error.message : String(error) });
      return http.buildNoBodyResponse(res, 401);
    }
    let body: unknown;
    try {
      body = http.parseHTTPRequestBody(buffered);
    } catch (error) {
      logger.warn('signed request refused: malformed body', { message: error instanceof Error ? error.message : String(error) });
      return http.buildNoBodyResponse(res, 400);
    }
    if (isRecord(body) && body.ssl_check === '1') return http.buildSSLCheckResponse(res);
    if (isRecord(body) && body.type === 'url_verification') {
      if (typeof body.challenge !== 'string') return http.buildNoBodyResponse(res, 400);
      return http.buildUrlVerificationResponse(res, body);
    }
    if (!this.dispatch) throw new Error('the receiver was not initialised with an app');
    const outcome = await this.dispatch(body, {
      retryNum: http.extractRetryNumFromHTTPRequest(req),
      retryReason: http.extractRetryReasonFromHTTPRequest(req),
    });
    writeOutcome(res, outcome);
  }

  start(port: number): Promise<Server> {
    if (this.server) return Promise.reject(new Error('the HTTP receiver is already started'));
    const server = createServer(this.requestListener);
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => {
        server.off('error', reject);
        resolve(server);
      });
    });
  }

  /** Stops taking requests; those in flight are answered first (a stop is clean). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  }
}

function pathOf(url: string | undefined): string | undefined {
  try {
    return new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    return undefined;
  }
}

function writeOutcome(res: ServerResponse, outcome: Outcome): void {
  if (res.headersSent) return;
  if (outcome.status === 200) http.buildContentResponse(res, outcome.body);
  else http.buildNoBodyResponse(res, outcome.status);
}
