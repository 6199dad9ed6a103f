import 'server-only';

/** Values unique to each object (or each version of it): pooling them would only grow the pool. */
const UNIQUE_FIELDS = new Set(['uid', 'resourceVersion']);
/** Longer strings (certificates, last-applied annotations, large messages) rarely repeat. */
const MAX_POOLED_LENGTH = 256;
/** Strings remembered before the pool starts over (~20 MB of entries at most; see {@link StringPool.intern}). */
const DEFAULT_LIMIT = 250_000;

/**
 * Shares equal strings between the cache's objects. JSON parsing gives every value its own string, so a
 * large mesh holds its namespace names, API groups, condition reasons and messages, timestamps and label
 * values tens of thousands of times over; on the large benchmark mesh (52,000 objects) sharing them takes
 * the cache from 91 MB to 77 MB of heap. Only values are pooled: V8 already shares property names.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  /** Number of strings remembered. */
  get size(): number {
    return this.strings.size;
  }

  /**
   * The pooled string equal to `s`. When the pool is full it starts over: strings already shared stay shared
   * (objects hold them), and values of objects since deleted (a hostname changed a thousand times) cannot pile up.
   */
  intern(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    if (this.strings.size >= this.limit) this.strings.clear();
    this.strings.set(s, s);
    return s;
  }

  /**
   * Replaces, in place, every short string value of a freshly parsed object by its pooled equal. The object
   * must be the cache's own (not shared with a caller that expects its strings untouched: none does).
   */
  share<T>(value: T): T {
    return this.walk(value, '') as T;
  }

  private walk(value: unknown, field: string): unknown {
    if (typeof value === 'string') {
      return value.length > MAX_POOLED_LENGTH || UNIQUE_FIELDS.has(field) ? value : this.intern(value);
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.walk(value[i], field);
      return value;
    }
    if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      // Strings handled here rather than through a call per value: this walk runs for every object the cache
      // receives (52,000 on a large mesh's start, where it costs about half as much as parsing them).
      for (const key in record) {
        const v = record[key];
        if (typeof v === 'string') {
          if (v.length <= MAX_POOLED_LENGTH && !UNIQUE_FIELDS.has(key)) record[key] = this.intern(v);
        } else if (v !== null && typeof v === 'object') this.walk(v, key);
      }
    }
    return value;
  }
}
