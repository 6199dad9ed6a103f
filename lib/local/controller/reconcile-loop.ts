/**
 * Debounced, strictly serial reconciliation: bursts of watch events collapse into one pass,
 * a pass never overlaps another, and a failed pass is retried with backoff.
 */

/** Options of {@link createReconcileLoop}. */
export interface ReconcileLoopOptions {
  /** Quiet time after the last trigger before a pass starts. */
  debounceMs: number;
  /** A pass only runs when this holds (e.g. every informer has listed once). */
  ready: () => boolean;
  /** Called with the error of a failed pass (the pass is then retried). */
  onError: (err: unknown) => void;
  /** Retry delay after a failure; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

/** A running loop. */
export interface ReconcileLoop {
  /** Asks for a pass (debounced). */
  trigger(): void;
  /** Resolves once ready, with no pass running and none scheduled. */
  idle(): Promise<void>;
  /** Cancels a scheduled pass and waits for a running one. */
  stop(): Promise<void>;
}

/** Creates a loop running `pass` on triggers. */
export function createReconcileLoop(pass: () => Promise<void>, opts: ReconcileLoopOptions): ReconcileLoop {
  const baseRetry = opts.retryMs ?? 1000;
  let retry = baseRetry;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let dirty = false;
  let stopped = false;
  let waiters: Array<() => void> = [];
  let pendingSince = 0;

  const settled = (): boolean => stopped || (!timer && !running && !dirty && opts.ready());
  const notify = (): void => {
    if (!settled()) return;
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve();
  };
  const schedule = (delay: number): void => {
    if (stopped || timer || running) return;
    pendingSince = Date.now();
    timer = setTimeout(fire, delay);
  };
  const fire = (): void => {
    timer = undefined;
    if (stopped) return notify();
    if (!opts.ready()) {
      // A later trigger (the informer's successful list) starts the pass.
      dirty = false;
      return notify();
    }
    dirty = false;
    let failed = false;
    running = pass().then(
      () => {
        retry = baseRetry;
      },
      (err: unknown) => {
        failed = true;
        opts.onError(err);
      },
    );
    void running.finally(() => {
      running = undefined;
      if (failed) {
        dirty = true;
        const delay = retry;
        retry = Math.min(retry * 2, opts.maxRetryMs ?? 30_000);
        schedule(delay);
      } else if (dirty) schedule(opts.debounceMs);
      notify();
    });
  };

  return {
    trigger() {
      if (stopped) return;
      dirty = true;
      if (timer) {
        // Debounce: restart the quiet period, but never postpone a pass by more than a few periods.
        if (Date.now() - pendingSince > 4 * opts.debounceMs) return;
        clearTimeout(timer);
        timer = setTimeout(fire, opts.debounceMs);
        return;
      }
      schedule(opts.debounceMs);
    },
    idle() {
      return settled() ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      await running;
      notify();
    },
  };
}
