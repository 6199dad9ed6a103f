'use client';

import '@xyflow/react/dist/style.css';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type Viewport,
} from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TracePath } from '@/lib/topology/trace-path';
import type { Positions, ViewEdge, ViewModel } from '@/lib/topology/types';
import { TopologyNodeView, type TopologyFlowNode, type TraceRole } from './topology-node';
import styles from './topology.module.css';

/** Props of {@link GraphCanvas}. */
export interface GraphCanvasProps {
  view: ViewModel;
  positions: Positions;
  trace?: TracePath;
  selected?: string;
  viewport?: Viewport;
  /** False while `positions` are a first layout that a refined one will replace (the view is refitted then). */
  final?: boolean;
  onSelect(id: string | undefined): void;
  onViewport(v: Viewport): void;
}

const nodeTypes = { topology: TopologyNodeView };
const HEALTH_COLOR = { ok: '#8c959f', warning: 'var(--warn)', error: 'var(--err)' } as const;

function roleOf(id: string, t: TracePath | undefined): TraceRole {
  if (!t) return undefined;
  if (t.stop?.nodeId === id) return 'stop';
  if (t.nodes.includes(id)) return 'path';
  if (t.alternatives.includes(id)) return 'alternative';
  if (t.nearMisses.includes(id)) return 'near-miss';
  return undefined;
}

function edgeLabel(e: ViewEdge): string | undefined {
  if (e.kind === 'rejected') return e.reason?.split(':')[0];
  if (e.kind === 'backend') {
    const parts = [
      e.port ? `:${e.port}` : '',
      e.weight !== undefined && e.weight !== 1 ? `w${e.weight}` : '',
      e.referenceGrant ? 'grant' : '',
    ];
    const text = parts.filter(Boolean).join(' · ');
    return text || undefined;
  }
  return undefined;
}

function toFlowEdge(e: ViewEdge, t: TracePath | undefined): Edge {
  const on = t?.edges.includes(e.id) ?? false;
  const color = on ? 'var(--accent)' : HEALTH_COLOR[e.health];
  const label = edgeLabel(e);
  const describe = `${e.kind} edge ${e.source} to ${e.target}, ${e.health}${e.reason ? `: ${e.reason}` : ''}${on ? ', on traced path' : ''}`;
  return {
    id: e.id,
    source: e.source,
    target: e.target,
    ariaLabel: describe,
    animated: on,
    ...(label
      ? {
          label,
          labelStyle: { fill: e.kind === 'rejected' ? 'var(--err)' : 'var(--muted)', fontSize: 11 },
          labelBgStyle: { fill: 'var(--panel)' },
        }
      : {}),
    markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
    style: { stroke: color, strokeWidth: on ? 3 : 1.5, ...(e.kind === 'rejected' ? { strokeDasharray: '6 4' } : {}) },
    zIndex: on ? 1 : 0,
  };
}

/**
 * Where the node's two handles sit (as topology-node.tsx draws them: target left, source right, centred).
 * Known up front, React Flow need not mount every node once to measure them: without this it renders all
 * of a large graph on the first frame, visible or not (a second of layout for a thousand nodes).
 */
function handlesOf(width: number, height: number): NonNullable<TopologyFlowNode['handles']> {
  return [
    { type: 'target', position: Position.Left, x: 0, y: height / 2 },
    { type: 'source', position: Position.Right, x: width, y: height / 2 },
  ];
}

function Canvas(p: GraphCanvasProps) {
  const flow = useReactFlow();
  // What the view was last fitted to: nothing yet, a first layout, or the final one (then never again).
  const fitted = useRef<'none' | 'first' | 'final'>(p.viewport ? 'final' : 'none');
  const moved = useRef(false);
  const frame = useRef<HTMLDivElement>(null);
  const placed = Object.keys(p.positions).length;
  const final = p.final ?? true;
  // The minimap draws every node once more (an SVG shape each): shown once the browser is idle after the
  // first nodes are placed, so a large graph's first paint does not wait for it.
  const [mapShown, setMapShown] = useState(false);
  useEffect(() => {
    if (placed === 0 || mapShown) return;
    if (typeof window.requestIdleCallback !== 'function') {
      const t = window.setTimeout(() => setMapShown(true), MAP_DELAY_MS);
      return () => window.clearTimeout(t);
    }
    const handle = window.requestIdleCallback(() => setMapShown(true), { timeout: MAP_DELAY_MS });
    return () => window.cancelIdleCallback(handle);
  }, [placed, mapShown]);
  const nodes = useMemo<TopologyFlowNode[]>(() => {
    const dim = Boolean(p.trace && (p.trace.nodes.length > 0 || p.trace.stop));
    return p.view.nodes.flatMap((n) => {
      const box = p.positions[n.id];
      if (!box) return [];
      const trace = roleOf(n.id, p.trace);
      return [
        {
          id: n.id,
          type: 'topology' as const,
          position: { x: box.x, y: box.y },
          data: { node: n, trace, selected: p.selected === n.id, dimmed: dim && !trace },
          ariaLabel: `${n.label}, ${n.health}${n.reason ? `: ${n.reason}` : ''}`,
          draggable: false,
          connectable: false,
          width: box.width,
          height: box.height,
          handles: handlesOf(box.width, box.height),
        },
      ];
    });
  }, [p.view, p.positions, p.trace, p.selected]);
  const edges = useMemo(() => p.view.edges.map((e) => toFlowEdge(e, p.trace)), [p.view, p.trace]);

  useEffect(() => {
    // Without a viewport in the URL, fit the first layout into view once; never so small that the
    // labels cannot be read (then start at the client's end, on the left, and let the reader pan).
    // A first (column) layout is refitted once when the refined one lands, unless the reader moved meanwhile.
    const box = frame.current?.getBoundingClientRect();
    const stage = final ? 'final' : 'first';
    if (fitted.current === 'final' || fitted.current === stage || moved.current || placed === 0 || !box) return;
    const refit = fitted.current === 'first';
    fitted.current = stage;
    void flow.setViewport(initialViewport(p.positions, box.width, box.height), { duration: refit ? 240 : 0 });
    // Only the first layout decides; later layouts keep whatever the reader did.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [flow, placed, final]);

  return (
    <div
      ref={frame}
      style={{ width: '100%', height: '100%' }}
      className={nodes.length <= SETTLE_LIMIT ? styles.settling : undefined}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        {...(p.viewport ? { defaultViewport: p.viewport } : {})}
        minZoom={0.05}
        maxZoom={2.5}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        onlyRenderVisibleElements={nodes.length > 300}
        onNodeClick={(_, n) => p.onSelect(n.id)}
        onPaneClick={() => p.onSelect(undefined)}
        // Only moves the reader made (programmatic ones have no event) go into the URL.
        onMoveEnd={(e, v) => {
          if (!e) return;
          moved.current = true;
          p.onViewport(v);
        }}
        proOptions={{ hideAttribution: true }}
        aria-label="Topology graph"
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} />
        {mapShown && nodes.length <= 2000 ? (
          <MiniMap
            pannable
            zoomable
            className={styles.minimap}
            style={{ width: 160, height: 100 }}
            nodeColor={(n) => miniColor(n as TopologyFlowNode)}
          />
        ) : null}
      </ReactFlow>
    </div>
  );
}

/** Longest wait for an idle moment before the minimap is drawn anyway. */
const MAP_DELAY_MS = 1_000;

/** Graphs up to ELK's size animate into a new layout; larger ones would pay for a transition per node. */
const SETTLE_LIMIT = 300;
const MIN_READABLE_ZOOM = 0.6;
const PAD = 24;

/** Fits the graph, but no smaller than readable: then anchored top-left (where clients enter). */
function initialViewport(pos: Positions, width: number, height: number): Viewport {
  const boxes = Object.values(pos);
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const w = Math.max(...boxes.map((b) => b.x + b.width)) - minX;
  const h = Math.max(...boxes.map((b) => b.y + b.height)) - minY;
  const zoom = Math.min(1.1, Math.max(MIN_READABLE_ZOOM, Math.min((width - 2 * PAD) / w, (height - 2 * PAD) / h)));
  const x = w * zoom < width - 2 * PAD ? (width - w * zoom) / 2 - minX * zoom : PAD - minX * zoom;
  const y = h * zoom < height - 2 * PAD ? (height - h * zoom) / 2 - minY * zoom : PAD - minY * zoom;
  return { x, y, zoom };
}

function miniColor(n: TopologyFlowNode): string {
  if (n.data.trace === 'path') return '#0b63ce';
  return { ok: '#9fb4c8', warning: '#d4a72c', error: '#cf222e' }[n.data.node.health];
}

/** The React Flow canvas of the topology (client only; loaded with next/dynamic by the page). */
export function GraphCanvas(p: GraphCanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...p} />
    </ReactFlowProvider>
  );
}
