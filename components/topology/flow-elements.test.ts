import { describe, expect, it } from 'vitest';
import type { ViewModel } from '@/lib/topology/types';
import { inArea, toFlowEdges, toFlowNodes } from './flow-elements';

const node = (id: string) => ({ id, kind: 'service' as const, label: id, health: 'ok' as const });
const box = (x: number, y: number) => ({ x, y, width: 100, height: 50 });

describe('inArea', () => {
  // a and b in the area; c far below it; d and e far to the right, joined by an edge that crosses nothing.
  const view: ViewModel = {
    nodes: ['a', 'b', 'c', 'd', 'e'].map(node),
    edges: [
      { id: 'a-b', source: 'a', target: 'b', kind: 'backend', health: 'ok' },
      { id: 'a-c', source: 'a', target: 'c', kind: 'backend', health: 'ok' },
      { id: 'd-e', source: 'd', target: 'e', kind: 'backend', health: 'ok' },
    ],
  } as unknown as ViewModel;
  const positions = { a: box(0, 0), b: box(200, 0), c: box(200, 5000), d: box(5000, 0), e: box(5200, 0) };
  const nodes = toFlowNodes(view, positions);
  const edges = toFlowEdges(view);

  it('keeps what React Flow would draw there: nodes in it, edges across it, and the far ends of those edges', () => {
    const shown = inArea(nodes, edges, { x: 0, y: 0, width: 400, height: 300 });
    expect(shown.edges.map((e) => e.id)).toEqual(['a-b', 'a-c']);
    // c is out of view, but the edge a → c is drawn into it, and React Flow needs both ends to draw an edge.
    expect(shown.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps an edge that only passes through the area', () => {
    const shown = inArea(nodes, edges, { x: 250, y: 2000, width: 50, height: 50 });
    expect(shown.edges.map((e) => e.id)).toEqual(['a-c']);
    expect(shown.nodes.map((n) => n.id)).toEqual(['a', 'c']);
  });
});
