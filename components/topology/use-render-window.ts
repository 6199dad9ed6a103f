import { useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { inView, nextWindow, windowAround, type Rect } from './render-window';

type ViewState = Pick<ReactFlowState, 'transform' | 'width' | 'height'>;

/**
 * The window of a large graph that React Flow is given (see render-window.ts), or undefined to give it all, and
 * `settle`, to call when a gesture ends. Follows every change of the viewport (a reader's gesture, a fit, a resize of
 * the canvas) and decides anew only when the view leaves the window, so a gesture within it renders nothing; a
 * window left far larger than the view by zooming in is narrowed once the gesture ends.
 * `first`: the view of the first frame, the window until the view is read.
 */
export function useRenderWindow(enabled: boolean, first: Rect): { area: Rect | undefined; settle(): void } {
  const store = useStoreApi();
  const [area, setArea] = useState<Rect | undefined>();
  // Until the view is read (the effect below, after the first render in the browser), the first frame's window: never
  // the whole graph, whose one render took 0.6-0.9 s on the medium mesh.
  const [fallback] = useState(() => windowAround(first));
  const current = useRef(area);
  // Followed while disabled too (cheap, and rendering nothing then): a graph that grows past the limit again starts
  // from the window around the reader's view, not the first frame's.
  const decide = useCallback((s: ViewState, narrow: boolean): void => {
    const next = nextWindow(current.current, inView(s.transform, s.width, s.height), narrow);
    if (next === current.current) return;
    current.current = next;
    setArea(next);
  }, []);
  useEffect(() => {
    decide(store.getState(), true);
    return store.subscribe((s) => decide(s, false));
  }, [decide, store]);
  const settle = useCallback(() => decide(store.getState(), true), [decide, store]);
  return { area: enabled ? (area ?? fallback) : undefined, settle };
}
