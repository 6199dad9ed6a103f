/**
 * Registry of open watch streams, so stopping the server ends them (clients then reconnect,
 * which is how informers survive a restart).
 */

/** Tracks closers of open watches. */
export class WatchHub {
  private readonly open = new Set<() => void>();

  /** Registers a watch; returns the function that unregisters it. */
  add(close: () => void): () => void {
    this.open.add(close);
    return () => this.open.delete(close);
  }

  /** Number of open watches. */
  get size(): number { return this.open.size; }

  /** Ends every open watch. */
  closeAll(): void {
    for (const c of [...this.open]) c();
    this.open.clear();
  }
}
