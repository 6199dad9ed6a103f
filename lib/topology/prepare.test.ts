import { describe, expect, it } from 'vitest';
import { collapseRules } from './collapse';
import { structureKey } from './layout-cache';
import { toLayoutInput } from './layout-input';
import { viewOf, viewOfSliced } from './pipeline';
import { prepareLayout } from './prepare';
import { modelOf, seedSnapshot } from './__fixtures__/seed';

const noPause = () => Promise.resolve();

describe('prepareLayout', () => {
  it('builds the same structure key and worker input as the one-shot functions', async () => {
    for (const view of [modelOf(seedSnapshot()), collapseRules(modelOf(seedSnapshot()))]) {
      const prepared = await prepareLayout(view, noPause, () => true, 3);
      expect(prepared?.key).toBe(structureKey(view));
      expect(prepared?.input).toEqual(toLayoutInput(view));
    }
  });

  it('hands the thread back every `slice` nodes or edges', async () => {
    const view = modelOf(seedSnapshot());
    let pauses = 0;
    await prepareLayout(
      view,
      () => (pauses++, Promise.resolve()),
      () => true,
      4,
    );
    expect(pauses).toBe(Math.floor((view.nodes.length + view.edges.length) / 4));
  });

  it('stops when the view is no longer wanted', async () => {
    const view = modelOf(seedSnapshot());
    let pauses = 0;
    const out = await prepareLayout(
      view,
      () => (pauses++, Promise.resolve()),
      () => false,
      2,
    );
    expect(out).toBeUndefined();
    expect(pauses).toBe(1);
  });
});

describe('viewOfSliced', () => {
  it('gives the same view as viewOf for every step combination', async () => {
    const m = modelOf(seedSnapshot());
    for (const o of [
      { collapse: true },
      { namespace: 'default' },
      { focus: 'route:HTTPRoute:default/http' },
      { collapse: true, hostname: 'httpbin.aliyun.com', focus: 'service:default/httpbin' },
    ]) {
      expect(await viewOfSliced(m, o, noPause)).toEqual(viewOf(m, o));
    }
  });

  it('stops between steps when the options changed meanwhile', async () => {
    const m = modelOf(seedSnapshot());
    expect(await viewOfSliced(m, { collapse: true, focus: 'service:default/httpbin' }, noPause, () => false)).toBeUndefined();
  });
});

describe('LayoutCache.lastKnownOf (what a live update shows while it is prepared)', () => {
  it('keeps every node where it was, complete, when only health changed; incomplete when a node is new', async () => {
    const { LayoutCache } = await import('./layout-cache');
    const m = modelOf(seedSnapshot());
    const cache = new LayoutCache();
    const boxes = Object.fromEntries(m.nodes.map((n, i) => [n.id, { x: i, y: i, width: 232, height: 58 }]));
    cache.setByKey(structureKey(m), boxes);
    const healthOnly = { ...m, nodes: m.nodes.map((n) => ({ ...n, health: 'error' as const })) };
    expect(cache.lastKnownOf(healthOnly)).toEqual({ positions: boxes, complete: true });
    const grown = {
      ...m,
      nodes: [...m.nodes, { id: 'service:default/new', kind: 'service' as const, label: 'new', health: 'ok' as const }],
    };
    expect(cache.lastKnownOf(grown).complete).toBe(false);
  });
});
