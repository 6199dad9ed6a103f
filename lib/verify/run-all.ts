/**
 * Verify-all: many sends with bounded concurrency, progress and cancel. Pure scheduling;
 * the send function does the I/O.
 */

/** Progress after each finished item. */
export interface RunProgress {
  done: number;
  total: number;
  /** Index of the item that just finished. */
  index: number;
}

/** Options of {@link runAll}. */
export interface RunAllOptions {
  /** Items in flight at once; default 4. */
  concurrency?: number;
  /** Stops starting new items and is handed to in-flight sends. */
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
}

/** Results in input order; `undefined` for items never started because of cancel. */
export interface RunAllOutcome<R> {
  results: Array<R | undefined>;
  completed: number;
  cancelled: boolean;
}

/**
 * Runs `send` over `items`, at most `concurrency` at a time. A send that throws is
 * recorded through `onError` when given (else the run rejects), so one failure does not
 * stop the others.
 */
export async function runAll<T, R>(
  items: readonly T[],
  send: (item: T, index: number, signal: AbortSignal | undefined) => Promise<R>,
  opts: RunAllOptions & { onError?: (err: unknown, item: T, index: number) => R } = {},
): Promise<RunAllOutcome<R>> {
  const limit = Math.max(1, Math.floor(opts.concurrency ?? 4));
  const results: Array<R | undefined> = new Array<R | undefined>(items.length).fill(undefined);
  let next = 0;
  let completed = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !opts.signal?.aborted) {
      const index = next++;
      const item = items[index] as T;
      try {
        results[index] = await send(item, index, opts.signal);
      } catch (err) {
        if (!opts.onError) throw err;
        results[index] = opts.onError(err, item, index);
      }
      completed++;
      opts.onProgress?.({ done: completed, total: items.length, index });
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return { results, completed, cancelled: opts.signal?.aborted === true && completed < items.length };
}
