import { realClock, type TimerClock } from './clock';

/**
 * Coalesces bursts into few flushes: the first item after a quiet spell is flushed at once (a
 * single kubectl change shows without delay), later ones at most every `intervalMs`, so a burst of
 * a thousand watch events costs a handful of React commits instead of one per server batch.
 */
export interface Coalescer<T> {
  push(items: readonly T[]): void;
  /** Drops what is pending (the stream closed). */
  cancel(): void;
}

/** Creates a coalescer that calls `flush` with everything pushed since the last flush, in order. */
export function createCoalescer<T>(flush: (items: T[]) => void, intervalMs: number, clock: TimerClock = realClock): Coalescer<T> {
  let pending: T[] = [];
  let timer: unknown;
  let last = -Infinity;
  const run = () => {
    timer = undefined;
    last = clock.now();
    const items = pending;
    pending = [];
    if (items.length > 0) flush(items);
  };
  return {
    push(items) {
      pending.push(...items);
      if (timer !== undefined) return;
      const wait = last + intervalMs - clock.now();
      if (wait <= 0) run();
      else timer = clock.setTimeout(run, wait);
    },
    cancel() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      pending = [];
    },
  };
}
