/**
 * Conformance-style routing through the local gateway with real requests: match precedence
 * across HTTPRoutes (HTTPRouteMatchingAcrossRoutes), hostname intersection and listener
 * isolation (HTTPRouteHostnameIntersection, GatewayHTTPListenerIsolation), cross-namespace
 * backends with and without a ReferenceGrant (HTTPRouteCrossNamespace, HTTPRouteReferenceGrant),
 * weights (HTTPRouteWeight) and the error answers (404 no route, 500 invalid backend, 503 no
 * ready endpoints).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@/lib/local/controller/test-support';
import {
  APP_BACKEND_NS,
  backend,
  conformanceGateway,
  httpRoute,
  INFRA_NS,
  setUpInfra,
  WEB_BACKEND_NS,
  type ConformanceGateway,
} from './testing/conformance';
import { startGatewayTestEnv, type GatewayTestEnv } from './testing/env';

const GW = 'routing-gw';
const LISTENERS = `  - name: http
    port: 80
    protocol: HTTP
    allowedRoutes: { namespaces: { from: All } }
  - name: wildcard
    port: 80
    protocol: HTTP
    hostname: '*.wildcard.io'
    allowedRoutes: { namespaces: { from: All } }
`;

describe('local gateway routing (conformance style)', () => {
  let env: GatewayTestEnv;
  let gw: ConformanceGateway;

  /** Waits until `host` + `path` is answered by `instance` (or with `status`), then returns that answer. */
  const until = (host: string, path: string, want: { instance?: string; status?: number }, headers?: Record<string, string>) =>
    waitFor(async () => {
      const r = await gw.get(host, path, headers).catch(() => undefined);
      if (!r) return undefined;
      if (want.instance !== undefined) return gw.instanceOf(r) === want.instance ? r : undefined;
      return r.status === want.status ? r : undefined;
    }, 3000);

  beforeAll(async () => {
    env = await startGatewayTestEnv();
    await setUpInfra(env);
    await env.enableGatewayApi();
    gw = await conformanceGateway(env, GW, LISTENERS);
  }, 60_000);

  afterAll(async () => {
    await env?.dispose();
  });

  it('serves a Gateway without addresses on its own provisioned loopback address', async () => {
    await env.apply(
      httpRoute({
        name: 'probe',
        gateway: GW,
        hostnames: ['probe.example.com'],
        rules: [{ backendRefs: [backend('infra-backend-v1')] }],
      }),
    );
    await until('probe.example.com', '/', { instance: 'infra-backend-v1' });
    expect(env.gateway.addresses()[`${INFRA_NS}/${GW}`]).toBe(gw.address);
    expect(gw.address).toMatch(/^127\.0\.\d+\.\d+$/);
    expect(gw.address).not.toBe('127.0.0.1');
    const status = await env.getJson<{ status?: { addresses?: Array<{ type: string; value: string }> } }>([
      'get',
      'gtw',
      GW,
      '-n',
      INFRA_NS,
    ]);
    expect(status.status?.addresses).toEqual([{ type: 'IPAddress', value: gw.address }]);
  });

  it('orders matches across routes by the spec precedence, not by route', async () => {
    await env.apply(
      httpRoute({
        name: 'matching-part1',
        gateway: GW,
        hostnames: ['example.com', 'example.net'],
        rules: [
          { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [backend('infra-backend-v1')] },
          { matches: [{ path: { type: 'PathPrefix', value: '/v2' } }], backendRefs: [backend('infra-backend-v2')] },
        ],
      }),
    );
    await env.apply(
      httpRoute({
        name: 'matching-part2',
        gateway: GW,
        hostnames: ['example.com'],
        rules: [
          {
            matches: [{ path: { type: 'PathPrefix', value: '/v2' }, headers: [{ name: 'version', value: 'two' }] }],
            backendRefs: [backend('infra-backend-v3')],
          },
          { matches: [{ path: { type: 'Exact', value: '/v2/exact' } }], backendRefs: [backend('infra-backend-v3')] },
        ],
      }),
    );
    await until('example.com', '/v2/exact', { instance: 'infra-backend-v3' });
    const cases: Array<[string, string, Record<string, string> | undefined, string]> = [
      ['example.com', '/', undefined, 'infra-backend-v1'],
      ['example.com', '/v2/one', undefined, 'infra-backend-v2'], // longest prefix wins over the other rule of its own route
      ['example.com', '/v2/one', { version: 'two' }, 'infra-backend-v3'], // more header matches win across routes
      ['example.com', '/v2/exact', undefined, 'infra-backend-v3'], // Exact beats any prefix
      ['example.net', '/v2/one', { version: 'two' }, 'infra-backend-v2'], // part2 does not admit example.net
    ];
    for (const [host, path, headers, instance] of cases)
      expect(gw.instanceOf(await gw.get(host, path, headers)), `${host}${path}`).toBe(instance);
  });

  it('intersects route and listener hostnames, and isolates listeners', async () => {
    await env.apply(
      httpRoute({
        name: 'intersect',
        gateway: GW,
        hostnames: ['foo.wildcard.io', 'bar.example.org'],
        rules: [{ backendRefs: [backend('infra-backend-v2')] }],
      }),
    );
    await env.apply(
      httpRoute({ name: 'catch-all', gateway: GW, sectionName: 'http', rules: [{ backendRefs: [backend('infra-backend-v1')] }] }),
    );
    await until('foo.wildcard.io', '/', { instance: 'infra-backend-v2' });
    // Both routes must be live before isolation is judged: the second may land a moment later.
    await until('unrelated.example', '/', { instance: 'infra-backend-v1' });
    expect(gw.instanceOf(await gw.get('bar.example.org', '/'))).toBe('infra-backend-v2');
    // other.wildcard.io belongs to the *.wildcard.io listener: the catch-all route on the listener
    // without hostname must not take it (listener isolation), and no route there admits it.
    expect((await gw.get('other.wildcard.io', '/')).status).toBe(404);
    expect(gw.instanceOf(await gw.get('unrelated.example', '/'))).toBe('infra-backend-v1');
  });

  it("routes from another namespace to that namespace's backend (HTTPRouteCrossNamespace)", async () => {
    await env.apply(
      httpRoute({
        name: 'cross-ns',
        namespace: WEB_BACKEND_NS,
        gateway: GW,
        hostnames: ['web.example.com'],
        rules: [{ backendRefs: [backend('web-backend')] }],
      }),
    );
    await until('web.example.com', '/', { instance: 'web-backend' });
  });

  it('answers 500 for a cross-namespace backend until a ReferenceGrant permits it', async () => {
    await env.apply(
      httpRoute({
        name: 'needs-grant',
        gateway: GW,
        hostnames: ['grant.example.com'],
        rules: [{ backendRefs: [backend('app-backend-v1', { namespace: APP_BACKEND_NS })] }],
      }),
    );
    await until('grant.example.com', '/', { status: 500 });
    const grant = JSON.stringify({
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      kind: 'ReferenceGrant',
      metadata: { name: 'infra-routes', namespace: APP_BACKEND_NS },
      spec: {
        from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: INFRA_NS }],
        to: [{ group: '', kind: 'Service' }],
      },
    });
    await env.apply(grant);
    await until('grant.example.com', '/', { instance: 'app-backend-v1' });
    await env.kubectlOk(['delete', 'referencegrant', 'infra-routes', '-n', APP_BACKEND_NS]);
    await until('grant.example.com', '/', { status: 500 });
  });

  it('answers 404 without a matching rule, 500 for a missing Service, 503 without ready endpoints', async () => {
    await env.registerService(INFRA_NS, 'not-ready', 1, { ready: false });
    await env.apply(
      httpRoute({
        name: 'errors',
        gateway: GW,
        hostnames: ['errors.example.com'],
        rules: [
          { matches: [{ path: { type: 'PathPrefix', value: '/missing' } }], backendRefs: [backend('no-such-service')] },
          { matches: [{ path: { type: 'PathPrefix', value: '/unready' } }], backendRefs: [backend('not-ready')] },
        ],
      }),
    );
    await until('errors.example.com', '/unready', { status: 503 });
    expect((await gw.get('errors.example.com', '/missing')).status).toBe(500);
    expect((await gw.get('errors.example.com', '/elsewhere')).status).toBe(404);
  });

  it('splits traffic by weight within tolerance over 500 requests (HTTPRouteWeight)', async () => {
    await env.apply(
      httpRoute({
        name: 'weights',
        gateway: GW,
        hostnames: ['weights.example.com'],
        rules: [
          {
            backendRefs: [
              backend('infra-backend-v1', { weight: 70 }),
              backend('infra-backend-v2', { weight: 30 }),
              backend('infra-backend-v3', { weight: 0 }),
            ],
          },
        ],
      }),
    );
    await until('weights.example.com', '/get', { status: 200 });
    const counts = new Map<string, number>();
    for (let batch = 0; batch < 25; batch++) {
      const answers = await Promise.all(Array.from({ length: 20 }, () => gw.get('weights.example.com', '/get')));
      for (const a of answers)
        counts.set(gw.instanceOf(a) ?? `status ${a.status}`, (counts.get(gw.instanceOf(a) ?? `status ${a.status}`) ?? 0) + 1);
    }
    // 500 draws at p=0.7: σ ≈ 10; ±50 is a 5σ band (the conformance suite allows ±5 % of the share too).
    expect(Math.abs((counts.get('infra-backend-v1') ?? 0) - 350)).toBeLessThan(50);
    expect(Math.abs((counts.get('infra-backend-v2') ?? 0) - 150)).toBeLessThan(50);
    expect(counts.get('infra-backend-v3') ?? 0).toBe(0);
    expect([...counts.keys()].sort()).toEqual(['infra-backend-v1', 'infra-backend-v2']);
  });
});
