/**
 * Registry of open watch streams, so stopping the server ends them (clients then reconnect,
 * which is how informers survive a restart).
 */

/** Tracks closers of open watches. */
export class WatchHub {
  private readonly open = new Set<() => void>();
  private closed = false;

  /** Registers a watch; returns the function that unregisters it. Once closed, ends it at once. */
  add(close: () => void): () => void {
    if (this.closed) {
      queueMicrotask(close);
      return () => false;
    }
    this.open.add(close);
    return () => this.open.delete(close);
  }

  /** Number of open watches. */
  get size(): number {
    return this.open.size;
  }

  /** Ends every open watch, and every watch registered from now on. */
  closeAll(): void {
    this.closed = true;
    for (const c of [...this.open]) c();
    this.open.clear();
  }
}
