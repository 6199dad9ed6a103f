'use client';

import { useEffect, useMemo, useState } from 'react';
import { needsSlicing, viewOf, viewOfSliced, type PipelineOptions } from '@/lib/topology/pipeline';
import type { ViewModel } from '@/lib/topology/types';
import { yieldToMain } from './yield-to-main';

const EMPTY: ViewModel = { nodes: [], edges: [] };

/** The view being drawn; `pending` while a large model's new view is still being computed. */
export interface ViewResult {
  view: ViewModel;
  pending: boolean;
}

/**
 * The view of a model for these options: computed during render for small
 * models (and when there is nothing to filter, collapse or focus), in
 * slices between tasks for large ones, showing the previous view meanwhile.
 */
export function useView(model: ViewModel, options: PipelineOptions): ViewResult {
  // Options arrive as a fresh object on every render; their content decides (state adjusted during render).
  const key = JSON.stringify(options);
  const [stable, setStable] = useState({ key, o: options });
  if (stable.key !== key) setStable({ key, o: options });
  const o = stable.key === key ? stable.o : options;
  const sliced = needsSlicing(model, o);
  const direct = useMemo(() => (sliced ? undefined : viewOf(model, o)), [sliced, model, o]);
  const [done, setDone] = useState<{ model: ViewModel; o: PipelineOptions; view: ViewModel }>();

  useEffect(() => {
    if (!sliced) return;
    let live = true;
    void viewOfSliced(model, o, yieldToMain, () => live).then((view) => {
      if (view && live) setDone({ model, o, view });
    });
    return () => {
      live = false;
    };
  }, [sliced, model, o]);

  if (direct) return { view: direct, pending: false };
  if (done?.model === model && done.o === o) return { view: done.view, pending: false };
  return { view: done?.view ?? EMPTY, pending: true };
}
