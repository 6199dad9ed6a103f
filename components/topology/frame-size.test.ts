import { describe, expect, it } from 'vitest';
import type { Positions } from '@/lib/topology/types';
import { initialViewport, parseFrameSize } from './frame-size';

const box = (x: number, y: number) => ({ x, y, width: 240, height: 58 });

describe('parseFrameSize', () => {
  it('reads the size the canvas wrote', () => {
    expect(parseFrameSize('762x568')).toEqual({ width: 762, height: 568 });
  });

  it('ignores what the canvas would never write (the value comes from the browser)', () => {
    for (const v of [undefined, '', '762', '762x', 'x568', '50x50', '99999x568', '762x568; other=1', '-762x568']) {
      expect(parseFrameSize(v)).toBeUndefined();
    }
  });
});

describe('initialViewport', () => {
  it('anchors a graph too large to read whole at the top left, at the smallest readable zoom', () => {
    // Six columns, a thousand rows: the same viewport for any canvas narrower than the graph at that zoom.
    const pos: Positions = {};
    for (let c = 0; c < 6; c++) for (let r = 0; r < 1000; r++) pos[`n${c}-${r}`] = box(c * 300, r * 70);
    const small = initialViewport(pos, 762, 568);
    expect(small).toEqual({ x: 24, y: 24, zoom: 0.6 });
    expect(initialViewport(pos, 1024, 640)).toEqual(small);
  });

  it('centres a graph that fits, at most slightly enlarged', () => {
    const pos: Positions = { a: box(0, 0), b: box(300, 0) };
    const v = initialViewport(pos, 1000, 600);
    expect(v.zoom).toBe(1.1);
    // The graph's middle (270, 29 in graph units) lands on the canvas's middle.
    expect(v.x + 270 * v.zoom).toBeCloseTo(500);
    expect(v.y + 29 * v.zoom).toBeCloseTo(300);
  });
});
