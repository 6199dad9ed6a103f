'use client';

import '@xyflow/react/dist/style.css';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type Viewport,
} from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
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
  const describe = `${e.kind} edge ${e.source} to ${e.target}, ${e.health}${e.reason ? `: ${e.reason}` : ''}`;
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

function Canvas(p: GraphCanvasProps) {
  const flow = useReactFlow();
  const fitted = useRef(Boolean(p.viewport));
  const placed = Object.keys(p.positions).length;
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
        },
      ];
    });
  }, [p.view, p.positions, p.trace, p.selected]);
  const edges = useMemo(() => p.view.edges.map((e) => toFlowEdge(e, p.trace)), [p.view, p.trace]);

  useEffect(() => {
    // Without a viewport in the URL, fit the first layout into view once.
    if (fitted.current || placed === 0) return;
    fitted.current = true;
    requestAnimationFrame(() => void flow.fitView({ padding: 0.08, maxZoom: 1.2 }));
  }, [flow, placed]);

  return (
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
      onMoveEnd={(_, v) => p.onViewport(v)}
      proOptions={{ hideAttribution: true }}
      aria-label="Topology graph"
    >
      <Background gap={24} size={1} />
      <Controls showInteractive={false} />
      {nodes.length <= 2000 ? (
        <MiniMap pannable zoomable className={styles.minimap} nodeColor={(n) => miniColor(n as TopologyFlowNode)} />
      ) : null}
    </ReactFlow>
  );
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
