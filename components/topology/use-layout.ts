'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { toLayoutInput } from '@/lib/topology/layout-input';
import { LayoutCache, structureKey } from '@/lib/topology/layout-cache';
import type { Positions, ViewModel } from '@/lib/topology/types';
import { LayoutClient } from './layout-client';

/** Where the layout stands for the current view. */
export interface LayoutState {
  positions: Positions;
  /** True while the worker computes a new layout (the old boxes are still shown). */
  pending: boolean;
  error?: string;
  /** Milliseconds the last layout took in the worker, and which engine ran. */
  ms?: number;
  engine?: 'elk' | 'columns';
}

/**
 * Positions for a view: cached ones when its structure was laid out before
 * (health changes from live updates never move anything), otherwise a new
 * layout from the worker, with known nodes kept in place meanwhile.
 */
export function useLayout(view: ViewModel): LayoutState {
  // One cache per mounted graph; it is mutated as layouts arrive (a memo, not React state).
  const [cache] = useState(() => new LayoutCache());
  const client = useRef<LayoutClient>(null);
  const key = useMemo(() => structureKey(view), [view]);
  const [done, setDone] = useState<
    { key: string; positions: Positions; ms: number; engine?: 'elk' | 'columns'; error?: string } | undefined
  >();

  useEffect(() => {
    client.current = new LayoutClient();
    return () => client.current?.dispose();
  }, []);

  useEffect(() => {
    const known = cache.get(view);
    if (known || view.nodes.length === 0) return;
    let live = true;
    client.current ??= new LayoutClient();
    client.current
      .layout(toLayoutInput(view))
      .then(({ positions, ms, engine }) => {
        cache.set(view, positions);
        if (live) setDone({ key, positions, ms, engine });
      })
      .catch((err: unknown) => {
        if (live) setDone({ key, positions: {}, ms: 0, error: err instanceof Error ? err.message : String(err) });
      });
    return () => {
      live = false;
    };
    // `view` changes identity on every refetch; only its structure decides whether to lay out again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const exact = cache.get(view);
  if (exact)
    return {
      positions: exact,
      pending: false,
      ...(done?.key === key && done.engine ? { ms: done.ms, engine: done.engine } : {}),
    };
  if (view.nodes.length === 0) return { positions: {}, pending: false };
  if (done?.key === key && done.error) return { positions: {}, pending: false, error: done.error };
  return { positions: cache.provisional(view), pending: true };
}
