import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Logger as BoltLogger, HTTPReceiver } from '@slack/bolt';
import { type HealthCheck, healthHandler } from './health.js';

const MAX_SKEW_SECONDS = 5 * 60;

/**
 * Real time, like Bolt's own check (not the injected clock: this is about the request, not the domain).
 * Bolt refuses stale timestamps but not ones from the future; Slack's rule is five minutes either way,
 * so a request stamped too far ahead (a replay prepared in advance) is refused here with the same 401.
 */
export function isTimestampFresh(header: string | string[] | undefined, now: Date): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\d{1,12}$/.test(value)) return true; // Bolt rejects a missing or malformed one
  return Math.abs(Math.floor(now.getTime() / 1000) - Number(value)) <= MAX_SKEW_SECONDS;
}

/**
 * HTTP mode: Bolt's receiver on `POST /slack/events` plus `GET /healthz`. With processBeforeResponse,
 * Slack's acknowledgement leaves only once the listener has stored what it must, so "acknowledged"
 * always means "stored"; listeners hand their Slack calls to the background to stay well within 3 s.
 */
export function createHttpReceiver(options: { signingSecret: string; logger: BoltLogger; health: HealthCheck }): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: ['/slack/events'],
    processBeforeResponse: true,
    // Listeners acknowledge within milliseconds; a signed request nobody handles (an unknown payload
    // type) is answered well before Slack's 3 s instead of at Bolt's default 3.001 s.
    unhandledRequestTimeoutMillis: 1500,
    logger: options.logger,
    customRoutes: [{ path: '/healthz', method: ['GET'], handler: healthHandler(options.health) }],
    // A correctly signed but malformed request is the sender's fault: 400, never a 500.
    dispatchErrorHandler: async ({ error, logger, response }) => {
      logger.warn(`request could not be dispatched: ${error.message}`);
      if (!response.headersSent) {
        response.writeHead(error.name === 'HTTPReceiverDeferredRequestError' ? 404 : 400);
        response.end();
      }
    },
    processEventErrorHandler: async ({ error, logger, response, storedResponse }) => {
      logger.error(`listener failed: ${error.message}`);
      if (!response.headersSent) {
        // What was stored is acknowledged; anything else is answered without a 5xx that Slack would retry.
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(storedResponse === undefined || storedResponse === '' ? '' : JSON.stringify(storedResponse));
      }
      return false;
    },
  });
  const listener = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'POST' && !isTimestampFresh(req.headers['x-slack-request-timestamp'], new Date())) {
      options.logger.warn('request refused: timestamp more than five minutes away from now');
      res.writeHead(401);
      res.end();
      return;
    }
    listener(req, res);
  };
  return receiver;
}
