import { describe, expect, it } from 'vitest';
import type { TracePath } from '@/lib/topology/trace-path';
import type { ViewModel } from '@/lib/topology/types';
import { inArea, toDrawnEdges, toFlowNodes } from './flow-elements';

const node = (id: string) => ({ id, kind: 'service' as const, label: id, health: 'ok' as const });
const box = (x: number, y: number) => ({ x, y, width: 100, height: 50 });

// a and b side by side; c far below; d and e far to the right, joined by an edge that crosses nothing else.
const view: ViewModel = {
  nodes: ['a', 'b', 'c', 'd', 'e'].map(node),
  edges: [
    { id: 'a-b', source: 'a', target: 'b', kind: 'backend', health: 'ok', port: 8000 },
    { id: 'a-c', source: 'a', target: 'c', kind: 'rejected', health: 'error', reason: 'NotAllowedByListeners: no' },
    { id: 'd-e', source: 'd', target: 'e', kind: 'backend', health: 'ok' },
    { id: 'a-x', source: 'a', target: 'x', kind: 'backend', health: 'ok' },
  ],
} as unknown as ViewModel;
const positions = { a: box(0, 0), b: box(200, 0), c: box(200, 5000), d: box(5000, 0), e: box(5200, 0) };

describe('toDrawnEdges', () => {
  it('draws each placed edge from its source to its target, described for a screen reader', () => {
    const edges = toDrawnEdges(view, positions);
    // a-x has no placed target: not drawn.
    expect(edges.map((e) => e.id)).toEqual(['a-b', 'a-c', 'd-e']);
    const ab = edges[0]!;
    expect(ab.d.startsWith('M100,25 ')).toBe(true);
    expect(ab.d.endsWith(' 200,25')).toBe(true);
    expect(ab).toMatchObject({ tone: 'ok', dashed: false, on: false, label: ':8000', ariaLabel: 'backend edge a to b, ok' });
    const ac = edges[1]!;
    expect(ac).toMatchObject({ tone: 'error', dashed: true, label: 'NotAllowedByListeners', labelTone: 'error' });
    expect(ac.ariaLabel).toBe('rejected edge a to c, error: NotAllowedByListeners: no');
  });

  it('draws the traced path in its own tone, last (on top of the others)', () => {
    const trace = { nodes: ['a', 'b'], edges: ['a-b'], alternatives: [], nearMisses: [] } as unknown as TracePath;
    const edges = toDrawnEdges(view, positions, trace);
    expect(edges.map((e) => e.id)).toEqual(['a-c', 'd-e', 'a-b']);
    expect(edges[2]).toMatchObject({ tone: 'traced', on: true, ariaLabel: 'backend edge a to b, ok, on traced path' });
  });
});

describe('inArea', () => {
  const nodes = toFlowNodes(view, positions);
  const edges = toDrawnEdges(view, positions);

  it('keeps the nodes in the area and the edges that may cross it', () => {
    const shown = inArea(nodes, edges, { x: 0, y: 0, width: 400, height: 300 });
    expect(shown.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(shown.edges.map((e) => e.id)).toEqual(['a-b', 'a-c']);
  });

  it('keeps an edge that only passes through the area, without its ends', () => {
    const shown = inArea(nodes, edges, { x: 120, y: 2000, width: 50, height: 50 });
    expect(shown.nodes).toEqual([]);
    expect(shown.edges.map((e) => e.id)).toEqual(['a-c']);
  });
});
