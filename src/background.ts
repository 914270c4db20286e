import type { Logger } from './logger.js';

/**
 * Work that talks to Slack after the acknowledgement. Each task is tracked so that a clean shutdown
 * waits for it, and its failure is logged with context instead of becoming an unhandled rejection.
 */
export interface Background {
  run(name: string, context: Record<string, unknown>, task: () => Promise<void>): void;
  /** Resolves when every task started so far (and any they start) has finished. */
  drain(): Promise<void>;
  readonly pending: number;
}

export function createBackground(logger: Logger): Background {
  const running = new Set<Promise<void>>();
  return {
    run(name, context, task) {
      const p = (async () => {
        try {
          await task();
        } catch (error) {
          logger.error(`${name} failed`, { ...context, error });
        }
      })();
      running.add(p);
      void p.finally(() => running.delete(p));
    },
    async drain() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    get pending() {
      return running.size;
    },
  };
}
