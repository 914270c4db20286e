import type { WebClient } from '@slack/web-api';
import cron, { type ScheduledTask } from 'node-cron';
import { pruneSent } from '../db/outbox.js';
import type { Deps } from '../src/deps.js';
import { runDueDigests } from '../src/digest/service.js';
import { runDueSyncs } from '../src/services/usergroups.js';

const DAY_MS = 86_400_000;
/** Sent outbox messages are kept a month (for operators' questions), then forgotten, once a day. */
export const OUTBOX_KEEP_MS = 30 * DAY_MS;

export interface Scheduler {
  /**
   * What a tick does: post due digests (catching up a missed one); once a day (the first tick of the day,
   * so also at start), sync sides from the workspaces' user groups and forget old sent messages.
   */
  tick(): Promise<void>;
  /** Runs a first tick (the catch-up after a restart) and starts the clock. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The jobs that run by the clock. node-cron fires the digest on DIGEST_CRON in DIGEST_TIMEZONE, and a
 * minute tick covers what one schedule cannot: workspaces with their own schedule, digests missed while
 * the bot was down, the daily sync of sides from user groups. (Cards and messages left unsent by a crash
 * are the outbox's: src/outbox/.) The jobs themselves are services (src/digest/, src/services/); each run
 * is claimed in the database, so ticks may overlap, and replicas may all run them: work is done once.
 */
export function createScheduler(deps: Deps, client: WebClient): Scheduler {
  const tasks: ScheduledTask[] = [];
  let chain: Promise<void> = Promise.resolve();
  let prunedAt = 0;

  const work = async () => {
    try {
      for (const outcome of await runDueDigests(deps, client)) {
        if (outcome.status === 'posted') deps.logger.info('weekly digest posted', { channel: outcome.channel, ts: outcome.ts });
      }
    } catch (error) {
      deps.logger.error('digest tick failed', { error });
    }
    try {
      await runDueSyncs(deps, client);
    } catch (error) {
      deps.logger.error('user group sync tick failed', { error });
    }
    const now = deps.clock.now();
    if (now.getTime() - prunedAt >= DAY_MS) {
      try {
        const pruned = await pruneSent(deps.db, new Date(now.getTime() - OUTBOX_KEEP_MS));
        prunedAt = now.getTime();
        if (pruned > 0) deps.logger.info('forgot old sent outbox messages', { count: pruned });
      } catch (error) {
        deps.logger.error('outbox pruning failed', { error });
      }
    }
  };
  // One tick at a time in this process (the cron and the minute tick may coincide).
  const tick = () => {
    chain = chain.then(work);
    return chain;
  };

  return {
    tick,
    async start() {
      await tick();
      tasks.push(
        cron.schedule(deps.config.digestCron, tick, { name: 'digest', timezone: deps.config.digestTimezone, noOverlap: true }),
        cron.schedule('* * * * *', tick, { name: 'minute-tick', noOverlap: true }),
      );
    },
    async stop() {
      await Promise.all(tasks.map((t) => t.stop()));
      await chain;
    },
  };
}
