import type { WebClient } from '@slack/web-api';
import cron, { type ScheduledTask } from 'node-cron';
import type { Deps } from '../src/deps.js';
import { recoverCards } from '../src/services/cards.js';

export interface Scheduler {
  /** Runs the start-up work (catch-up, recovery) and resolves when it is done. */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * The jobs that run by the clock. Each one claims its work in the database, so several replicas can
 * all run the scheduler: only one of them does each piece of work.
 */
export function startScheduler(deps: Deps, client: WebClient): Scheduler {
  const tasks: ScheduledTask[] = [];
  const recover = () =>
    recoverCards(deps, client)
      .then((n) => {
        if (n > 0) deps.logger.info('posted cards left unposted', { count: n });
      })
      .catch((error: unknown) => deps.logger.error('card recovery failed', { error }));

  // Cards left unposted by a crash or a Slack outage are retried every minute.
  tasks.push(cron.schedule('* * * * *', recover, { name: 'card-recovery', noOverlap: true }));

  return {
    ready: recover(),
    async stop() {
      await Promise.all(tasks.map((t) => t.stop()));
    },
  };
}
