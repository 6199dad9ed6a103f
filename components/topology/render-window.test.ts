import { describe, expect, it } from 'vitest';
import { covers, enclosing, inView, nextWindow, oversized, windowAround } from './render-window';

describe('render window', () => {
  it('sees the graph through the transform: a canvas of 800×600 at x −400, y −300, zoom 2', () => {
    expect(inView([-400, -300, 2], 800, 600)).toEqual({ x: 200, y: 150, width: 400, height: 300 });
  });

  it('is the view widened by itself on every side', () => {
    expect(windowAround({ x: 200, y: 150, width: 400, height: 300 })).toEqual({ x: -200, y: -150, width: 1200, height: 900 });
  });

  it('covers a view that moved less than a canvas, and not one that left it', () => {
    const view = { x: 200, y: 150, width: 400, height: 300 };
    const w = windowAround(view);
    expect(covers(w, view)).toBe(true);
    expect(covers(w, { ...view, x: 600, y: -150 })).toBe(true);
    expect(covers(w, { ...view, x: 601 })).toBe(false);
    // Zoomed out: the view grew past the window.
    expect(covers(w, { x: 0, y: 0, width: 1400, height: 1050 })).toBe(false);
  });

  it('is oversized once zoomed in four times: then it holds far more than the reader can reach', () => {
    const view = { x: 200, y: 150, width: 400, height: 300 };
    const w = windowAround(view);
    expect(oversized(w, view)).toBe(false);
    expect(oversized(w, { x: 350, y: 262.5, width: 100, height: 75 })).toBe(false);
    expect(oversized(w, { x: 350, y: 262.5, width: 99, height: 74 })).toBe(true);
  });

  it('is kept, the same object, while it covers the view; decided again around the view once it does not', () => {
    const view = { x: 200, y: 150, width: 400, height: 300 };
    const w = nextWindow(undefined, view, false);
    expect(w).toEqual(windowAround(view));
    expect(nextWindow(w, { ...view, x: 500 }, false)).toBe(w);
    expect(nextWindow(w, { ...view, x: 700 }, false)).toEqual(windowAround({ ...view, x: 700 }));
  });

  it('is narrowed after zooming far in only when the gesture ends, never during it', () => {
    const view = { x: 200, y: 150, width: 400, height: 300 };
    const w = windowAround(view);
    const zoomedIn = { x: 380, y: 285, width: 40, height: 30 };
    expect(nextWindow(w, zoomedIn, false)).toBe(w);
    expect(nextWindow(w, zoomedIn, true)).toEqual(windowAround(zoomedIn));
  });

  it('encloses rectangles, and nothing when there are none', () => {
    expect(
      enclosing([
        { x: 10, y: 5, width: 10, height: 10 },
        { x: -5, y: 20, width: 5, height: 5 },
      ]),
    ).toEqual({ x: -5, y: 5, width: 25, height: 20 });
    expect(enclosing([])).toBeUndefined();
  });
});
