import { LIST_WINDOW_ROWS } from '@/lib/model/list-view';
import { realClock, type TimerClock } from '@/lib/queries/clock';

/** Rows fetched beyond the visible ones: ahead of the scroll direction more than behind it. */
const behind = 20;
const ahead = 60;

/** The windows that hold rows first - behind … last + ahead, as a stable string (a state change only when it differs). */
export function windowsFor(first: number, last: number): string {
  const from = Math.floor(Math.max(0, first - behind) / LIST_WINDOW_ROWS);
  const to = Math.floor((last + ahead) / LIST_WINDOW_ROWS);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i).join(',');
}

/**
 * Scroll speed, in rows per millisecond, from which the rows passing by are not fetched: about 8 screens a second,
 * far above reading speed (a wheel notch moves ~3 rows), reached by a flick or a dragged scrollbar thumb.
 */
export const FLICK_ROWS_PER_MS = 0.3;
/**
 * Rows moved from one frame to the next from which the scroll is a flick whatever the frame rate: half a screen.
 * On a busy machine frames come slower, and speed alone would take a flick for reading.
 */
export const FLICK_ROWS_PER_MOVE = 8;
/** Quiet time after the last move of a flick before the rows it stopped on are fetched. */
export const SETTLE_MS = 120;
/** During a long flick, the rows in view are still fetched this often, so a slow drag of the thumb fills in. */
export const MAX_WAIT_MS = 400;

/**
 * Decides which windows of rows a scrolling list asks for, and when the list is flicking. At reading speed, the
 * windows around the rows in view at once. During a flick, none of the windows it passes (fetching them would start
 * hundreds of requests whose rows are never seen, and each request start costs the main thread time a frame needs):
 * they are fetched when the scroll settles, or every {@link MAX_WAIT_MS} while it goes on. `onFlick` says when a
 * flick starts and settles, so the table can draw light rows meanwhile.
 */
export class WindowGate {
  private last: { first: number; at: number } | undefined;
  private appliedAt = -Infinity;
  private pending: { first: number; last: number } | undefined;
  private timer: unknown;
  private flicking = false;

  constructor(
    private readonly apply: (windows: string) => void,
    private readonly clock: TimerClock = realClock,
    private readonly onFlick: (flicking: boolean) => void = () => undefined,
  ) {}

  /** The rows in view (overscan included) changed. */
  visible(first: number, last: number): void {
    const at = this.clock.now();
    const prev = this.last;
    this.last = { first, at };
    // A move long after the previous one is a jump (Home, End, a click on the track), not a flick: fetch at once.
    const moving = prev !== undefined && at > prev.at && at - prev.at < SETTLE_MS;
    const moved = moving ? Math.abs(first - prev.first) : 0;
    const flick = moving && (moved >= FLICK_ROWS_PER_MOVE || moved / (at - prev.at) >= FLICK_ROWS_PER_MS);
    if (!flick) {
      this.cancel();
      this.setFlicking(false);
      this.flush(first, last);
      return;
    }
    this.setFlicking(true);
    this.pending = { first, last };
    if (at - this.appliedAt >= MAX_WAIT_MS) this.flush(first, last);
    // Settles when no move came for SETTLE_MS: then the rows it stopped on are fetched.
    this.cancel();
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.setFlicking(false);
      const p = this.pending;
      if (p) this.flush(p.first, p.last);
    }, SETTLE_MS);
  }

  /** Stops a pending fetch (the list unmounted). */
  dispose(): void {
    this.cancel();
    this.pending = undefined;
  }

  private setFlicking(flicking: boolean): void {
    if (flicking === this.flicking) return;
    this.flicking = flicking;
    this.onFlick(flicking);
  }

  private flush(first: number, last: number): void {
    this.appliedAt = this.clock.now();
    this.apply(windowsFor(first, last));
  }

  private cancel(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
