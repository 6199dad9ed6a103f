import { describe, expect, it } from 'vitest';
import { edgeCurve } from './edge-curve';

describe('edgeCurve', () => {
  it('runs from the middle of the source right side to the middle of the target left side, leaving and arriving level', () => {
    const c = edgeCurve({ x: 0, y: 0, width: 100, height: 40 }, { x: 300, y: 200, width: 100, height: 60 });
    expect(c.d).toBe('M100,20 C200,20 200,230 300,230');
    expect([c.labelX, c.labelY]).toEqual([200, 125]);
    expect(c.box).toEqual({ x: 100, y: 20, width: 200, height: 210 });
  });

  it('spans the same rectangle when it runs backwards (target left of and above the source)', () => {
    const c = edgeCurve({ x: 300, y: 200, width: 100, height: 60 }, { x: 0, y: 0, width: 100, height: 40 });
    expect(c.d).toBe('M400,230 C200,230 200,20 0,20');
    expect(c.box).toEqual({ x: 0, y: 20, width: 400, height: 210 });
  });
});
