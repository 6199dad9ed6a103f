'use client';

import { Panel, useReactFlow, useStore, type ReactFlowState, type Viewport } from '@xyflow/react';
import { memo, useRef, type PointerEvent } from 'react';
import type { Positions } from '@/lib/topology/types';
import { inView, type Rect } from './render-window';
import styles from './topology.module.css';

/** Props of {@link OverviewMap}. */
export interface OverviewMapProps {
  /** Every placed node's box, drawn or not. */
  positions: Positions;
  /** The rectangle around them. */
  bounds: Rect | undefined;
  /** Colour of a node by id. */
  colorOf(id: string): string;
  /** The view after a click or drag on the map moved it (once, when the pointer is released). */
  onMoved(viewport: Viewport): void;
}

const WIDTH = 160;
const HEIGHT = 100;
const PAD = 40;

/**
 * The minimap: every node of the graph, the part in view outlined; a click or drag on it centres the view there.
 * React Flow's minimap draws the nodes React Flow holds, which on a large graph is a window of it only
 * (render-window.ts); this one draws them all from their positions, once, and redraws only the outline as the view
 * moves.
 */
export function OverviewMap({ positions, bounds: around, colorOf, onMoved }: OverviewMapProps) {
  const b = around ?? { x: 0, y: 0, width: 0, height: 0 };
  const bounds = { x: b.x - PAD, y: b.y - PAD, width: b.width + 2 * PAD, height: b.height + 2 * PAD };
  const flow = useReactFlow();
  const svg = useRef<SVGSVGElement>(null);
  const centreAt = (e: PointerEvent<SVGSVGElement>): void => {
    const m = svg.current?.getScreenCTM();
    if (!m) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    void flow.setCenter(p.x, p.y, { zoom: flow.getZoom() });
  };
  // A move made on the map is reported once, when the pointer is released (or the drag is cancelled).
  const release = (e: PointerEvent<SVGSVGElement>): void => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) onMoved(flow.getViewport());
  };
  const viewBox = `${bounds.x} ${bounds.y} ${bounds.width} ${bounds.height}`;
  return (
    <Panel position="bottom-right" className={styles.minimap}>
      <svg
        ref={svg}
        width={WIDTH}
        height={HEIGHT}
        viewBox={viewBox}
        role="img"
        aria-label="Minimap of the graph: click or drag to move the view"
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          centreAt(e);
        }}
        // Only a drag that started on the map moves the view (not one of the canvas passing over it).
        onPointerMove={(e) => {
          if (e.currentTarget.hasPointerCapture(e.pointerId)) centreAt(e);
        }}
        onPointerUp={release}
        onPointerCancel={release}
      >
        <MapNodes positions={positions} colorOf={colorOf} />
        {/* The map is scaled to fit (the graph's longer side decides): a 2 px outline at that scale. */}
        <InView strokeWidth={2 * Math.max(bounds.width / WIDTH, bounds.height / HEIGHT)} />
      </svg>
    </Panel>
  );
}

/** The nodes, drawn again only when the graph or its colours change. */
const MapNodes = memo(function MapNodes({ positions, colorOf }: Pick<OverviewMapProps, 'positions' | 'colorOf'>) {
  return (
    <g>
      {Object.entries(positions).map(([id, b]) => (
        <rect key={id} x={b.x} y={b.y} width={b.width} height={b.height} rx={8} fill={colorOf(id)} />
      ))}
    </g>
  );
});

const viewOf = (s: ReactFlowState) => inView(s.transform, s.width, s.height);
const sameView = (a: Rect, b: Rect) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/** The outline of what the canvas shows (the only part that follows the view). */
function InView({ strokeWidth }: { strokeWidth: number }) {
  const v = useStore(viewOf, sameView);
  return <rect className={styles.minimapView} x={v.x} y={v.y} width={v.width} height={v.height} strokeWidth={strokeWidth} />;
}
