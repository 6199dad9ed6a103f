/**
 * The view's nodes and edges as React Flow draws them: positions, sizes and handles known up front (nothing
 * is measured, so the first frame can be rendered on the server), health colours, the traced path and the
 * accessible name of each element.
 */
import { MarkerType, Position } from '@xyflow/react';
import type { TracePath } from '@/lib/topology/trace-path';
import type { Positions, ViewEdge, ViewModel } from '@/lib/topology/types';
import type { TopologyFlowEdge } from './topology-edge';
import type { TopologyFlowNode, TraceRole } from './topology-node';

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

function toFlowEdge(e: ViewEdge, t: TracePath | undefined): TopologyFlowEdge {
  const on = t?.edges.includes(e.id) ?? false;
  const color = on ? 'var(--accent)' : HEALTH_COLOR[e.health];
  const label = edgeLabel(e);
  const describe = `${e.kind} edge ${e.source} to ${e.target}, ${e.health}${e.reason ? `: ${e.reason}` : ''}${on ? ', on traced path' : ''}`;
  return {
    id: e.id,
    type: 'topology',
    source: e.source,
    target: e.target,
    ariaLabel: describe,
    animated: on,
    data: label ? { label, tone: e.kind === 'rejected' ? 'error' : 'muted' } : {},
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
        handles: handlesOf(box.width, box.height),
      },
    ];
  });
}

/** React Flow edges of the view, the traced path highlighted. */
export function toFlowEdges(view: ViewModel, trace?: TracePath): TopologyFlowEdge[] {
  return view.edges.map((e) => toFlowEdge(e, trace));
}

/** A rectangle in graph units. */
interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * The nodes and edges React Flow draws in `area` (graph units), by its own rule: a node whose box overlaps
 * it, an edge whose two ends' boxes span a rectangle that overlaps it (with both its ends, which React Flow
 * needs to draw it). The server-rendered first frame is built from these only: React Flow's work there grows
 * with every node and edge it is given, in view or not.
 */
export function inArea(
  nodes: TopologyFlowNode[],
  edges: TopologyFlowEdge[],
  area: Rect,
): { nodes: TopologyFlowNode[]; edges: TopologyFlowEdge[] } {
  const box = (n: TopologyFlowNode): Rect => ({ x: n.position.x, y: n.position.y, width: n.width ?? 0, height: n.height ?? 0 });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const keep = new Set(nodes.filter((n) => overlaps(box(n), area)).map((n) => n.id));
  const kept = edges.filter((e) => {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) return false;
    const a = box(s);
    const b = box(t);
    const x = Math.min(a.x, b.x);
    const y = Math.min(a.y, b.y);
    const span = {
      x,
      y,
      width: Math.max(a.x + a.width, b.x + b.width) - x,
      height: Math.max(a.y + a.height, b.y + b.height) - y,
    };
    if (!overlaps(span, area)) return false;
    keep.add(e.source).add(e.target);
    return true;
  });
  return { nodes: nodes.filter((n) => keep.has(n.id)), edges: kept };
}
