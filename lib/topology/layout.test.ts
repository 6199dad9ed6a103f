import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { collapseRules } from './collapse';
import { columnLayout } from './column-layout';
import { ELK_NODE_LIMIT, layoutModel, toElkGraph } from './layout';
import { positionsOf, toLayoutInput } from './layout-input';
import { LayoutCache, structureKey } from './layout-cache';
import type { ViewModel } from './types';
import { modelOf, seedSnapshot } from './__fixtures__/seed';

const elk = new ELK();

describe('toElkGraph', () => {
  it('asks for a layered layout left to right, one partition per column', () => {
    const g = toElkGraph(toLayoutInput(modelOf(seedSnapshot())));
    expect(g.layoutOptions?.['elk.algorithm']).toBe('layered');
    expect(g.layoutOptions?.['elk.direction']).toBe('RIGHT');
    const part = (id: string) => g.children?.find((c) => c.id === id)?.layoutOptions?.['elk.partitioning.partition'];
    expect(part('gateway:istio-system/gateway')).toBe('1');
    expect(part('service:default/httpbin')).toBe('5');
    expect(g.edges).toHaveLength(modelOf(seedSnapshot()).edges.length);
  });
});

describe('layoutModel (real elkjs)', () => {
  it('places every column to the right of the previous one, nodes not overlapping', async () => {
    const m = modelOf(seedSnapshot());
    const pos = await layoutModel(m, elk);
    const x = (kind: string) => Math.min(...m.nodes.filter((n) => n.kind === kind).map((n) => pos[n.id]?.x ?? NaN));
    const order = ['entry', 'gateway', 'listener', 'route', 'rule', 'service'].map(x);
    for (let i = 1; i < order.length; i++) expect(order[i]).toBeGreaterThan(order[i - 1] as number);
    const boxes = Object.values(pos);
    for (const a of boxes)
      for (const b of boxes)
        if (a !== b)
          expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
  });

  it('gives the same positions for the same model', async () => {
    const m = modelOf(seedSnapshot());
    expect(await layoutModel(m, elk)).toEqual(await layoutModel(m, elk));
    expect(await layoutModel({ nodes: [], edges: [] }, elk)).toEqual({});
  });
});

/** A model of `gateways` Gateways with `routes` routes each, all to one shared Service per Gateway. */
function wide(gateways: number, routes: number): ViewModel {
  const nodes: ViewModel['nodes'] = [];
  const edges: ViewModel['edges'] = [];
  for (let g = 0; g < gateways; g++) {
    const gw = `gateway:ns/g${g}`;
    const l = `listener:ns/g${g}#http`;
    const svc = `service:ns/s${g}`;
    nodes.push(
      { id: gw, kind: 'gateway', label: gw, health: 'ok' },
      { id: l, kind: 'listener', label: l, health: 'ok' },
      { id: svc, kind: 'service', label: svc, health: 'ok' },
    );
    edges.push({ id: `c${g}`, source: gw, target: l, kind: 'contains', health: 'ok' });
    for (let r = 0; r < routes; r++) {
      const rt = `route:HTTPRoute:ns/g${g}r${r}`;
      nodes.push({ id: rt, kind: 'route', label: rt, health: 'ok' });
      edges.push(
        { id: `a${g}.${r}`, source: l, target: rt, kind: 'attachment', health: 'ok' },
        { id: `b${g}.${r}`, source: rt, target: svc, kind: 'backend', health: 'ok' },
      );
    }
  }
  return { nodes, edges };
}

describe('columnLayout (large graphs)', () => {
  it('keeps columns left to right, never overlaps nodes, and stacks connected parts', () => {
    const m = wide(30, 12);
    expect(m.nodes.length).toBeGreaterThan(ELK_NODE_LIMIT);
    const input = toLayoutInput(m);
    const pos = positionsOf(input.ids, columnLayout(input));
    const x = (id: string) => pos[id]?.x ?? NaN;
    expect(x('gateway:ns/g0')).toBeLessThan(x('listener:ns/g0#http'));
    expect(x('listener:ns/g0#http')).toBeLessThan(x('route:HTTPRoute:ns/g0r0'));
    expect(x('route:HTTPRoute:ns/g0r0')).toBeLessThan(x('service:ns/s0'));
    const byColumn = new Map<number, Array<{ y: number; h: number }>>();
    for (const b of Object.values(pos)) byColumn.set(b.x, [...(byColumn.get(b.x) ?? []), { y: b.y, h: b.height }]);
    for (const col of byColumn.values()) {
      col.sort((a, b) => a.y - b.y);
      for (let i = 1; i < col.length; i++) expect(col[i]!.y).toBeGreaterThanOrEqual(col[i - 1]!.y + col[i - 1]!.h);
    }
    // Gateway 1's part starts below everything of Gateway 0's part.
    const g0Bottom = Math.max(
      ...Object.entries(pos)
        .filter(([id]) => /g0(r|#|$)|s0$/.test(id))
        .map(([, b]) => b.y + b.height),
    );
    expect(pos['gateway:ns/g1']!.y).toBeGreaterThan(g0Bottom);
  });

  it('centres a node on its parents (a Service sits level with the routes that feed it)', () => {
    const input = toLayoutInput(wide(1, 5));
    const pos = positionsOf(input.ids, columnLayout(input));
    const routes = Object.entries(pos)
      .filter(([id]) => id.startsWith('route:'))
      .map(([, b]) => b.y + b.height / 2);
    const mid = (Math.min(...routes) + Math.max(...routes)) / 2;
    expect(Math.abs(pos['service:ns/s0']!.y + pos['service:ns/s0']!.height / 2 - mid)).toBeLessThan(1);
  });

  it('is chosen above the ELK limit, and lays out 8,000 nodes in well under a second', async () => {
    const m = wide(400, 18);
    // CPU time, not wall time: on a shared machine the wall clock also counts the time spent waiting for a CPU.
    const t = process.cpuUsage();
    const pos = await layoutModel(m, { layout: () => Promise.reject(new Error('ELK must not run for large graphs')) });
    const used = process.cpuUsage(t);
    expect((used.user + used.system) / 1_000).toBeLessThan(1_000);
    expect(Object.keys(pos)).toHaveLength(m.nodes.length);
  });
});

describe('LayoutCache', () => {
  const healthChange = (m: ViewModel): ViewModel => ({
    nodes: m.nodes.map((n) => (n.kind === 'service' ? { ...n, health: 'warning' as const, reason: 'no ready endpoints' } : n)),
    edges: m.edges.map((e) => (e.kind === 'backend' ? { ...e, health: 'warning' as const } : e)),
  });

  it('reuses positions when only health or reasons change (no jump on live updates)', async () => {
    const m = modelOf(seedSnapshot());
    const cache = new LayoutCache();
    const pos = await layoutModel(m, elk);
    cache.set(m, pos);
    expect(structureKey(healthChange(m))).toBe(structureKey(m));
    expect(cache.get(healthChange(m))).toBe(pos);
  });

  it('asks for a new layout when the structure changes, keeping known nodes where they were meanwhile', async () => {
    const m = modelOf(seedSnapshot());
    const cache = new LayoutCache();
    const pos = await layoutModel(m, elk);
    cache.set(m, pos);
    const grown = modelOf(
      seedSnapshot(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: extra, namespace: default }
spec:
  parentRefs: [{ name: gateway, namespace: istio-system }]
  rules: [{ backendRefs: [{ name: httpbin, port: 8000 }] }]
`),
    );
    expect(structureKey(grown)).not.toBe(structureKey(m));
    expect(cache.get(grown)).toBeUndefined();
    const provisional = cache.provisional(grown);
    expect(provisional['gateway:istio-system/gateway']).toEqual(pos['gateway:istio-system/gateway']);
    expect(provisional['route:HTTPRoute:default/extra']).toBeUndefined();
  });

  it('tells collapsed and expanded views apart, and forgets the oldest beyond its limit', async () => {
    const m = modelOf(seedSnapshot());
    const c = collapseRules(m);
    expect(structureKey(c)).not.toBe(structureKey(m));
    const cache = new LayoutCache(1);
    cache.set(m, await layoutModel(m, elk));
    cache.set(c, await layoutModel(c, elk));
    expect(cache.get(m)).toBeUndefined();
    expect(cache.get(c)).toBeDefined();
  });
});
