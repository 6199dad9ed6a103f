/**
 * The traffic comparison: Istio's first-match-in-order semantics against the Gateway API
 * engine's decision for the generated routes, on sample requests from the VirtualService matches.
 */
import { describe, expect, it } from 'vitest';
import { compareTraffic, migrate, previewEngine, previewVerdicts, renderYaml } from './index';
import { parseIstioYaml } from './parse';
import { fixture, SERVICES, V1_1 } from './test-support';
import type { IstioObject } from './types';

function compare(objects: IstioObject[]) {
  const r = migrate(objects, V1_1, SERVICES);
  return compareTraffic(objects, previewEngine(r.objects, SERVICES, 'istio'), SERVICES);
}

describe('traffic comparison', () => {
  it('bookinfo: every listed path goes to productpage on both sides, except the prefix edge Istio also matches', () => {
    const c = compare(fixture('bookinfo.yaml').filter((o) => o.metadata.name !== 'reviews' || o.kind === 'DestinationRule'));
    const byPath = new Map(c.samples.map((s) => [s.request.path, s]));
    for (const p of ['/productpage', '/static', '/static/a', '/login', '/logout', '/api/v1/products']) {
      expect(byPath.get(p)?.istio.backends).toEqual({ 'default/productpage': 1 });
      expect(byPath.get(p)?.same).toBe(true);
    }
    // Istio's prefix /static matches /staticx; Gateway API's PathPrefix does not: reported, not hidden.
    expect(byPath.get('/staticx')).toMatchObject({ same: false, istio: { kind: 'forward' }, gatewayApi: { kind: 'none' } });
    expect(c.differences).toBe(c.samples.filter((s) => !s.same).length);
    expect(c.differences).toBe(2); // /staticx and /api/v1/productsx
  });

  it('reviews: the header match and the 80/20 split agree (subsets become per-version Services on both sides)', () => {
    const c = compare(fixture('bookinfo.yaml'));
    const reviews = c.samples.filter((s) => s.request.host === 'reviews.bookinfo.example.com');
    const jason = reviews.find((s) => s.request.headers['end-user'] === 'jason');
    expect(jason).toMatchObject({ same: true, gatewayApi: { backends: { 'default/reviews-v2': 1 } } });
    const anyone = reviews.find((s) => s.request.headers['end-user'] === undefined);
    expect(anyone?.same).toBe(true);
    expect(anyone?.gatewayApi.backends).toEqual({ 'default/reviews-v1': 0.8, 'default/reviews-v3': 0.2 });
  });

  it('order matters in Istio, specificity in Gateway API: a later exact match is shadowed in Istio only', () => {
    const objects = parseIstioYaml(`apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw}
spec: {selector: {istio: ingressgateway}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [a.example.com]}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs}
spec:
  hosts: [a.example.com]
  gateways: [gw]
  http:
  - match: [{uri: {prefix: /}}]
    route: [{destination: {host: httpbin, port: {number: 8000}}}]
  - match: [{uri: {exact: /x}}]
    route: [{destination: {host: productpage, port: {number: 9080}}}]
`).objects;
    const x = compare(objects).samples.find((s) => s.request.path === '/x');
    expect(x).toMatchObject({
      same: false,
      istio: { backends: { 'default/httpbin': 1 }, by: 'default/vs http[0]' },
      gatewayApi: { backends: { 'default/productpage': 1 }, by: 'default/vs rule 1' },
    });
  });

  it('httpbin: /status goes to httpbin on both sides', () => {
    const c = compare(fixture('httpbin.yaml'));
    const status = c.samples.find((s) => s.request.path === '/status');
    expect(status).toMatchObject({ same: true, gatewayApi: { backends: { 'default/httpbin': 1 } } });
  });
});

describe('engine verdict and rendering', () => {
  it('httpbin: the Gateway is accepted and the route attaches to both listeners', () => {
    const r = migrate(fixture('httpbin.yaml'), V1_1, SERVICES);
    expect(previewVerdicts(previewEngine(r.objects, SERVICES, 'istio'))).toEqual([
      { kind: 'Gateway', namespace: 'default', name: 'httpbin-gateway', ok: true, summary: 'Accepted, 2 listener(s)' },
      {
        kind: 'HTTPRoute',
        namespace: 'default',
        name: 'httpbin',
        ok: true,
        summary: 'Accepted by default/httpbin-gateway listener http, default/httpbin-gateway listener https',
      },
    ]);
  });

  it('a backend missing from the cluster is a failed verdict naming BackendNotFound', () => {
    const objects = fixture('httpbin.yaml');
    const r = migrate(
      objects,
      V1_1,
      SERVICES.filter((s) => s.name !== 'httpbin'),
    );
    const route = previewVerdicts(
      previewEngine(
        r.objects,
        SERVICES.filter((s) => s.name !== 'httpbin'),
        'istio',
      ),
    ).find((v) => v.kind === 'HTTPRoute');
    expect(route).toMatchObject({ ok: false, summary: expect.stringContaining('BackendNotFound') });
  });

  it('renders one document per object, proposals marked as such', () => {
    const r = migrate(fixture('bookinfo.yaml'), V1_1, SERVICES);
    const text = renderYaml(r.objects);
    const docs = text.split(/^---$/m);
    expect(docs).toHaveLength(r.objects.length);
    expect(text).toContain('# Proposed from DestinationRule default/reviews: review the selector and ports before applying.');
    expect(text).toContain('# From VirtualService default/bookinfo\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute');
  });
});
