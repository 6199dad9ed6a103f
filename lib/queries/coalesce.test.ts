import { describe, expect, it } from 'vitest';
import { createCoalescer, type Pacing } from './coalesce';
import { manualClock } from './testing/manual-clock';

/** A steady pace: one flush per 500 ms at most, however long the stream goes on. */
const steady: Pacing = { minIntervalMs: 500, maxIntervalMs: 500, quietMs: 500 };

describe('createCoalescer', () => {
  it('flushes a lone change at once', () => {
    const clock = manualClock();
    const flushed: number[][] = [];
    const c = createCoalescer<number>((x) => flushed.push(x), steady, clock);
    c.push([1]);
    expect(flushed).toEqual([[1]]);
  });

  it('a burst of 1,000 batches over 4 s becomes at most one flush per interval, nothing lost, order kept', () => {
    const clock = manualClock();
    const flushed: number[][] = [];
    const c = createCoalescer<number>((x) => flushed.push(x), steady, clock);
    for (let i = 0; i < 1000; i++) {
      c.push([i]);
      clock.advance(4);
    }
    clock.advance(500);
    expect(flushed.length).toBeLessThanOrEqual(10);
    expect(flushed.flat()).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('the last change of a burst is flushed within one interval', () => {
    const clock = manualClock();
    const flushed: number[][] = [];
    const c = createCoalescer<number>((x) => flushed.push(x), steady, clock);
    c.push([1]);
    clock.advance(100);
    c.push([2]);
    clock.advance(399);
    expect(flushed).toEqual([[1]]);
    clock.advance(1);
    expect(flushed).toEqual([[1], [2]]);
  });

  it('cancel drops what is pending', () => {
    const clock = manualClock();
    const flushed: number[][] = [];
    const c = createCoalescer<number>((x) => flushed.push(x), steady, clock);
    c.push([1]);
    c.push([2]);
    c.cancel();
    clock.advance(1000);
    expect(flushed).toEqual([[1]]);
  });
});
