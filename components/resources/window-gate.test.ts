import { describe, expect, it } from 'vitest';
import { FLICK_ROWS_PER_MOVE, FLICK_ROWS_PER_MS, MAX_WAIT_MS, SETTLE_MS, WindowGate, windowsFor } from './window-gate';
import { manualClock } from '@/lib/queries/testing/manual-clock';

/** A list scrolled `rowsPerFrame` rows every 16 ms, from row 0 for `frames` frames (a 17-row screen). */
function scroll(gate: WindowGate, advance: (ms: number) => void, rowsPerFrame: number, frames: number, from = 0) {
  for (let f = 1; f <= frames; f++) {
    advance(16);
    const first = from + f * rowsPerFrame;
    gate.visible(first, first + 17);
  }
}

/** A gate on a manual clock, with what it applied and the flick changes it reported. */
function gateUnderTest() {
  const clock = manualClock();
  const applied: string[] = [];
  const flicks: boolean[] = [];
  const gate = new WindowGate(
    (w) => applied.push(w),
    clock,
    (f) => flicks.push(f),
  );
  return { clock, advance: clock.advance, applied, flicks, gate };
}

describe('windowsFor', () => {
  it('names the windows of the rows in view plus those just behind and further ahead', () => {
    expect(windowsFor(0, 16)).toBe('0');
    expect(windowsFor(50, 66)).toBe('0,1');
    expect(windowsFor(130, 146)).toBe('1,2');
    expect(windowsFor(9_980, 9_999)).toBe('99,100');
  });
});

describe('WindowGate', () => {
  it('fetches at once while the list scrolls at reading speed', () => {
    const { advance, applied, gate } = gateUnderTest();
    // One row per frame is ~0.06 rows/ms: well under a flick.
    expect(1 / 16).toBeLessThan(FLICK_ROWS_PER_MS);
    scroll(gate, advance, 1, 120);
    expect(applied).toHaveLength(120);
    expect(applied.at(-1)).toBe(windowsFor(120, 137));
  });

  it('fetches nothing a flick passes, then the rows it stopped on once it settles', () => {
    const { advance, applied, gate } = gateUnderTest();
    gate.visible(0, 17);
    applied.length = 0;
    advance(1_000);
    // A screenful (17 rows) per 16 ms frame for 20 frames: 320 ms, under the longest wait between fetches.
    scroll(gate, advance, 17, 20);
    // The first move after a rest is taken as a jump; the flick's later frames are held back.
    expect(applied).toEqual([windowsFor(17, 34)]);
    advance(SETTLE_MS - 1);
    expect(applied).toHaveLength(1);
    advance(1);
    expect(applied).toEqual([windowsFor(17, 34), windowsFor(340, 357)]);
  });

  it('still fetches the rows in view every MAX_WAIT_MS during a long flick', () => {
    const { advance, applied, gate } = gateUnderTest();
    gate.visible(0, 17);
    advance(1_000);
    scroll(gate, advance, 17, 100); // 1.6 s of flicking
    const during = applied.length - 1;
    expect(during).toBeGreaterThanOrEqual(Math.floor(1_600 / MAX_WAIT_MS) - 1);
    expect(during).toBeLessThanOrEqual(Math.ceil(1_600 / MAX_WAIT_MS) + 1);
    // Far fewer than the frames it moved.
    expect(during).toBeLessThan(10);
  });

  it('fetches a jump (End, a click on the track) at once', () => {
    const { advance, applied, gate } = gateUnderTest();
    gate.visible(0, 17);
    advance(2_000);
    gate.visible(9_983, 9_999);
    expect(applied.at(-1)).toBe(windowsFor(9_983, 9_999));
  });

  it('drops a pending fetch when disposed', () => {
    const { clock, advance, applied, gate } = gateUnderTest();
    const { pending } = clock;
    gate.visible(0, 17);
    advance(1_000);
    scroll(gate, advance, 17, 5);
    expect(pending()).toBe(1);
    gate.dispose();
    expect(pending()).toBe(0);
    const before = applied.length;
    advance(SETTLE_MS * 2);
    expect(applied).toHaveLength(before);
  });
});

describe('WindowGate on a slow machine', () => {
  it('takes a screenful per frame for a flick even when frames come every 50 ms', () => {
    const { advance, applied, gate } = gateUnderTest();
    gate.visible(0, 17);
    advance(1_000);
    gate.visible(12, 29);
    applied.length = 0;
    // 17 rows per 50 ms is 0.34 rows/ms; 12 rows per 50 ms would be under the speed threshold, not under the move one.
    for (let f = 2; f <= 6; f++) {
      advance(50);
      gate.visible(f * 12, f * 12 + 17);
    }
    expect(12 / 50).toBeLessThan(FLICK_ROWS_PER_MS);
    expect(12).toBeGreaterThanOrEqual(FLICK_ROWS_PER_MOVE);
    expect(applied).toEqual([]);
    advance(SETTLE_MS);
    expect(applied).toEqual([windowsFor(72, 89)]);
  });

  it('fetches at once a slow scroll of a few rows per frame', () => {
    const { advance, applied, gate } = gateUnderTest();
    gate.visible(0, 17);
    for (let f = 1; f <= 10; f++) {
      advance(50);
      gate.visible(f * 3, f * 3 + 17);
    }
    expect(applied).toHaveLength(11);
  });
});

describe('WindowGate flick state', () => {
  it('says when a flick starts and when it settles, once each', () => {
    const { clock, flicks, gate } = gateUnderTest();
    gate.visible(0, 17);
    clock.advance(16);
    gate.visible(17, 34);
    expect(flicks).toEqual([true]);
    scroll(gate, clock.advance, 17, 40, 17);
    expect(flicks).toEqual([true]);
    clock.advance(SETTLE_MS);
    expect(flicks).toEqual([true, false]);
  });

  it('settles a flick that stops right after a fetch made during it', () => {
    const { clock, applied, flicks, gate } = gateUnderTest();
    gate.visible(0, 17);
    clock.advance(1_000);
    // Long enough for a fetch during the flick (MAX_WAIT_MS), stopping on the frame of that fetch.
    const frames = Math.ceil(MAX_WAIT_MS / 16) + 1;
    scroll(gate, clock.advance, 17, frames);
    clock.advance(SETTLE_MS);
    expect(flicks).toEqual([true, false]);
    expect(applied.at(-1)).toBe(windowsFor(17 * frames, 17 * frames + 17));
  });

  it('ends a flick at once when the scroll slows to reading speed', () => {
    const { clock, flicks, gate } = gateUnderTest();
    gate.visible(0, 17);
    scroll(gate, clock.advance, 17, 5);
    scroll(gate, clock.advance, 1, 1, 85);
    expect(flicks).toEqual([true, false]);
  });
});
