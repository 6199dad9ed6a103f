import { describe, expect, it } from 'vitest';
import { focusOn } from './focus';
import { modelOf, seedSnapshot } from './__fixtures__/seed';

describe('focusOn', () => {
  it('keeps a route with everything upstream and downstream of it, and nothing beside it', () => {
    const out = focusOn(modelOf(seedSnapshot()), 'route:HTTPRoute:default/http');
    expect(out.nodes.map((n) => n.kind).sort()).toEqual(['entry', 'gateway', 'listener', 'route', 'rule', 'service']);
    expect(out.nodes.some((n) => n.id.includes('gateway-https'))).toBe(false);
    expect(out.edges.map((e) => e.kind).sort()).toEqual(['attachment', 'backend', 'contains', 'entry', 'rule']);
  });

  it('focusing a shared Service shows every path that reaches it', () => {
    const out = focusOn(modelOf(seedSnapshot()), 'service:default/httpbin');
    expect(out.nodes.filter((n) => n.kind === 'route').map((n) => n.id)).toEqual([
      'route:HTTPRoute:default/http',
      'route:HTTPRoute:default/httpbin-https',
    ]);
  });

  it('is the whole model without a focus and empty for a node that no longer exists', () => {
    const m = modelOf(seedSnapshot());
    expect(focusOn(m, undefined)).toBe(m);
    expect(focusOn(m, 'route:HTTPRoute:default/deleted')).toEqual({ nodes: [], edges: [] });
  });
});
