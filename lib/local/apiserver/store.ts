/**
 * The store: a decoded in-memory index per resource (fast reads and lists) written through to
 * SQLite (durability), one global resourceVersion counter, and a bounded change log for watches.
 */
import { Db, type DbWrite, type EventRow } from './db';
import { expired } from './status-errors';
import type { JsonObject } from './types';

/** One stored object: decoded, plus its serialized form (lists are built by concatenation). */
export interface Entry { obj: JsonObject; json: string; rv: number }
/** Watch event types as on the wire. */
export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';
/** One change, as kept in the log and fanned out to watchers. */
export interface ChangeEvent {
  type: EventType; rkey: string; ns: string; name: string; rv: number; obj: JsonObject; json: string;
  /** The object before this change (lets selector watches turn MODIFIED into ADDED/DELETED). */
  prev?: JsonObject;
}
/** One write request to the store. */
export type Write = { op: 'put'; rkey: string; ns: string; name: string; obj: JsonObject } | { op: 'delete'; rkey: string; ns: string; name: string };

/** How many changes the log keeps (watch resumes older than that get 410 Gone). */
export const EVENT_LOG_SIZE = 10_000;

const withRv = (obj: JsonObject, rv: number): JsonObject => {
  const meta = (obj.metadata ?? {}) as JsonObject;
  return { ...obj, metadata: { ...meta, resourceVersion: String(rv) } };
};

/** In-memory index + SQLite write-through. Objects handed out are frozen by convention: never mutate. */
export class Store {
  private readonly db: Db;
  private readonly byResource = new Map<string, Map<string, Entry>>();
  private readonly sortedKeys = new Map<string, string[]>();
  private log: ChangeEvent[] = [];
  private counter: number;
  private compacted: number;
  private readonly listeners = new Set<(e: ChangeEvent) => void>();

  /** Opens the SQLite file and loads everything into memory; keeps the last `logSize` changes for watches. */
  constructor(file: string, private readonly logSize = EVENT_LOG_SIZE) {
    this.db = new Db(file);
    this.counter = this.db.metaNumber('rv');
    this.compacted = this.db.metaNumber('compacted');
    for (const row of this.db.allObjects()) {
      this.index(row.rkey).set(`${row.ns}/${row.name}`, { obj: JSON.parse(row.body) as JsonObject, json: row.body, rv: row.rv });
    }
    this.log = this.db.recentEvents(this.logSize).map((r: EventRow) => ({
      type: r.type as EventType, rkey: r.rkey, ns: r.ns, name: r.name, rv: r.rv, obj: JSON.parse(r.body) as JsonObject, json: r.body,
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
  get resourceVersion(): number { return this.counter; }
  /** True when the store has never held anything (first start). */
  get empty(): boolean { return this.db.isEmpty(); }

  /** One object or undefined. */
  get(rkey: string, ns: string, name: string): Entry | undefined {
    return this.byResource.get(rkey)?.get(`${ns}/${name}`);
  }

  /** All objects of a resource (optionally one namespace), sorted by namespace then name. */
  list(rkey: string, ns?: string): Entry[] {
    const m = this.byResource.get(rkey);
    if (!m) return [];
    let keys = this.sortedKeys.get(rkey);
    if (!keys) this.sortedKeys.set(rkey, (keys = [...m.keys()].sort()));
    const out: Entry[] = [];
    const prefix = ns === undefined ? undefined : `${ns}/`;
    for (const k of keys) {
      if (prefix && !k.startsWith(prefix)) continue;
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
    for (const w of writes) {
      rv += 1;
      const existing = this.get(w.rkey, w.ns, w.name);
      if (w.op === 'put') {
        const obj = withRv(w.obj, rv);
        const json = JSON.stringify(obj);
        const type: EventType = existing ? 'MODIFIED' : 'ADDED';
        events.push({ type, rkey: w.rkey, ns: w.ns, name: w.name, rv, obj, json, prev: existing?.obj });
        dbWrites.push({ kind: 'put', row: { rkey: w.rkey, ns: w.ns, name: w.name, rv, body: json }, event: { rv, type, rkey: w.rkey, ns: w.ns, name: w.name, body: json } });
      } else {
        if (!existing) { rv -= 1; continue; }
        const obj = withRv(existing.obj, rv);
        const json = JSON.stringify(obj);
        events.push({ type: 'DELETED', rkey: w.rkey, ns: w.ns, name: w.name, rv, obj, json, prev: existing.obj });
        dbWrites.push({ kind: 'delete', rkey: w.rkey, ns: w.ns, name: w.name, event: { rv, type: 'DELETED', rkey: w.rkey, ns: w.ns, name: w.name, body: json } });
      }
    }
    if (events.length === 0) return [];
    this.db.commit(dbWrites, rv);
    this.counter = rv;
    for (const e of events) this.applyToMemory(e);
    this.log.push(...events);
    if (this.log.length > this.logSize * 1.2) this.trim();
    for (const e of events) for (const l of this.listeners) l(e);
    return events;
  }

  private applyToMemory(e: ChangeEvent): void {
    const m = this.index(e.rkey);
    const key = `${e.ns}/${e.name}`;
    if (e.type === 'DELETED') {
      m.delete(key);
      this.sortedKeys.delete(e.rkey);
    } else {
      if (!m.has(key)) this.sortedKeys.delete(e.rkey);
      m.set(key, { obj: e.obj, json: e.json, rv: e.rv });
    }
  }

  private trim(): void {
    const drop = this.log.length - this.logSize;
    const last = this.log[drop - 1];
    if (!last) return;
    this.log = this.log.slice(drop);
    this.compacted = last.rv;
    this.db.trimEvents(last.rv);
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
    return this.log.slice(lo);
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
