'use client';

import type { Node, NodeProps } from '@xyflow/react';
import { memo, useId } from 'react';
import type { DrawnEdge, EdgeTone } from './flow-elements';
import { enclosing, type Rect } from './render-window';
import styles from './topology.module.css';

/**
 * What the canvas draws under its nodes, each as a single React Flow node: every drawn edge in one SVG, and the dot
 * grid. While the view pans or zooms, Chromium lays out the page's compositing layers again on every frame, at a cost
 * that grows with each separately painted element: React Flow draws each edge in an SVG of its own (a few hundred
 * cost 30-50 ms a frame on the medium mesh), and its background is drawn again at every step of the view. One SVG is
 * one painted element; a grid inside the graph moves with it; and, as nodes, both are in the server-rendered first
 * frame. Edges are not selectable or focusable on this canvas; each keeps its accessible description (role img).
 */
export type EdgeLayerNode = Node<{ edges: DrawnEdge[]; box: Rect }, 'edges'>;
/** The dot grid (see {@link EdgeLayerNode}). */
export type GridLayerNode = Node<Record<string, never>, 'grid'>;

/**
 * How far the grid reaches beyond the graph, in graph units: a canvas's width at the least zoom (0.05), so its end
 * never shows.
 */
const GRID_MARGIN = 40_000;

/** The grid's spacing, in graph units; its origin sits on a multiple of it, so the dots stay put as the graph grows. */
const GRID_GAP = 24;

/**
 * A node that only draws: under the view's nodes, never hit by the pointer (clicks reach the pane and the nodes), not
 * focusable, not a node to a screen reader.
 */
function layerNode<T extends 'edges' | 'grid', D extends Record<string, unknown>>(
  id: string,
  type: T,
  box: Rect,
  data: D,
  zIndex: number,
): Node<D, T> {
  return {
    id,
    type,
    position: { x: box.x, y: box.y },
    width: box.width,
    height: box.height,
    data,
    zIndex,
    selectable: false,
    draggable: false,
    focusable: false,
    style: { pointerEvents: 'none' },
    domAttributes: { 'aria-roledescription': undefined, 'aria-describedby': undefined },
  };
}

/** The node that draws `edges`, or none when there are none. */
export function edgeLayerNode(edges: DrawnEdge[]): EdgeLayerNode | undefined {
  const around = enclosing(edges.map((e) => e.box));
  if (!around) return undefined;
  // A straight level edge spans no height: the SVG still needs a box.
  const box = { ...around, width: Math.max(1, around.width), height: Math.max(1, around.height) };
  return layerNode('edge-layer', 'edges', box, { edges, box }, -1);
}

/** The dot grid around a graph of these bounds. */
export function gridLayerNode(bounds: Rect): GridLayerNode {
  const x = Math.floor((bounds.x - GRID_MARGIN) / GRID_GAP) * GRID_GAP;
  const y = Math.floor((bounds.y - GRID_MARGIN) / GRID_GAP) * GRID_GAP;
  const box = { x, y, width: bounds.x + bounds.width + GRID_MARGIN - x, height: bounds.y + bounds.height + GRID_MARGIN - y };
  return layerNode('grid-layer', 'grid', box, {}, -2);
}

/** The grid: dots every 24 graph units, scaled with the view as React Flow's background is. */
export const GridLayerView = memo(function GridLayer({ width, height }: NodeProps<GridLayerNode>) {
  return <div className={styles.grid} style={{ width, height }} />;
});

const TONES: readonly EdgeTone[] = ['ok', 'warning', 'error', 'traced'];

function EdgeLayer({ data }: NodeProps<EdgeLayerNode>) {
  const { box, edges } = data;
  // Marker ids are page-wide: one set per canvas (the topology page and a focused view can both be open).
  const prefix = `edge-${useId().replace(/[^\w-]/g, '')}`;
  return (
    <svg
      className={styles.edgeLayer}
      width={box.width}
      height={box.height}
      viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
    >
      <defs>
        {TONES.map((tone) => (
          <marker
            key={tone}
            id={`${prefix}-${tone}`}
            className={styles[`tone-${tone}`]}
            viewBox="-10 -10 20 20"
            markerWidth="16"
            markerHeight="16"
            orient="auto-start-reverse"
            refX="0"
            refY="0"
          >
            <polyline points="-5,-4 0,0 -5,4 -5,-4" />
          </marker>
        ))}
      </defs>
      {edges.map((e) => (
        <g key={e.id} role="img" aria-label={e.ariaLabel} className={styles[`tone-${e.tone}`]}>
          <path
            d={e.d}
            className={[styles.edge, e.on ? styles.traced : '', e.dashed ? styles.dashed : ''].join(' ')}
            markerEnd={`url(#${prefix}-${e.tone})`}
          />
          {e.label ? (
            <text
              x={e.labelX}
              y={e.labelY}
              className={e.labelTone === 'error' ? `${styles.edgeLabel} ${styles.edgeLabelError}` : styles.edgeLabel}
            >
              {e.label}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}

/** The edge layer's node type (memoized: a node's render that changes no edge draws nothing again). */
export const EdgeLayerView = memo(EdgeLayer);
