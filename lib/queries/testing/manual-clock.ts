import type { TimerClock } from '../clock';

/** A clock for tests: time moves only when the test advances it, and the timers due then fire. */
export interface ManualClock extends TimerClock {
  advance(ms: number): void;
  /** Timers set and not yet fired or cleared. */
  pending(): number;
}

/** Creates a {@link ManualClock} starting at 0 ms. */
export function manualClock(): ManualClock {
  let t = 0;
  let timers: Array<{ at: number; fn: () => void }> = [];
  return {
    now: () => t,
    setTimeout: (fn, ms) => {
      const timer = { at: t + ms, fn };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (h) => {
      timers = timers.filter((x) => x !== h);
    },
    advance(ms) {
      t += ms;
      const due = timers.filter((x) => x.at <= t);
      timers = timers.filter((x) => x.at > t);
      for (const x of due) x.fn();
    },
    pending: () => timers.length,
  };
}
