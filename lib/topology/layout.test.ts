import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { collapseRules } from './collapse';
import { layoutModel, toElkGraph } from './layout';
import { LayoutCache, structureKey } from './layout-cache';
import type { ViewModel } from './types';
import { modelOf, seedSnapshot } from './__fixtures__/seed';

const elk = new ELK();

describe('toElkGraph', () => {
  it('asks for a layered layout left to right, one partition per column', () => {
    const g = toElkGraph(modelOf(seedSnapshot()));
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
