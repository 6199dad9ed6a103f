'use client';

import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import styles from './topology.module.css';

/** Data React Flow hands to {@link TopologyEdgeView}: the label to print at the edge's middle, if any. */
export type TopologyFlowEdge = Edge<{ label?: string; tone?: 'muted' | 'error' }, 'topology'>;

/**
 * An edge as React Flow's default (bezier) edge draws it, with its label printed without measuring it.
 * React Flow's own label (EdgeText) reads its text's box with getBBox after mounting and draws again: on a
 * large graph that forced a layout of the page and a second render of every labelled edge, inside the
 * first paint. Here the text is centred by the SVG itself (text-anchor, dominant-baseline) and its
 * background is a halo of the canvas colour painted under the glyphs (paint-order), so nothing is
 * measured and the label is right in the server-rendered first frame too.
 */
function TopologyEdge({
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  style,
  markerEnd,
  interactionWidth,
  data,
}: EdgeProps<TopologyFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  return (
    <>
      <BaseEdge
        path={path}
        {...(style ? { style } : {})}
        {...(markerEnd ? { markerEnd } : {})}
        {...(interactionWidth !== undefined ? { interactionWidth } : {})}
      />
      {data?.label ? (
        <text
          x={labelX}
          y={labelY}
          className={data.tone === 'error' ? `${styles.edgeLabel} ${styles.edgeLabelError}` : styles.edgeLabel}
        >
          {data.label}
        </text>
      ) : null}
    </>
  );
}

/** The topology's edge type (memoized like React Flow's built-in edges: most renders change nothing). */
export const TopologyEdgeView = memo(TopologyEdge);
