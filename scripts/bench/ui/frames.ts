/** How smooth an interaction was, from the animation frame times and long tasks the page recorded meanwhile. */

/** Headless Chromium's frame interval (60 Hz). */
const FRAME_MS = 1000 / 60;

/** Frame figures of one interaction. */
export interface FrameStats {
  frames: number;
  /**
   * Frames that took longer than 1.5 intervals of the 60 Hz frame clock (25 ms), as a share of all frames (%). A fixed
   * reference: one taken from the run's own median frame would call an interaction at a steady 30 frames a second smooth.
   */
  droppedPct: number;
  p95FrameMs: number;
  longestTaskMs: number;
  longTasks: number;
}

/** Figures of the frames at `times` (requestAnimationFrame timestamps, in order) and the long tasks that overlapped them. */
export function frameStats(times: readonly number[], tasks: ReadonlyArray<{ start: number; duration: number }>): FrameStats {
  const gaps = times.slice(1).map((x, i) => x - (times[i] as number));
  const sorted = [...gaps].sort((a, b) => a - b);
  return {
    frames: gaps.length,
    droppedPct: gaps.length ? (100 * gaps.filter((g) => g > 1.5 * FRAME_MS).length) / gaps.length : 0,
    p95FrameMs: sorted[Math.floor(0.95 * (sorted.length - 1))] ?? 0,
    longestTaskMs: Math.max(0, ...tasks.map((x) => x.duration)),
    longTasks: tasks.length,
  };
}
