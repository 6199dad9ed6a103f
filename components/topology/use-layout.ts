'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { LayoutCache } from '@/lib/topology/layout-cache';
import { prepareLayout } from '@/lib/topology/prepare';
import type { Positions, ViewModel } from '@/lib/topology/types';
import { LayoutClient } from './layout-client';
import type { LayoutEngine } from './layout-protocol';
import { yieldToMain } from './yield-to-main';

/** Where the layout stands for the current view. */
export interface LayoutState {
  positions: Positions;
  /** True while the worker computes a new layout (the old boxes are still shown). */
  pending: boolean;
  error?: string;
  /** Milliseconds the last layout took in the worker, and which engine ran. */
  ms?: number;
  engine?: LayoutEngine;
}

interface Done {
  view: ViewModel;
  positions: Positions;
  ms?: number;
  engine?: LayoutEngine;
  error?: string;
}

/** Starts ELK's worker when the browser is idle, so a later focused (small) view is laid out at once. */
function warmElkWhenIdle(client: LayoutClient): () => void {
  if (typeof window.requestIdleCallback !== 'function') return () => undefined;
  const handle = window.requestIdleCallback(() => client.warm('elk'), { timeout: 5_000 });
  return () => window.cancelIdleCallback(handle);
}

/**
 * Positions for a view. Each new view is prepared in slices (structure key
 * and worker input, see lib/topology/prepare.ts) so the main thread is never
 * held long; a structure laid out before reuses its positions (health
 * changes from live updates never move anything), otherwise the worker lays
 * it out while every known node keeps its last box.
 */
export function useLayout(view: ViewModel): LayoutState {
  // One cache per mounted graph; it is mutated as layouts arrive (a memo, not React state).
  const [cache] = useState(() => new LayoutCache());
  const client = useRef<LayoutClient>(null);
  const [done, setDone] = useState<Done>();
  const [last, setLast] = useState<{ ms: number; engine: LayoutEngine }>();

  useEffect(() => {
    // Created at mount, before the first view is prepared: the worker loads while the main thread works.
    const c = new LayoutClient();
    client.current = c;
    const cancelWarm = warmElkWhenIdle(c);
    return () => {
      cancelWarm();
      c.dispose();
      client.current = null;
    };
  }, []);

  useEffect(() => {
    if (view.nodes.length === 0) return;
    let live = true;
    const run = async () => {
      const prepared = await prepareLayout(view, yieldToMain, () => live);
      if (!prepared || !live) return;
      const known = cache.getByKey(prepared.key);
      if (known) return setDone({ view, positions: known });
      client.current ??= new LayoutClient();
      const res = await client.current.layout(prepared.input);
      cache.setByKey(prepared.key, res.positions);
      if (!live) return;
      setDone({ view, positions: res.positions });
      setLast({ ms: res.ms, engine: res.engine });
    };
    run().catch((err: unknown) => {
      if (live) setDone({ view, positions: {}, error: err instanceof Error ? err.message : String(err) });
    });
    return () => {
      live = false;
    };
  }, [view, cache]);

  // While a view is being prepared, every node keeps its last box: a live update that changed no
  // structure shows exactly the same picture, with nothing marked pending.
  const provisional = useMemo(() => (done?.view === view ? undefined : cache.lastKnownOf(view)), [cache, done, view]);
  const timing = last ? { ms: last.ms, engine: last.engine } : {};
  if (view.nodes.length === 0) return { positions: {}, pending: false };
  if (done?.view === view) {
    return done.error
      ? { positions: {}, pending: false, error: done.error }
      : { positions: done.positions, pending: false, ...timing };
  }
  return { positions: provisional?.positions ?? {}, pending: !provisional?.complete, ...timing };
}
