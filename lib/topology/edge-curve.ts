import type { NodeBox } from './types';

/** The curve an edge is drawn along, where its label sits, and the rectangle the curve stays inside. */
export interface EdgeCurve {
  /** SVG path data. */
  d: string;
  labelX: number;
  labelY: number;
  box: NodeBox;
}

/**
 * An edge's curve: from the middle of its source's right side to the middle of its target's left side, leaving
 * and arriving level (a cubic whose control points share the ends' middle x). The page and the SVG export draw
 * the same curve. Its middle, where a label goes, is the ends' midpoint; it never leaves the rectangle its two
 * ends span, which is how a drawn window of the graph finds the edges that cross it.
 */
export function edgeCurve(source: NodeBox, target: NodeBox): EdgeCurve {
  const x1 = source.x + source.width;
  const y1 = source.y + source.height / 2;
  const x2 = target.x;
  const y2 = target.y + target.height / 2;
  const mid = (x1 + x2) / 2;
  return {
    d: `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`,
    labelX: mid,
    labelY: (y1 + y2) / 2,
    box: { x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) },
  };
}
