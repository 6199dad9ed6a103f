import { describe, expect, it } from 'vitest';
import { filterModel } from './filter';
import { scopeKey, scopeModel, scopeOptions } from './scope';
import { modelOf, seedSnapshot } from './__fixtures__/seed';

/** `n` Gateways on the seed's ingress gateway, each with one HTTP listener and one route to httpbin; `broken` routes to a missing Service. */
function fleet(n: number, broken: number[] = []): string[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `gw-${String(i).padStart(2, '0')}`;
    const backend = broken.includes(i) ? 'gone' : 'httpbin';
    return `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: ${name}, namespace: istio-system }
spec:
  addresses: [{ type: Hostname, value: istio-ingressgateway.istio-system.svc.cluster.local }]
  gatewayClassName: istio
  listeners: [{ name: web, hostname: 'h${i}.example.com', port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: All } } }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r-${name}, namespace: default }
spec:
  parentRefs: [{ name: ${name}, namespace: istio-system }]
  hostnames: ['h${i}.example.com']
  rules: [{ backendRefs: [{ name: ${backend}, port: 8000 }] }]
`;
  });
}

describe('scopeModel', () => {
  it('sends a model under the limit whole, for the browser to filter', () => {
    const model = modelOf(seedSnapshot(...fleet(3)));
    const out = scopeModel(model, { namespace: 'default', collapse: true });
    expect(out.scope).toEqual({ mode: 'whole' });
    expect(out.model).toBe(model);
  });

  it('applies the filters on the server above the limit, with the same result the browser would compute', () => {
    const model = modelOf(seedSnapshot(...fleet(6)));
    const o = { gateway: 'istio-system/gw-03', collapse: false };
    const out = scopeModel(model, o, { scopeLimit: 10, cap: 1_000 });
    expect(out.model).toEqual(filterModel(model, o));
    expect(out.scope).toMatchObject({
      mode: 'server',
      key: 'gw=istio-system%2Fgw-03',
      omittedNodes: 0,
      gateways: 1,
      shownGateways: 1,
    });
  });

  it('caps a large view by whole Gateways, broken ones first, and counts what it left out', () => {
    const model = modelOf(seedSnapshot(...fleet(12, [7])));
    const out = scopeModel(model, { collapse: false }, { scopeLimit: 10, cap: 25 });
    const gateways = out.model.nodes.filter((n) => n.kind === 'gateway').map((n) => n.id);
    // The Gateway whose route sends to a missing Service is a problem a reviewer must see: it comes first.
    expect(gateways).toContain('gateway:istio-system/gw-07');
    expect(out.model.nodes.length).toBeLessThanOrEqual(25);
    expect(out.scope).toMatchObject({ mode: 'server', totalNodes: model.nodes.length, shownGateways: gateways.length });
    if (out.scope.mode !== 'server') throw new Error('expected a server scope');
    expect(out.scope.gateways).toBeGreaterThan(gateways.length);
    expect(out.scope.omittedNodes).toBe(model.nodes.length - out.model.nodes.length);
    // Every kept Gateway keeps its whole path: listener, entry point, route, rule and backend.
    const ids = new Set(out.model.nodes.map((n) => n.id));
    expect(ids.has('route:HTTPRoute:default/r-gw-07')).toBe(true);
    expect(out.model.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    expect(out.model.nodes.some((n) => n.kind === 'entry')).toBe(true);
  });

  it('always keeps at least one Gateway, even when its paths alone exceed the cap', () => {
    const model = modelOf(seedSnapshot(...fleet(4)));
    const out = scopeModel(model, { collapse: false }, { scopeLimit: 10, cap: 2 });
    expect(out.model.nodes.filter((n) => n.kind === 'gateway')).toHaveLength(1);
  });
});

describe('scopeKey / scopeOptions', () => {
  it('round-trips the options the server applies and leaves empty ones out', () => {
    const o = {
      namespace: 'team-a',
      gateway: 'istio-system/gw',
      hostname: 'a.example.com',
      text: 'pay',
      collapse: true,
      focus: 'x',
    };
    expect(scopeOptions(new URLSearchParams(scopeKey(o)))).toEqual(o);
    expect(scopeKey({ collapse: false, text: '  ' })).toBe('');
  });
});
