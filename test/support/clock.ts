import type { Clock } from '../../src/clock.js';

/** A clock that tests set and move; sleeping still takes real time (Retry-After waits are real). */
export interface ManualClock extends Clock {
  set(at: string | Date): void;
  advance(ms: number): void;
}

export function manualClock(start: string | Date): ManualClock {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    set(at) {
      now = new Date(at).getTime();
    },
    advance(ms) {
      now += ms;
    },
  };
}
