import { realClock, type TimerClock } from './clock';

/**
 * Coalesces bursts into few flushes: the first item after a quiet spell is flushed at once (a
 * single kubectl change shows without delay), later ones at the pace of a {@link Pacing}, so a burst
 * of a thousand watch events costs a handful of React commits instead of one per server batch.
 */
export interface Coalescer<T> {
  push(items: readonly T[]): void;
  /** Drops what is pending (the stream closed). */
  cancel(): void;
}

/**
 * How a coalescer paces a stream. Every flush of a watch batch costs the page a React commit, so a stream that goes
 * on is flushed less and less often; its end is flushed as soon as it goes quiet, so the last change never waits
 * for a long interval.
 */
export interface Pacing {
  /** Least time between two flushes, ms (the first interval of a stream). */
  minIntervalMs: number;
  /** Each flush inside a stream doubles the interval, up to this many ms: the longest any change waits. */
  maxIntervalMs: number;
  /**
   * A stream that sends nothing for this many ms has ended: what is pending is flushed (once `minIntervalMs` has
   * passed since the last flush). A pause of `minIntervalMs` starts the next stream at the least interval again.
   */
  quietMs: number;
}

/** Creates a coalescer that calls `flush` with everything pushed since the last flush, in order, at `pacing`'s pace. */
export function createCoalescer<T>(flush: (items: T[]) => void, pacing: Pacing, clock: TimerClock = realClock): Coalescer<T> {
  const { minIntervalMs, maxIntervalMs, quietMs } = pacing;
  let pending: T[] = [];
  let timer: unknown;
  let lastFlush = -Infinity;
  let lastPush = -Infinity;
  let interval = minIntervalMs;
  const run = (): void => {
    timer = undefined;
    lastFlush = clock.now();
    const items = pending;
    pending = [];
    if (items.length > 0) flush(items);
  };
  return {
    push(items) {
      const now = clock.now();
      // A pause of the least interval ends a stream: the next one starts at the fast pace again.
      if (now - lastPush >= minIntervalMs) interval = minIntervalMs;
      lastPush = now;
      pending.push(...items);
      if (timer === undefined && now - lastFlush >= interval) {
        run();
        return;
      }
      // Inside a stream: flush when it goes quiet, or when the interval is up, never sooner than the least interval.
      const due = Math.max(lastFlush + minIntervalMs, Math.min(lastFlush + interval, now + quietMs));
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = clock.setTimeout(() => {
        interval = Math.min(interval * 2, maxIntervalMs);
        run();
      }, due - now);
    },
    cancel() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      pending = [];
    },
  };
}
