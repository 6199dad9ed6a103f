'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { columnLayout } from '@/lib/topology/column-layout';
import { ELK_NODE_LIMIT } from '@/lib/topology/layout';
import { LayoutCache, structureKey } from '@/lib/topology/layout-cache';
import { positionsOf, toLayoutInput } from '@/lib/topology/layout-input';
import { prepareLayout } from '@/lib/topology/prepare';
import type { Positions, ViewModel } from '@/lib/topology/types';
import { LayoutClient } from './layout-client';
import type { LayoutEngine } from './layout-protocol';
import { readStoredLayout, storeLayout, structureHash } from './stored-layouts';
import { yieldToMain } from './yield-to-main';

/** Where the layout stands for the current view. */
export interface LayoutState {
  positions: Positions;
  /** True while the worker computes a new layout (the old boxes, or a first column layout, are shown). */
  pending: boolean;
  error?: string;
  /** Milliseconds the last layout took in the worker, and which engine ran. */
  ms?: number;
  engine?: LayoutEngine;
}

interface Done {
  view: ViewModel;
  positions: Positions;
  error?: string;
}

/**
 * Up to this many nodes a first view is laid out at once on the main thread with the column layout (a
 * few milliseconds: linear, no dependency), so the graph paints without waiting for a worker or ELK.
 * Above ELK_NODE_LIMIT that is the final layout; below it ELK's refined one replaces it when ready.
 */
export const INSTANT_LIMIT = 1_500;

/** Starts ELK's worker when the browser is idle, so a later focused (small) view is laid out at once. */
function warmElkWhenIdle(client: LayoutClient): () => void {
  if (typeof window.requestIdleCallback !== 'function') return () => undefined;
  const handle = window.requestIdleCallback(() => client.warm('elk'), { timeout: 5_000 });
  return () => window.cancelIdleCallback(handle);
}

/** A layout known without a worker: this graph's cached or stored ELK layout, or (small graphs) its column layout. */
function instantLayout(view: ViewModel, cache: LayoutCache): { positions: Positions; final: boolean } | undefined {
  if (view.nodes.length === 0 || view.nodes.length > INSTANT_LIMIT) return undefined;
  const key = structureKey(view);
  const known = cache.getByKey(key) ?? (view.nodes.length <= ELK_NODE_LIMIT ? readStoredLayout(structureHash(key)) : undefined);
  if (known) return { positions: known, final: true };
  const input = toLayoutInput(view);
  const positions = positionsOf(input.ids, columnLayout(input));
  const final = view.nodes.length > ELK_NODE_LIMIT;
  // Final at this size: remembered, so the prepared layout finds it rather than computing it again and
  // handing the canvas a new (equal) positions object, which re-rendered every node of a large graph.
  if (final) cache.setByKey(key, positions);
  return { positions, final };
}

/**
 * Positions for a view. Each new view is prepared in slices (structure key
 * and worker input, see lib/topology/prepare.ts) so the main thread is never
 * held long; a structure laid out before reuses its positions (health
 * changes from live updates never move anything; a revisit finds ELK's
 * layout in localStorage), otherwise the worker lays it out while every
 * known node keeps its last box, and a view with no known box at all is
 * first drawn with the column layout.
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
    return () => {
      c.dispose();
      client.current = null;
    };
  }, []);

  // ELK's worker (a large script to compile) starts once the first layout is on screen, not while the page
  // loads: on two cores it competed with the first paint of a large graph, which never uses ELK.
  const laidOut = done !== undefined;
  useEffect(() => {
    const c = client.current;
    return laidOut && c ? warmElkWhenIdle(c) : undefined;
  }, [laidOut]);

  useEffect(() => {
    if (view.nodes.length === 0) return;
    let live = true;
    const run = async () => {
      const prepared = await prepareLayout(view, yieldToMain, () => live);
      if (!prepared || !live) return;
      const n = prepared.input.ids.length;
      const hash = n <= ELK_NODE_LIMIT ? structureHash(prepared.key) : undefined;
      const known = cache.getByKey(prepared.key) ?? (hash ? readStoredLayout(hash) : undefined);
      if (known) {
        cache.setByKey(prepared.key, known);
        return setDone({ view, positions: known });
      }
      if (n > ELK_NODE_LIMIT && n <= INSTANT_LIMIT) {
        // The column layout is final at this size and costs a few milliseconds: no worker round trip.
        const positions = positionsOf(prepared.input.ids, columnLayout(prepared.input));
        cache.setByKey(prepared.key, positions);
        return setDone({ view, positions });
      }
      client.current ??= new LayoutClient();
      const res = await client.current.layout(prepared.input);
      cache.setByKey(prepared.key, res.positions);
      if (hash && res.engine === 'elk') storeLayout(hash, res.positions);
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
  // structure shows exactly the same picture, with nothing marked pending. A view with no known box
  // at all (the first one) is drawn at once with a layout computed here.
  const provisional = useMemo(() => {
    if (done?.view === view) return undefined;
    const lastKnown = cache.lastKnownOf(view);
    if (Object.keys(lastKnown.positions).length > 0) return lastKnown;
    const instant = instantLayout(view, cache);
    return instant ? { positions: instant.positions, complete: instant.final } : lastKnown;
  }, [cache, done, view]);
  const timing = last ? { ms: last.ms, engine: last.engine } : {};
  if (view.nodes.length === 0) return { positions: {}, pending: false };
  if (done?.view === view) {
    return done.error
      ? { positions: {}, pending: false, error: done.error }
      : { positions: done.positions, pending: false, ...timing };
  }
  return { positions: provisional?.positions ?? {}, pending: !provisional?.complete, ...timing };
}
