/**
 * The store: a decoded in-memory index per resource (fast reads and lists) written through to
 * SQLite (durability), one global resourceVersion counter, and a bounded change log for watches.
 */
import { Db, type DbWrite, type EventRow } from './db';
import { rememberJson } from './json-cache';
import { expired } from './status-errors';
import type { JsonObject } from './types';

/** One stored object: decoded, plus its serialized form (lists are built by concatenation). */
export interface Entry {
  obj: JsonObject;
  json: string;
  rv: number;
}
/** Watch event types as on the wire. */
export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';
/** One change, as kept in the log and fanned out to watchers. */
export interface ChangeEvent {
  type: EventType;
  rkey: string;
  ns: string;
  name: string;
  rv: number;
  obj: JsonObject;
  json: string;
  /** The object before this change (lets selector watches turn MODIFIED into ADDED/DELETED). */
  prev?: JsonObject;
}
/**
 * A change as the log keeps it: JSON text only. Superseded versions are kept as strings (one
 * heap object each, nothing for the GC to trace) and decoded again only when a watch replays them.
 */
interface LoggedChange {
  type: EventType;
  rkey: string;
  ns: string;
  name: string;
  rv: number;
  json: string;
  prevJson?: string;
}

/** One write request to the store. */
export type Write =
  | { op: 'put'; rkey: string; ns: string; name: string; obj: JsonObject }
  | { op: 'delete'; rkey: string; ns: string; name: string };

/** How many changes the log keeps (watch resumes older than that get 410 Gone). */
export const EVENT_LOG_SIZE = 10_000;
/** Most log entries dropped at a time: small batches keep every trim off the latency tail. */
const TRIM_BATCH = 256;

/** Index of the first key >= `key` in a sorted array. */
function lowerBound(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((keys[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const withRv = (obj: JsonObject, rv: number): JsonObject => {
  const meta = (obj.metadata ?? {}) as JsonObject;
  return { ...obj, metadata: { ...meta, resourceVersion: String(rv) } };
};

/** In-memory index + SQLite write-through. Objects handed out are frozen by convention: never mutate. */
export class Store {
  private readonly db: Db;
  private readonly byResource = new Map<string, Map<string, Entry>>();
  private readonly sortedKeys = new Map<string, string[]>();
  private log: LoggedChange[] = [];
  private counter: number;
  private compacted: number;
  private readonly listeners = new Set<(e: ChangeEvent) => void>();
  private readonly trimBatch: number;

  /** Opens the SQLite file and loads everything into memory; keeps the last `logSize` changes for watches. */
  constructor(
    file: string,
    private readonly logSize = EVENT_LOG_SIZE,
  ) {
    this.db = new Db(file);
    this.trimBatch = Math.min(TRIM_BATCH, Math.max(1, Math.floor(logSize * 0.2)));
    this.counter = this.db.counter();
    this.compacted = this.db.metaNumber('compacted');
    for (const row of this.db.allObjects()) {
      const obj = JSON.parse(row.body) as JsonObject;
      rememberJson(obj, row.body);
      this.index(row.rkey).set(`${row.ns}/${row.name}`, { obj, json: row.body, rv: row.rv });
    }
    this.log = this.db.recentEvents(this.logSize).map((r: EventRow) => ({
      type: r.type as EventType,
      rkey: r.rkey,
      ns: r.ns,
      name: r.name,
      rv: r.rv,
      json: r.body,
    }));
    const first = this.log[0];
    if (first) this.compacted = Math.max(this.compacted, first.rv - 1);
  }

  private index(rkey: string): Map<string, Entry> {
    let m = this.byResource.get(rkey);
    if (!m) this.byResource.set(rkey, (m = new Map()));
    return m;
  }

  /** The current value of the global resourceVersion counter. */
  get resourceVersion(): number {
    return this.counter;
  }
  /** True when the store has never held anything (first start). */
  get empty(): boolean {
    return this.counter === 0;
  }

  /** One object or undefined. */
  get(rkey: string, ns: string, name: string): Entry | undefined {
    return this.byResource.get(rkey)?.get(`${ns}/${name}`);
  }

  /**
   * All objects of a resource (optionally one namespace), sorted by namespace then name; with
   * `after` (a `namespace/name` key, as paging continues), only those sorted after it.
   */
  list(rkey: string, ns?: string, after?: string): Entry[] {
    const m = this.byResource.get(rkey);
    if (!m) return [];
    let keys = this.sortedKeys.get(rkey);
    if (!keys) this.sortedKeys.set(rkey, (keys = [...m.keys()].sort()));
    const out: Entry[] = [];
    const prefix = ns === undefined ? '' : `${ns}/`;
    let i = lowerBound(keys, prefix);
    if (after !== undefined && after >= prefix) {
      i = lowerBound(keys, after);
      if (keys[i] === after) i++;
    }
    for (; i < keys.length; i++) {
      const k = keys[i] as string;
      if (!k.startsWith(prefix)) break;
      const e = m.get(k);
      if (e) out.push(e);
    }
    return out;
  }

  /** Applies writes atomically: each gets the next resourceVersion; returns the change events. */
  commit(writes: Write[]): ChangeEvent[] {
    let rv = this.counter;
    const dbWrites: DbWrite[] = [];
    const events: ChangeEvent[] = [];
    const logged: LoggedChange[] = [];
    for (const w of writes) {
      rv += 1;
      const existing = this.get(w.rkey, w.ns, w.name);
      const { rkey, ns, name } = w;
      if (w.op === 'put') {
        const obj = withRv(w.obj, rv);
        const json = JSON.stringify(obj);
        rememberJson(obj, json);
        const type: EventType = existing ? 'MODIFIED' : 'ADDED';
        events.push({ type, rkey, ns, name, rv, obj, json, prev: existing?.obj });
        logged.push({ type, rkey, ns, name, rv, json, ...(existing ? { prevJson: existing.json } : {}) });
        dbWrites.push({ kind: 'put', row: { rkey, ns, name, rv, body: json }, event: { rv, type, rkey, ns, name, body: json } });
      } else {
        if (!existing) {
          rv -= 1;
          continue;
        }
        const obj = withRv(existing.obj, rv);
        const json = JSON.stringify(obj);
        rememberJson(obj, json);
        events.push({ type: 'DELETED', rkey, ns, name, rv, obj, json, prev: existing.obj });
        logged.push({ type: 'DELETED', rkey, ns, name, rv, json });
        dbWrites.push({ kind: 'delete', rkey, ns, name, event: { rv, type: 'DELETED', rkey, ns, name, body: json } });
      }
    }
    if (events.length === 0) return [];
    this.db.commit(dbWrites);
    this.counter = rv;
    for (const e of events) this.applyToMemory(e);
    this.log.push(...logged);
    if (this.log.length > this.logSize + this.trimBatch) this.trim();
    for (const e of events) for (const l of this.listeners) l(e);
    return events;
  }

  private applyToMemory(e: ChangeEvent): void {
    const m = this.index(e.rkey);
    const key = `${e.ns}/${e.name}`;
    // Keep the sorted key list (when built) in step by binary search, so a list right after a
    // create or delete does not sort every key again.
    const keys = this.sortedKeys.get(e.rkey);
    if (e.type === 'DELETED') {
      if (m.delete(key) && keys) {
        const i = lowerBound(keys, key);
        if (keys[i] === key) keys.splice(i, 1);
      }
    } else {
      if (!m.has(key) && keys) keys.splice(lowerBound(keys, key), 0, key);
      m.set(key, { obj: e.obj, json: e.json, rv: e.rv });
    }
  }

  private trim(): void {
    const drop = this.log.length - this.logSize;
    const last = this.log[drop - 1];
    if (!last) return;
    this.log = this.log.slice(drop);
    this.compacted = last.rv;
    this.db.trimEvents(last.rv, this.counter);
  }

  /** Changes after `rv` (exclusive); throws 410 Expired when the log no longer reaches back that far. */
  changesSince(rv: number, raw: string): ChangeEvent[] {
    if (rv < this.compacted) throw expired(raw, this.compacted + 1);
    // Binary search: the log is ordered by rv.
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.log[mid]?.rv ?? 0) <= rv) lo = mid + 1;
      else hi = mid;
    }
    return this.log.slice(lo).map((l) => {
      const obj = JSON.parse(l.json) as JsonObject;
      rememberJson(obj, l.json);
      const e: ChangeEvent = { type: l.type, rkey: l.rkey, ns: l.ns, name: l.name, rv: l.rv, obj, json: l.json };
      if (l.prevJson) e.prev = JSON.parse(l.prevJson) as JsonObject;
      return e;
    });
  }

  /** Subscribes to every committed change; returns the unsubscribe function. */
  subscribe(fn: (e: ChangeEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Closes the database. */
  close(): void {
    this.listeners.clear();
    this.db.close();
  }
}
