/**
 * The part of a large graph handed to React Flow: what is in view and one canvas more on every side. React Flow's
 * own culling (`onlyRenderVisibleElements`) decides again on every frame of a pan or zoom, mounting and unmounting
 * nodes and edges as they cross the canvas's edge, and each change repaints the graph's layer: on the medium mesh
 * half the frames of a pan were dropped. A window decided once per gesture, and again only when the view leaves
 * it, leaves the gesture to the compositor, which moves one layer.
 */

/** A rectangle in graph units. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the canvas shows, in graph units, at a React Flow transform ([x, y, zoom]) and canvas size. */
export function inView(transform: readonly [number, number, number], width: number, height: number): Rect {
  const [x, y, zoom] = transform;
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
}

/** The window around a view: the view, widened by itself on every side (nine canvases of graph). */
export function windowAround(view: Rect): Rect {
  return { x: view.x - view.width, y: view.y - view.height, width: view.width * 3, height: view.height * 3 };
}

/** Whether the view lies inside the window: if not, the window is decided again at once. */
export function covers(window: Rect, view: Rect): boolean {
  return (
    view.x >= window.x &&
    view.y >= window.y &&
    view.x + view.width <= window.x + window.width &&
    view.y + view.height <= window.y + window.height
  );
}

/**
 * Whether the window holds far more of the graph than the reader can reach from the view (zoomed in four times
 * since it was decided): then it is decided again when the gesture ends, never during one.
 */
export function oversized(window: Rect, view: Rect): boolean {
  return window.width * window.height > 16 * 9 * view.width * view.height;
}

/**
 * The window for a view: the current one while it covers the view (and, when `narrow`, at the end of a gesture, is
 * not oversized), else a new one around the view. The same window is returned as is, so nothing renders again.
 */
export function nextWindow(current: Rect | undefined, view: Rect, narrow: boolean): Rect {
  const keep = current && covers(current, view) && !(narrow && oversized(current, view));
  return keep ? current : windowAround(view);
}

/** The smallest rectangle around all of `rects`, or undefined for none. */
export function enclosing(rects: Iterable<Rect>): Rect | undefined {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const r of rects) {
    x1 = Math.min(x1, r.x);
    y1 = Math.min(y1, r.y);
    x2 = Math.max(x2, r.x + r.width);
    y2 = Math.max(y2, r.y + r.height);
  }
  return x1 <= x2 ? { x: x1, y: y1, width: x2 - x1, height: y2 - y1 } : undefined;
}
