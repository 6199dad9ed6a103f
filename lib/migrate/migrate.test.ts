/**
 * The Istio → Gateway API mapping on Istio's own samples (bookinfo, httpbin): what each object
 * becomes, per the Istio networking reference and the Gateway API spec.
 */
import { describe, expect, it } from 'vitest';
import { migrate } from './index';
import { fixture, SERVICES, V0_6, V1_1 } from './test-support';
import type { GeneratedObject, MigrationResult } from './types';

function obj(r: MigrationResult, kind: string, ns: string, name: string): GeneratedObject['object'] {
  const o = r.objects.find(
    (x) => x.object.kind === kind && x.object.metadata.name === name && x.object.metadata.namespace === ns,
  );
  if (!o)
    throw new Error(
      `no ${kind} ${ns}/${name} in ${r.objects.map((x) => `${x.object.kind} ${x.object.metadata.name}`).join(', ')}`,
    );
  return o.object;
}

describe('bookinfo', () => {
  const r = migrate(fixture('bookinfo.yaml'), V1_1, SERVICES);

  it('the Istio Gateway becomes a Gateway bound to the selected ingress gateway through spec.addresses', () => {
    expect(obj(r, 'Gateway', 'default', 'bookinfo-gateway')).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'bookinfo-gateway', namespace: 'default' },
      spec: {
        gatewayClassName: 'istio',
        addresses: [{ type: 'Hostname', value: 'istio-ingressgateway.istio-system.svc.cluster.local' }],
        // hosts "*" (any namespace): no hostname (a lone * is invalid), routes from all namespaces.
        listeners: [{ name: 'http', port: 8080, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } }],
      },
    });
  });

  it('the bookinfo VirtualService becomes one HTTPRoute rule with the five matches ORed', () => {
    expect(obj(r, 'HTTPRoute', 'default', 'bookinfo').spec).toEqual({
      parentRefs: [{ name: 'bookinfo-gateway' }],
      rules: [
        {
          matches: [
            { path: { type: 'Exact', value: '/productpage' } },
            { path: { type: 'PathPrefix', value: '/static' } },
            { path: { type: 'Exact', value: '/login' } },
            { path: { type: 'Exact', value: '/logout' } },
            { path: { type: 'PathPrefix', value: '/api/v1/products' } },
          ],
          backendRefs: [{ name: 'productpage', port: 9080 }],
        },
      ],
    });
  });

  it('explains that Istio prefixes match inside a segment and that host * takes every host', () => {
    const notes = r.findings.filter((f) => f.source.name === 'bookinfo').map((f) => f.message);
    expect(notes.some((m) => m.includes('/static') && m.includes('whole path segments'))).toBe(true);
    expect(notes.some((m) => m.includes('host * becomes a route without hostnames'))).toBe(true);
  });

  it('subsets become proposed per-version Services, header match and 80/20 weights carried over', () => {
    expect(obj(r, 'HTTPRoute', 'default', 'reviews').spec).toEqual({
      parentRefs: [{ name: 'bookinfo-gateway' }],
      hostnames: ['reviews.bookinfo.example.com'],
      rules: [
        {
          matches: [{ headers: [{ type: 'Exact', name: 'end-user', value: 'jason' }] }],
          backendRefs: [{ name: 'reviews-v2', port: 9080 }],
        },
        {
          backendRefs: [
            { name: 'reviews-v1', port: 9080, weight: 80 },
            { name: 'reviews-v3', port: 9080, weight: 20 },
          ],
        },
      ],
    });
    const v1 = r.objects.find((o) => o.object.kind === 'Service' && o.object.metadata.name === 'reviews-v1');
    expect(v1?.proposed).toBe(true);
    expect(v1?.object.spec).toEqual({
      selector: { app: 'reviews', version: 'v1' },
      ports: [{ port: 9080, name: 'http', targetPort: 9080 }],
    });
    // The note names the Service to review.
    expect(r.findings.some((f) => f.severity === 'note' && f.message.includes('proposed Service default/reviews-v3'))).toBe(true);
  });
});

describe('httpbin with a secure server', () => {
  const r = migrate(fixture('httpbin.yaml'), V1_1, SERVICES);

  it('one listener per server; credentialName becomes a certificateRef into the ingress gateway namespace', () => {
    const spec = obj(r, 'Gateway', 'default', 'httpbin-gateway').spec as { listeners: unknown[] };
    expect(spec.listeners).toEqual([
      {
        name: 'http',
        port: 80,
        protocol: 'HTTP',
        hostname: 'httpbin.example.com',
        allowedRoutes: { namespaces: { from: 'All' } },
      },
      {
        name: 'https',
        port: 443,
        protocol: 'HTTPS',
        hostname: 'httpbin.example.com',
        allowedRoutes: { namespaces: { from: 'All' } },
        tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'httpbin-credential', namespace: 'istio-system' }] },
      },
    ]);
  });

  it('the cross-namespace certificate gets a ReferenceGrant in istio-system', () => {
    const grant = r.objects.find((o) => o.object.kind === 'ReferenceGrant');
    expect(grant?.object).toMatchObject({
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      metadata: { namespace: 'istio-system' },
      spec: {
        from: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'default' }],
        to: [{ group: '', kind: 'Secret', name: 'httpbin-credential' }],
      },
    });
  });

  it('the route keeps both prefixes and the port', () => {
    expect(obj(r, 'HTTPRoute', 'default', 'httpbin').spec).toEqual({
      parentRefs: [{ name: 'httpbin-gateway' }],
      hostnames: ['httpbin.example.com'],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/status' } }, { path: { type: 'PathPrefix', value: '/delay' } }],
          backendRefs: [{ name: 'httpbin', port: 8000 }],
        },
      ],
    });
  });

  it('on Gateway API v0.6 the objects use v1beta1', () => {
    const old = migrate(fixture('httpbin.yaml'), V0_6, SERVICES);
    expect(old.objects.map((o) => o.object.apiVersion)).toEqual([
      'gateway.networking.k8s.io/v1beta1',
      'gateway.networking.k8s.io/v1beta1',
      'gateway.networking.k8s.io/v1beta1',
    ]);
  });

  it('every object says which Istio object it came from', () => {
    const route = r.objects.find((o) => o.object.kind === 'HTTPRoute');
    expect(route?.from).toEqual([{ kind: 'VirtualService', namespace: 'default', name: 'httpbin' }]);
  });
});
