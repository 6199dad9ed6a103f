import { describe, expect, it } from 'vitest';
import { collapseRules } from './collapse';
import { modelOf, seedSnapshot } from './__fixtures__/seed';

const allGone = `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: dead, namespace: default }
spec:
  parentRefs: [{ name: gateway, namespace: istio-system }]
  hostnames: [dead.aliyun.com]
  rules:
  - backendRefs: [{ name: httpbin, port: 8000 }]
  - matches: [{ path: { type: Exact, value: /x } }]
    backendRefs: [{ name: gone, port: 80 }]
`;
const twoRules = `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: split, namespace: default }
spec:
  parentRefs: [{ name: gateway, namespace: istio-system }]
  rules:
  - matches: [{ path: { type: PathPrefix, value: /a } }]
    backendRefs: [{ name: httpbin, port: 8000, weight: 3 }]
  - matches: [{ path: { type: Exact, value: /b } }]
    backendRefs: [{ name: httpbin, port: 8000, weight: 1 }, { name: gone, port: 80 }]
`;

describe('collapseRules', () => {
  it('removes rule nodes and routes go straight to their backends', () => {
    const out = collapseRules(modelOf(seedSnapshot()));
    expect(out.nodes.some((n) => n.kind === 'rule')).toBe(false);
    const e = out.edges.find((x) => x.source === 'route:HTTPRoute:default/http' && x.target === 'service:default/httpbin');
    expect(e).toMatchObject({ kind: 'backend', port: 8000, weight: 1, via: ['rule:HTTPRoute:default/http#0'] });
    expect(out.nodes.find((n) => n.id === 'route:HTTPRoute:default/http')?.rules).toEqual(['PathPrefix /get']);
  });

  it('merges edges to the same backend (weights summed) and carries the worst rule health to the route', () => {
    const out = collapseRules(modelOf(seedSnapshot(twoRules)));
    const route = out.nodes.find((n) => n.id === 'route:HTTPRoute:default/split');
    expect(route?.rules).toEqual(['PathPrefix /a', 'Exact /b']);
    // Rule 2's "gone" backend does not exist: part of its traffic gets 500, so the route is degraded.
    expect(route?.health).toBe('warning');
    expect(route?.reason).toContain('BackendNotFound');
    const toHttpbin = out.edges.find((x) => x.source === route?.id && x.target === 'service:default/httpbin');
    expect(toHttpbin).toMatchObject({ weight: 4 });
    expect(toHttpbin?.via).toHaveLength(2);
    expect(out.edges.find((x) => x.source === route?.id && x.target === 'missing:Service:default/gone')?.health).toBe('error');
  });

  it('a rule whose every backend is invalid makes the route an error, naming the rule', () => {
    const out = collapseRules(modelOf(seedSnapshot(allGone)));
    const route = out.nodes.find((n) => n.id === 'route:HTTPRoute:default/dead');
    expect(route?.health).toBe('error');
    expect(route?.reason).toBe('Exact /x: every backend is invalid: requests get HTTP 500');
  });

  it('keeps every edge endpoint a node of the result', () => {
    const out = collapseRules(modelOf(seedSnapshot(twoRules)));
    const ids = new Set(out.nodes.map((n) => n.id));
    for (const e of out.edges) {
      expect(ids.has(e.source)).toBe(true);
      expect(ids.has(e.target)).toBe(true);
    }
  });
});
