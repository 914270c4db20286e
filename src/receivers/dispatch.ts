import type { ReceiverEvent } from '@slack/bolt';
import type { FailureAnswer } from '../blocks/failure.js';
import { isTerrainError, type TerrainErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import { checkRequestBody, type Json, type RequestKind, summarizeRequest } from '../slack/requests.js';

/**
 * Slack gives up on an answer after 3 seconds. A request still running after this long is answered anyway,
 * honestly, leaving time for the answer to travel.
 */
export const ACK_BUDGET_MS = 2500;

/** How one request is answered, whatever carried it (HTTP or Socket Mode). */
export type Outcome =
  /** Acknowledged: HTTP 200 with this body, or a Socket Mode ack with this payload. */
  | { status: 200; body?: Record<string, unknown> | string | undefined }
  /** Refused as unreadable: the sender's fault (HTTP 400; Socket Mode acknowledges it, so Slack does not send it again). */
  | { status: 400; reason: string }
  /** An event that was not stored: HTTP 503 or 500, not acknowledged in Socket Mode, so that Slack delivers it again. */
  | { status: 500 | 503; code: TerrainErrorCode };

export interface DispatchPolicy {
  logger: Logger;
  /** The answer to a request whose listener failed, or did not acknowledge in time, in the person's language. */
  failureAnswer(kind: RequestKind, body: Json, code: TerrainErrorCode, msLeft: number): Promise<FailureAnswer>;
  /** Sends a failure answer's private message, after the acknowledgement. */
  followUp(message: NonNullable<FailureAnswer['followUp']>): void;
  budgetMs?: number;
}

export type Dispatch = (body: unknown, meta?: { retryNum?: number | undefined; retryReason?: string | undefined }) => Promise<Outcome>;

type First = { by: 'ack'; body: unknown } | { by: 'done' } | { by: 'error'; error: unknown } | { by: 'timeout' };

/**
 * The one path from a receiver to Bolt, shared by the HTTP and Socket Mode receivers, so that
 * "acknowledged" always means "stored":
 * - a body Bolt cannot digest is refused (400) before Bolt reads it;
 * - an event is answered once its listeners have finished (200), or with 503 (storage unavailable) or 500
 *   when one failed, or 503 when they are still running after the budget: Slack delivers it again;
 * - a command, action, view or shortcut is answered as soon as its listener calls `ack()` (listeners ack
 *   right after storing); if the listener fails first, or nothing acknowledges within the budget, the
 *   policy's answer goes instead (a later `ack()` is then ignored);
 * - an error thrown by Bolt itself, before any listener (it never reaches `app.error`), is the sender's: 400.
 */
export function createDispatcher(processEvent: (event: ReceiverEvent) => Promise<void>, policy: DispatchPolicy): Dispatch {
  const budgetMs = policy.budgetMs ?? ACK_BUDGET_MS;
  const { logger } = policy;

  return async (raw, meta = {}) => {
    const started = Date.now();
    const checked = checkRequestBody(raw);
    if (!checked.ok) {
      logger.warn('signed request refused: Bolt cannot read it', { reason: checked.reason, ...summarizeRequest(raw) });
      return { status: 400, reason: checked.reason };
    }
    if (checked.kind === 'notice') return { status: 200 };
    const { kind, body } = checked;

    let answered = false;
    let acknowledge: (body: unknown) => void = () => {};
    const acked = new Promise<First>((resolve) => {
      acknowledge = (response) => resolve({ by: 'ack', body: response });
    });
    const ack = async (response?: unknown): Promise<void> => {
      // Bolt acknowledges events before their listeners run: the answer waits for the listeners instead.
      if (kind === 'event') return;
      if (answered) {
        logger.warn('acknowledged after Terrain had answered: ignored', { ...summarizeRequest(body) });
        return;
      }
      acknowledge(response);
    };
    const processing = processEvent({
      body,
      ack,
      ...(meta.retryNum !== undefined ? { retryNum: meta.retryNum } : {}),
      ...(meta.retryReason !== undefined ? { retryReason: meta.retryReason } : {}),
      customProperties: {},
    }).then(
      (): First => ({ by: 'done' }),
      (error: unknown): First => ({ by: 'error', error }),
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<First>((resolve) => {
      timer = setTimeout(() => resolve({ by: 'timeout' }), Math.max(0, budgetMs - (Date.now() - started)));
    });
    const first = await Promise.race([acked, processing, timeout]);
    answered = true;
    clearTimeout(timer);

    if (first.by === 'ack') return { status: 200, body: ackBody(first.body) };
    // Listeners done and nobody acknowledged (an old button, a command no listener takes): an empty 200,
    // so that Slack shows no error for what Terrain chose to ignore.
    if (first.by === 'done') return { status: 200 };
    if (first.by === 'error' && !isTerrainError(first.error)) {
      // Not through app.error: Bolt itself could not process the request before any listener ran.
      logger.warn('signed request refused: Bolt could not process it', { ...summarizeRequest(body), error: first.error });
      return { status: 400, reason: first.error instanceof Error ? first.error.message : 'Bolt could not process it' };
    }
    const code: TerrainErrorCode = first.by === 'error' && isTerrainError(first.error) ? first.error.code : 'not_acknowledged';
    if (first.by === 'timeout') logger.warn(`no answer within ${budgetMs} ms: answering anyway`, { code, ...summarizeRequest(body) });
    if (kind === 'event') {
      if (code === 'invalid_payload') return { status: 400, reason: 'a listener could not read the event' };
      return { status: code === 'storage_unavailable' || code === 'not_acknowledged' ? 503 : 500, code };
    }
    const answer = await policy.failureAnswer(kind, body, code, budgetMs - (Date.now() - started));
    if (answer.followUp) policy.followUp(answer.followUp);
    return { status: 200, body: answer.ack };
  };
}

/** What a listener passed to `ack()`: an object or text goes back to Slack; anything else is an empty 200. */
function ackBody(response: unknown): Record<string, unknown> | string | undefined {
  if (typeof response === 'string') return response === '' ? undefined : response;
  return typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : undefined;
}
