'use client';

import { useCallback, useSyncExternalStore } from 'react';
import type { Difference, VerifyOutcome } from '@/lib/actions/verify-types';

/** One remembered verification of a route (kept in this browser only). */
export interface HistoryEntry {
  at: string;
  request: string;
  status?: number;
  verdict: 'pass' | 'fail' | 'error';
  latencyMs: number;
  differences: Difference[];
  error?: string;
}

/** Entries kept per route: enough to compare before/after a change, small enough for localStorage. */
export const HISTORY_LIMIT = 20;
const PREFIX = 'portico.verify.history.v1:';
const EVENT = 'portico:verify-history';

function read(key: string): HistoryEntry[] {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as HistoryEntry[]) : [];
  } catch {
    return [];
  }
}

/** Turns an outcome into a history entry. */
export function entryOf(o: VerifyOutcome): HistoryEntry {
  const r = o.report;
  const verdict = r.result.error ? 'error' : r.comparison.pass ? 'pass' : 'fail';
  return {
    at: o.at,
    request: `${r.request.method} ${r.request.scheme}://${r.request.host}:${r.request.port}${r.request.path}`,
    ...(r.result.status !== undefined ? { status: r.result.status } : {}),
    verdict,
    latencyMs: r.result.timings.total,
    differences: r.comparison.differences,
    ...(r.result.error ? { error: r.result.error } : {}),
  };
}

// Snapshots are cached per key so useSyncExternalStore sees a stable value between changes.
const cache = new Map<string, { raw: string | null; value: HistoryEntry[] }>();
const EMPTY: HistoryEntry[] = [];

/** Recent verifications of `key` (a route), newest first, and a function to record one. */
export function useVerifyHistory(key: string): { entries: HistoryEntry[]; record: (e: HistoryEntry) => void; clear: () => void } {
  const subscribe = useCallback((cb: () => void) => {
    window.addEventListener(EVENT, cb);
    window.addEventListener('storage', cb);
    return () => {
      window.removeEventListener(EVENT, cb);
      window.removeEventListener('storage', cb);
    };
  }, []);
  const snapshot = useCallback(() => {
    const raw = window.localStorage.getItem(PREFIX + key);
    const hit = cache.get(key);
    if (hit && hit.raw === raw) return hit.value;
    const value = read(key);
    cache.set(key, { raw, value });
    return value;
  }, [key]);
  const entries = useSyncExternalStore(subscribe, snapshot, () => EMPTY);
  const record = useCallback(
    (e: HistoryEntry) => {
      const next = [e, ...read(key)].slice(0, HISTORY_LIMIT);
      try {
        window.localStorage.setItem(PREFIX + key, JSON.stringify(next));
      } catch {
        // Storage full or disabled: the history is a convenience, the verification itself succeeded.
      }
      window.dispatchEvent(new Event(EVENT));
    },
    [key],
  );
  const clear = useCallback(() => {
    window.localStorage.removeItem(PREFIX + key);
    window.dispatchEvent(new Event(EVENT));
  }, [key]);
  return { entries, record, clear };
}
