import type { WebClient } from '@slack/web-api';
import type { Kysely, Transaction } from 'kysely';
import { claim, getMessage, listDue, markFailed, markSent, renewLeases, reschedule } from '../../db/outbox.js';
import type { Database, OutboxMessage } from '../../db/schema.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { backoffMs, classifyFailure } from './failures.js';

export interface SendContext {
  readonly message: OutboxMessage;
  readonly payload: Record<string, unknown>;
  /** A previous attempt may have reached Slack: look for the message before sending it again. */
  readonly maybeSent: boolean;
  readonly client: WebClient;
}

export interface Sent {
  /** What to keep of Slack's answer (channel, ts). */
  result?: unknown;
  /** What follows from the send, stored in the same transaction that marks it sent (a card's ts, the next message). */
  after?: (trx: Transaction<Database>) => Promise<void>;
}

/** Sends one kind of message. Throws on failure; the dispatcher decides what the failure means. */
export interface OutboxHandler {
  send(ctx: SendContext): Promise<Sent>;
  /** A permanent failure, in the transaction that records it: whoever can act is told (queued, like any message). */
  failed?(trx: Transaction<Database>, ctx: SendContext, code: string): Promise<void>;
}

/** What listeners and services see: a message was just queued, send it now rather than at the next poll. */
export interface Outbox {
  kick(): void;
}

export interface Dispatcher extends Outbox {
  /** Starts polling (for what a crash or another replica left) and sending. */
  start(client: WebClient): void;
  /** Stops taking new messages and waits for the ones being sent. */
  stop(): Promise<void>;
  /** Sends everything due now, and what that queues in turn; resolves when nothing due is left. */
  drain(): Promise<void>;
  /** One attempt at one message, now, if it is pending and nobody holds it (the CLI's `outbox --retry`). */
  sendNow(id: number, client: WebClient): Promise<OutboxMessage | undefined>;
}

export interface DispatcherOptions {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  /** Names this sender in leases. */
  owner: string;
  handlers: Readonly<Record<string, OutboxHandler>>;
  /** How long a sender holds a message without renewing (renewed every third of it while alive). */
  leaseMs?: number;
  /** How often to look for due messages that nobody kicked (left by a crash, retries, other replicas). */
  pollMs?: number;
  /** Messages sent at once by this process. */
  concurrency?: number;
}

export const OUTBOX_LEASE_MS = 15_000;
export const OUTBOX_POLL_MS = 2_000;

/**
 * Sends the outbox: right after a kick (a card within milliseconds of its acknowledgement), and on a
 * poll for what a crash, a back-off or another replica left. Each message is claimed in the database
 * with a lease renewed while this process is alive: a crash is recovered by any sender within a lease
 * (15 s) of its last renewal, and a slow or rate-limited send never lets a second sender in. Safe with
 * any number of replicas: a claim is a conditional update that one sender wins.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, clock, logger, owner, handlers } = options;
  const leaseMs = options.leaseMs ?? OUTBOX_LEASE_MS;
  const pollMs = options.pollMs ?? OUTBOX_POLL_MS;
  const concurrency = options.concurrency ?? 4;

  let client: WebClient | undefined;
  let stopped = false;
  let pumping: Promise<void> | undefined;
  let again = false;
  let kicked = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let renewTimer: NodeJS.Timeout | undefined;
  let storageDown = false;
  const inFlight = new Map<number, Promise<void>>();

  const storageFailed = (what: string, error: unknown) => {
    // One line per outage, not one per poll.
    if (!storageDown) logger.error(`outbox: ${what} failed; will try again`, { error });
    storageDown = true;
  };

  async function settle(message: OutboxMessage, ctx: SendContext, error: unknown): Promise<void> {
    const failure = classifyFailure(error);
    const now = clock.now();
    const log = { teamId: message.team_id, outboxId: message.id, kind: message.kind, key: message.key, attempts: message.attempts };
    if (failure.type === 'permanent') {
      logger.warn('outbox: Slack refused the message; not retrying', { ...log, code: failure.code });
      await db.transaction().execute(async (trx) => {
        if (await markFailed(trx, message.id, owner, failure.code, now)) await handlers[message.kind]?.failed?.(trx, ctx, failure.code);
      });
      return;
    }
    const waitMs = failure.type === 'rate_limited' ? failure.retryAfterMs : backoffMs(message.attempts);
    const uncertain = failure.type === 'temporary' && failure.uncertain;
    logger.warn('outbox: send failed; will try again', { ...log, code: failure.code, retryInMs: waitMs, uncertain, error });
    await reschedule(db, message.id, owner, new Date(now.getTime() + waitMs), failure.code, uncertain, now);
  }

  async function attempt(seen: OutboxMessage, c: WebClient): Promise<void> {
    const message = await claim(db, seen, owner, clock.now(), leaseMs);
    if (!message) return; // another sender took it
    const handler = handlers[message.kind];
    let payload: Record<string, unknown> = {};
    try {
      payload = JSON.parse(message.payload) as Record<string, unknown>;
    } catch {
      // kept as {}; the handler refuses it below
    }
    const ctx: SendContext = { message, payload, maybeSent: seen.uncertain === 1, client: c };
    try {
      if (!handler) throw new Error(`no handler for outbox kind ${message.kind}`);
      const sent = await handler.send(ctx);
      await db.transaction().execute(async (trx) => {
        if (await markSent(trx, message.id, owner, sent.result, clock.now())) await sent.after?.(trx);
      });
    } catch (error) {
      try {
        await settle(message, ctx, error);
      } catch (settleError) {
        // The lease runs out and the message is taken again, marked uncertain: looked for before resending.
        storageFailed('recording an outcome', settleError);
      }
    }
  }

  async function pumpOnce(c: WebClient): Promise<boolean> {
    const free = concurrency - inFlight.size;
    if (free <= 0) return false;
    let due: OutboxMessage[];
    try {
      due = (await listDue(db, clock.now(), free + inFlight.size)).filter((m) => !inFlight.has(m.id)).slice(0, free);
      if (storageDown) logger.info('outbox: the database answers again');
      storageDown = false;
    } catch (error) {
      storageFailed('reading the outbox', error);
      return false;
    }
    for (const message of due) {
      const p = attempt(message, c)
        .catch((error: unknown) => storageFailed('claiming a message', error))
        .finally(() => {
          inFlight.delete(message.id);
          // A slot is free: more may be due (and a sent message may have queued the next one).
          kick();
        });
      inFlight.set(message.id, p);
    }
    return due.length > 0;
  }

  function pump(): Promise<void> {
    if (pumping) {
      again = true;
      return pumping;
    }
    const c = client;
    if (!c || stopped) return Promise.resolve();
    pumping = (async () => {
      do {
        again = false;
        await pumpOnce(c);
      } while (again && !stopped);
    })().finally(() => {
      pumping = undefined;
    });
    return pumping;
  }

  function kick(): void {
    if (kicked || stopped || !client) return;
    kicked = true;
    setImmediate(() => {
      kicked = false;
      void pump();
    });
  }

  async function renew(): Promise<void> {
    if (inFlight.size === 0) return;
    try {
      await renewLeases(db, owner, [...inFlight.keys()], clock.now(), leaseMs);
    } catch (error) {
      storageFailed('renewing leases', error);
    }
  }

  return {
    kick,
    start(c) {
      client = c;
      stopped = false;
      const poll = () => {
        pollTimer = setTimeout(() => {
          void pump().finally(() => {
            if (!stopped) poll();
          });
        }, pollMs);
        pollTimer.unref();
      };
      poll();
      renewTimer = setInterval(() => void renew(), Math.max(100, Math.floor(leaseMs / 3)));
      renewTimer.unref();
      kick();
    },
    async stop() {
      stopped = true;
      clearTimeout(pollTimer);
      await pumping;
      await Promise.allSettled([...inFlight.values()]);
      clearInterval(renewTimer);
    },
    async sendNow(id, c) {
      const seen = await getMessage(db, id);
      if (seen?.state !== 'pending') return seen;
      await attempt(seen, c);
      return getMessage(db, id);
    },
    async drain() {
      for (;;) {
        await pump();
        if (inFlight.size > 0) {
          await Promise.allSettled([...inFlight.values()]);
          continue;
        }
        // One more look: what the last sends queued, or what became due meanwhile.
        if (!client || stopped) return;
        const due = await listDue(db, clock.now(), 1).catch(() => []);
        if (due.length === 0) return;
      }
    },
  };
}
