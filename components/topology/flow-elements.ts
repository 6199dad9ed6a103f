/**
 * The view's nodes and edges as the canvas draws them: positions and sizes known up front (nothing is measured, so
 * the first frame can be rendered on the server), edge curves, health colours, the traced path and the accessible
 * name of each element.
 */
import { edgeCurve, type EdgeCurve } from '@/lib/topology/edge-curve';
import type { TracePath } from '@/lib/topology/trace-path';
import type { Positions, ViewEdge, ViewModel } from '@/lib/topology/types';
import type { Rect } from './render-window';
import type { TopologyFlowNode, TraceRole } from './topology-node';

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

/** An edge as the edge layer draws it (canvas-layers.tsx): its curve, look and accessible description. */
export interface DrawnEdge extends EdgeCurve {
  id: string;
  /** Colour of the line and its arrow. */
  tone: EdgeTone;
  /** On the traced path: drawn thicker, animated and above the others. */
  on: boolean;
  dashed: boolean;
  label?: string;
  labelTone: 'muted' | 'error';
  ariaLabel: string;
}

/** The colours an edge is drawn in. */
export type EdgeTone = 'ok' | 'warning' | 'error' | 'traced';

/** The placed view edges as the edge layer draws them, those on the traced path last (on top). */
export function toDrawnEdges(view: ViewModel, positions: Positions, t?: TracePath): DrawnEdge[] {
  const drawn = view.edges.flatMap((e): DrawnEdge[] => {
    const s = positions[e.source];
    const d = positions[e.target];
    if (!s || !d) return [];
    const on = t?.edges.includes(e.id) ?? false;
    const label = edgeLabel(e);
    return [
      {
        id: e.id,
        ...edgeCurve(s, d),
        tone: on ? 'traced' : e.health,
        on,
        dashed: e.kind === 'rejected',
        ...(label ? { label } : {}),
        labelTone: e.kind === 'rejected' ? 'error' : 'muted',
        ariaLabel: `${e.kind} edge ${e.source} to ${e.target}, ${e.health}${e.reason ? `: ${e.reason}` : ''}${on ? ', on traced path' : ''}`,
      },
    ];
  });
  return [...drawn.filter((e) => !e.on), ...drawn.filter((e) => e.on)];
}

/** React Flow nodes of the placed view nodes (a node without a box yet is left out). */
export function toFlowNodes(view: ViewModel, positions: Positions, trace?: TracePath, selected?: string): TopologyFlowNode[] {
  const dim = Boolean(trace && (trace.nodes.length > 0 || trace.stop));
  return view.nodes.flatMap((n) => {
    const box = positions[n.id];
    if (!box) return [];
    const role = roleOf(n.id, trace);
    return [
      {
        id: n.id,
        type: 'topology' as const,
        position: { x: box.x, y: box.y },
        data: { node: n, trace: role, selected: selected === n.id, dimmed: dim && !role },
        ariaLabel: `${n.label}, ${n.health}${n.reason ? `: ${n.reason}` : ''}`,
        draggable: false,
        connectable: false,
        width: box.width,
        height: box.height,
      },
    ];
  });
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

/** The nodes drawn in `area` (graph units): those whose box overlaps it. */
export function nodesIn(nodes: TopologyFlowNode[], area: Rect): TopologyFlowNode[] {
  return nodes.filter((n) => overlaps({ ...n.position, width: n.width ?? 0, height: n.height ?? 0 }, area));
}

/** The edges drawn in `area`: those whose curve may cross it (the rectangle its ends span overlaps it). */
export function edgesIn(edges: DrawnEdge[], area: Rect): DrawnEdge[] {
  return edges.filter((e) => overlaps(e.box, area));
}

/**
 * The nodes and edges drawn in `area`. A large graph is drawn a window at a time (render-window.ts), and its
 * server-rendered first frame is what the first viewport shows.
 */
export function inArea(
  nodes: TopologyFlowNode[],
  edges: DrawnEdge[],
  area: Rect,
): { nodes: TopologyFlowNode[]; edges: DrawnEdge[] } {
  return { nodes: nodesIn(nodes, area), edges: edgesIn(edges, area) };
}
