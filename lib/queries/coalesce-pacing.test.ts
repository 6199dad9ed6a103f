import { describe, expect, it } from 'vitest';
import { createCoalescer, type Pacing } from './coalesce';
import { manualClock, type ManualClock } from './testing/manual-clock';

const pacing: Pacing = { minIntervalMs: 500, maxIntervalMs: 2_000, quietMs: 250 };

/** A coalescer on a manual clock that records when each item was pushed and when it was flushed. */
function recorder(clock: ManualClock) {
  const pushedAt = new Map<number, number>();
  const flushes: Array<{ at: number; items: number[] }> = [];
  const c = createCoalescer<number>((items) => flushes.push({ at: clock.now(), items }), pacing, clock);
  let n = 0;
  return {
    flushes,
    /** Pushes one batch of `size` new items now. */
    batch(size = 1): void {
      const items = Array.from({ length: size }, () => n++);
      for (const i of items) pushedAt.set(i, clock.now());
      c.push(items);
    },
    /** How long each item waited between its push and its flush, ms. */
    waits(): number[] {
      return flushes.flatMap((f) => f.items.map((i) => f.at - (pushedAt.get(i) ?? NaN)));
    },
    cancel: () => c.cancel(),
  };
}

/** Moves the clock 1 ms at a time, so each timer fires at its own time (the manual clock fires them at the step's end). */
function tick(clock: ManualClock, ms: number): void {
  for (let i = 0; i < ms; i++) clock.advance(1);
}

/** A watch stream as the console server sends it during a bulk apply: a batch every 130 ms for `ms`. */
function stream(clock: ManualClock, r: ReturnType<typeof recorder>, ms: number): void {
  for (let t = 0; t < ms; t += 130) {
    r.batch(16);
    tick(clock, 130);
  }
}

describe('createCoalescer with adaptive pacing', () => {
  it('flushes a lone change at once', () => {
    const clock = manualClock();
    const r = recorder(clock);
    tick(clock, 10_000);
    r.batch();
    expect(r.flushes).toEqual([{ at: 10_000, items: [0] }]);
  });

  it('a stream of 9 s is flushed a handful of times, nothing lost, order kept, no change waiting over the longest interval', () => {
    const clock = manualClock();
    const r = recorder(clock);
    stream(clock, r, 9_000);
    tick(clock, 2_000);
    expect(r.flushes.length).toBeLessThanOrEqual(8);
    expect(r.flushes.flatMap((f) => f.items)).toEqual(Array.from({ length: r.waits().length }, (_, i) => i));
    expect(Math.max(...r.waits())).toBeLessThanOrEqual(pacing.maxIntervalMs);
  });

  it('the interval grows while the stream goes on: 500 ms, then 1 s, then 2 s at most', () => {
    const clock = manualClock();
    const r = recorder(clock);
    stream(clock, r, 9_000);
    const gaps = r.flushes.slice(1).map((f, i) => f.at - (r.flushes[i]?.at ?? 0));
    expect(gaps.slice(0, 3)).toEqual([500, 1_000, 2_000]);
    for (const g of gaps) expect(g).toBeLessThanOrEqual(pacing.maxIntervalMs);
  });

  it('the end of a stream is flushed once it has been quiet for quietMs, not when the long interval is up', () => {
    const clock = manualClock();
    const r = recorder(clock);
    stream(clock, r, 4_000);
    const lastPush = clock.now() - 130;
    tick(clock, pacing.maxIntervalMs);
    const last = r.flushes.at(-1);
    expect(last?.at).toBe(lastPush + pacing.quietMs);
  });

  it('never flushes twice within the least interval, even when a stream pauses briefly again and again', () => {
    const clock = manualClock();
    const r = recorder(clock);
    for (let i = 0; i < 40; i++) {
      r.batch();
      tick(clock, 300); // longer than quietMs, shorter than minIntervalMs
    }
    tick(clock, 1_000);
    const gaps = r.flushes.slice(1).map((f, i) => f.at - (r.flushes[i]?.at ?? 0));
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(pacing.minIntervalMs);
    // A trickle is never held for the long interval: each change shows within the least interval plus the quiet.
    expect(Math.max(...r.waits())).toBeLessThanOrEqual(pacing.minIntervalMs + pacing.quietMs);
  });

  it('after a pause, the next change shows at once and the pace starts again at the least interval', () => {
    const clock = manualClock();
    const r = recorder(clock);
    stream(clock, r, 6_000);
    tick(clock, 3_000);
    const before = r.flushes.length;
    r.batch();
    expect(r.flushes.length).toBe(before + 1);
    tick(clock, 100);
    r.batch();
    tick(clock, pacing.minIntervalMs);
    expect(r.flushes.length).toBe(before + 2);
    expect(r.flushes.at(-1)?.at).toBe((r.flushes.at(-2)?.at ?? 0) + pacing.minIntervalMs);
  });

  it('cancel drops what is pending and its timer', () => {
    const clock = manualClock();
    const r = recorder(clock);
    r.batch();
    tick(clock, 100);
    r.batch();
    r.cancel();
    expect(clock.pending()).toBe(0);
    tick(clock, 5_000);
    expect(r.flushes.flatMap((f) => f.items)).toEqual([0]);
  });
});
