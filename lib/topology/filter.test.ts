import { describe, expect, it } from 'vitest';
import { filterModel, servesHost } from './filter';
import { addUnattached } from './unattached';
import { modelOf, seedSnapshot } from './__fixtures__/seed';

const extra = `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: shop, namespace: shop }
spec:
  parentRefs: [{ name: gateway, namespace: istio-system }]
  hostnames: [shop.aliyun.com]
  rules: [{ matches: [{ path: { type: PathPrefix, value: /cart } }], backendRefs: [{ name: cart, port: 80 }] }]
---
apiVersion: v1
kind: Service
metadata: { name: cart, namespace: shop }
spec: { ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Namespace
metadata: { name: shop }
`;
const model = () => {
  const s = seedSnapshot(extra);
  return addUnattached(modelOf(s), s);
};
const ids = (m: { nodes: Array<{ id: string }> }) => m.nodes.map((n) => n.id);

describe('servesHost (HTTPRouteSpec.hostnames intersection)', () => {
  it('matches exact names, wildcards on either side, and "any host"', () => {
    expect(servesHost(['*.aliyun.com'], 'httpbin.aliyun.com')).toBe(true);
    expect(servesHost(['httpbin.aliyun.com'], '*.aliyun.com')).toBe(true);
    expect(servesHost(['*'], 'anything.example')).toBe(true);
    // A wildcard does not cover its own suffix (spec: *.example.com does not match example.com).
    expect(servesHost(['*.aliyun.com'], 'aliyun.com')).toBe(false);
    expect(servesHost(['foo.example.com'], 'httpbin.aliyun.com')).toBe(false);
  });
});

describe('filterModel', () => {
  it('returns the model itself without filters', () => {
    const m = model();
    expect(filterModel(m, {})).toBe(m);
  });

  it('by namespace keeps that namespace’s objects with the paths through them', () => {
    const out = filterModel(model(), { namespace: 'shop' });
    expect(ids(out)).toContain('route:HTTPRoute:shop/shop');
    expect(ids(out)).toContain('service:shop/cart');
    // Upstream of the route: its listener, Gateway and entry point stay, so the path reads end to end.
    expect(ids(out)).toContain('listener:istio-system/gateway#default');
    expect(ids(out)).toContain('gateway:istio-system/gateway');
    expect(out.nodes.some((n) => n.kind === 'entry')).toBe(true);
    // Sibling routes of that listener in other namespaces do not.
    expect(ids(out)).not.toContain('route:HTTPRoute:default/http');
    expect(ids(out)).not.toContain('gateway:istio-system/gateway-https');
    for (const e of out.edges) expect(ids(out)).toEqual(expect.arrayContaining([e.source, e.target]));
  });

  it('by Gateway keeps that Gateway and everything downstream of it only', () => {
    const out = filterModel(model(), { gateway: 'istio-system/gateway-https' });
    expect(ids(out)).toContain('listener:istio-system/gateway-https#https');
    expect(ids(out)).toContain('route:HTTPRoute:default/httpbin-https');
    expect(ids(out)).toContain('service:default/httpbin');
    expect(ids(out)).not.toContain('gateway:istio-system/gateway');
    expect(ids(out)).not.toContain('route:HTTPRoute:shop/shop');
    expect(filterModel(model(), { gateway: 'nope/none' }).nodes).toEqual([]);
  });

  it('by hostname keeps listeners and routes that serve the host, not other routes of a wildcard listener', () => {
    const out = filterModel(model(), { hostname: 'shop.aliyun.com' });
    expect(ids(out)).toContain('route:HTTPRoute:shop/shop');
    // *.aliyun.com routes serve shop.aliyun.com too (wildcard covers it).
    expect(ids(out)).toContain('route:HTTPRoute:default/http');
    const narrow = filterModel(model(), { hostname: 'www.example.org' });
    expect(narrow.nodes.filter((n) => n.kind === 'route')).toEqual([]);
  });

  it('by text matches labels and reasons, case-insensitively, and ANDs with the namespace', () => {
    expect(ids(filterModel(model(), { text: 'CART' }))).toContain('service:shop/cart');
    expect(ids(filterModel(model(), { text: 'cart', namespace: 'default' }))).toEqual([]);
    expect(ids(filterModel(model(), { text: '/status' }))).toContain('route:HTTPRoute:default/httpbin-https');
  });
});
