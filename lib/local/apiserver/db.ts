/**
 * The durable half of the store: one SQLite file in WAL mode. Every acknowledged write is one
 * committed transaction (object rows + change-log rows), so a process crash loses nothing that a
 * client was told succeeded. The resourceVersion counter is the newest change-log row (every
 * commit writes one), so commits touch no extra counter row.
 */
import Database from 'better-sqlite3';

/** One object row. */
export interface ObjectRow {
  rkey: string;
  ns: string;
  name: string;
  rv: number;
  body: string;
}
/** One change-log row. */
export interface EventRow {
  rv: number;
  type: string;
  rkey: string;
  ns: string;
  name: string;
  body: string;
}
/** One write inside a transaction. */
export type DbWrite =
  { kind: 'put'; row: ObjectRow; event: EventRow } | { kind: 'delete'; rkey: string; ns: string; name: string; event: EventRow };

/** Thin typed wrapper over the prepared statements the store needs. */
export class Db {
  private readonly db: Database.Database;
  private readonly stmts;
  private readonly commitTx: (writes: DbWrite[]) => void;

  /** Opens (and migrates) `file`. */
  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // Durability: in WAL mode a commit is complete once its frames are appended to the WAL file
    // (a write() into the OS page cache). With synchronous = NORMAL SQLite skips the fsync per
    // commit and only syncs the WAL at checkpoints. A process crash (kill -9, OOM, uncaught
    // error) cannot lose a committed transaction: the frames are already in the kernel, which
    // writes them out and recovery replays them on the next open. Only a power loss or kernel
    // crash can roll back the last commits (never corrupt the file), which is acceptable for a
    // local development cluster. FULL would add an fsync (milliseconds) to every write request.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS objects (rkey TEXT NOT NULL, ns TEXT NOT NULL, name TEXT NOT NULL, rv INTEGER NOT NULL,
        body TEXT NOT NULL, PRIMARY KEY (rkey, ns, name)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS events (rv INTEGER PRIMARY KEY, type TEXT NOT NULL, rkey TEXT NOT NULL, ns TEXT NOT NULL,
        name TEXT NOT NULL, body TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
    `);
    this.stmts = {
      put: this.db.prepare('INSERT OR REPLACE INTO objects (rkey, ns, name, rv, body) VALUES (@rkey, @ns, @name, @rv, @body)'),
      del: this.db.prepare('DELETE FROM objects WHERE rkey = ? AND ns = ? AND name = ?'),
      event: this.db.prepare('INSERT INTO events (rv, type, rkey, ns, name, body) VALUES (@rv, @type, @rkey, @ns, @name, @body)'),
      setMeta: this.db.prepare('INSERT OR REPLACE INTO meta (k, v) VALUES (?, ?)'),
      getMeta: this.db.prepare('SELECT v FROM meta WHERE k = ?'),
      trim: this.db.prepare('DELETE FROM events WHERE rv <= ?'),
      maxEventRv: this.db.prepare('SELECT MAX(rv) AS rv FROM events'),
    };
    // Built once: better-sqlite3 wraps BEGIN/COMMIT/ROLLBACK around the function on every call.
    this.commitTx = this.db.transaction((writes: DbWrite[]) => {
      for (const w of writes) {
        if (w.kind === 'put') this.stmts.put.run(w.row);
        else this.stmts.del.run(w.rkey, w.ns, w.name);
        this.stmts.event.run(w.event);
      }
    });
  }

  /** Applies writes atomically (each carries its change-log row, which also advances the counter). */
  commit(writes: DbWrite[]): void {
    this.commitTx(writes);
  }

  /**
   * Drops change-log entries up to and including `rv`, recording the counter (`current`) first:
   * with the log trimmed, the newest row might otherwise no longer tell the counter.
   */
  trimEvents(rv: number, current: number): void {
    this.db.transaction(() => {
      this.stmts.trim.run(rv);
      this.stmts.setMeta.run('compacted', String(rv));
      this.stmts.setMeta.run('rv', String(current));
    })();
  }

  /** The store-wide resourceVersion counter: the newest change, or the one recorded at the last trim. */
  counter(): number {
    const row = this.stmts.maxEventRv.get() as { rv: number | null } | undefined;
    return Math.max(row?.rv ?? 0, this.metaNumber('rv'));
  }

  /** A numeric value from the meta table (0 when absent). */
  metaNumber(k: string): number {
    const row = this.stmts.getMeta.get(k) as { v: string } | undefined;
    return row ? Number(row.v) : 0;
  }

  /** Every stored object. */
  allObjects(): ObjectRow[] {
    return this.db.prepare('SELECT rkey, ns, name, rv, body FROM objects').all() as ObjectRow[];
  }

  /** The newest `n` change-log entries, oldest first. */
  recentEvents(n: number): EventRow[] {
    const rows = this.db
      .prepare('SELECT rv, type, rkey, ns, name, body FROM events ORDER BY rv DESC LIMIT ?')
      .all(n) as EventRow[];
    return rows.reverse();
  }

  /** Closes the file (checkpointing the WAL). */
  close(): void {
    this.db.close();
  }
}
