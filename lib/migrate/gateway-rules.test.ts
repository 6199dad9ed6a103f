/**
 * Istio Gateway servers and protocols: each server field becomes its listener counterpart or is
 * reported on its own field (Istio Gateway reference, Gateway API Listener spec).
 */
import { describe, expect, it } from 'vitest';
import { migrate } from './index';
import { parseIstioYaml } from './parse';
import { NEWEST, SERVICES, V0_6, V1_1 } from './test-support';
import type { MigrationResult, MigrationTarget } from './types';

const TO_HTTPBIN = '{destination: {host: httpbin, port: {number: 8000}}}';

function run(yaml: string, target: MigrationTarget = V1_1): MigrationResult {
  return migrate(parseIstioYaml(yaml).objects, target, SERVICES);
}

function warnings(r: MigrationResult): string[] {
  return r.findings.filter((f) => f.severity === 'warning').map((f) => `${f.source.path.join('.')}: ${f.message}`);
}

describe('gateway servers', () => {
  const server = (s: string) => `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: istio-system}
spec:
  selector: {istio: ingressgateway}
  servers: [${s}]
`;
  const listeners = (r: MigrationResult) =>
    (r.objects.find((o) => o.object.kind === 'Gateway')?.object.spec as { listeners: Array<Record<string, unknown>> }).listeners;

  it('namespace-scoped hosts become allowedRoutes (./ same namespace, ns/ a selector on that namespace)', () => {
    const r = run(server('{port: {number: 80, name: web, protocol: HTTP}, hosts: ["./a.example.com", "team/b.example.com"]}'));
    expect(listeners(r)).toEqual([
      { name: 'web-1', port: 80, protocol: 'HTTP', hostname: 'a.example.com', allowedRoutes: { namespaces: { from: 'Same' } } },
      {
        name: 'web-2',
        port: 80,
        protocol: 'HTTP',
        hostname: 'b.example.com',
        allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { 'kubernetes.io/metadata.name': 'team' } } } },
      },
    ]);
  });

  it('a certificate in the Gateway namespace needs no grant', () => {
    const r = run(
      server(
        '{port: {number: 443, name: https, protocol: HTTPS}, hosts: [a.example.com], tls: {mode: SIMPLE, credentialName: cert}}',
      ),
    );
    expect(listeners(r)[0]?.tls).toEqual({ mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'cert' }] });
    expect(r.objects.some((o) => o.object.kind === 'ReferenceGrant')).toBe(false);
  });

  it.each([
    [
      'ISTIO_MUTUAL',
      '{port: {number: 443, name: m, protocol: HTTPS}, hosts: [a.example.com], tls: {mode: ISTIO_MUTUAL}}',
      0,
      /ISTIO_MUTUAL/,
    ],
    [
      'MUTUAL',
      '{port: {number: 443, name: m, protocol: HTTPS}, hosts: [a.example.com], tls: {mode: MUTUAL, credentialName: c}}',
      1,
      /client certificate validation/,
    ],
    [
      'PASSTHROUGH without TLSRoute',
      '{port: {number: 443, name: p, protocol: TLS}, hosts: [a.example.com], tls: {mode: PASSTHROUGH}}',
      1,
      /needs TLSRoute/,
    ],
    [
      'a protocol with no listener protocol',
      '{port: {number: 53, name: d, protocol: UDP}, hosts: ["*"]}',
      0,
      /has no Gateway API listener protocol/,
    ],
    ['bind', '{port: {number: 80, name: h, protocol: HTTP}, hosts: ["*"], bind: 10.0.0.1}', 1, /bind/],
  ])('%s is reported', (_, s, kept, pattern) => {
    const r = run(server(s));
    expect(listeners(r)).toHaveLength(kept);
    expect(warnings(r)).toEqual([expect.stringMatching(pattern)]);
  });

  it('no ingress gateway Service matching the selector: a placeholder address and a warning on the selector', () => {
    const r = run(
      server('{port: {number: 80, name: h, protocol: HTTP}, hosts: ["*"]}').replace('istio: ingressgateway', 'app: missing'),
    );
    const spec = r.objects[0]?.object.spec as { addresses: unknown };
    expect(spec.addresses).toEqual([{ type: 'Hostname', value: '<ingress-gateway-name>.istio-system.svc.cluster.local' }]);
    expect(warnings(r)).toEqual([expect.stringMatching(/^spec\.selector: no Service in the cluster matches/)]);
  });

  it('httpsRedirect → a redirect route on that listener; the VirtualService attaches to the HTTPS listener only', () => {
    const r =
      run(`${server('{port: {number: 80, name: http, protocol: HTTP}, hosts: [a.example.com], tls: {httpsRedirect: true}}, {port: {number: 443, name: https, protocol: HTTPS}, hosts: [a.example.com], tls: {mode: SIMPLE, credentialName: c}}')}---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: istio-system}
spec: {hosts: [a.example.com], gateways: [gw], http: [{route: [{destination: {host: httpbin.default, port: {number: 8000}}}]}]}
`);
    const redirect = r.objects.find((o) => o.object.metadata.name === 'gw-https-redirect');
    expect(redirect?.object.spec).toEqual({
      parentRefs: [{ name: 'gw', sectionName: 'http' }],
      rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }],
    });
    const route = r.objects.find((o) => o.object.metadata.name === 'vs');
    expect((route?.object.spec as { parentRefs: unknown }).parentRefs).toEqual([{ name: 'gw', sectionName: 'https' }]);
  });
});

describe('protocols', () => {
  const grpc = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 80, name: grpc, protocol: GRPC}, hosts: [a.example.com]}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs}
spec:
  hosts: [a.example.com]
  gateways: [gw]
  http: [{match: [{uri: {prefix: /helloworld.Greeter/}}, {uri: {exact: /grpc.health.v1.Health/Check}}], route: [${TO_HTTPBIN}]}]
  tcp: [{match: [{port: 9000}], route: [{destination: {host: httpbin, port: {number: 8000}}}]}]
`;

  it('a gRPC server makes the VirtualService a GRPCRoute with service/method matches', () => {
    const r = run(grpc, NEWEST);
    const route = r.objects.find((o) => o.object.kind === 'GRPCRoute');
    expect((route?.object.spec as { rules: unknown }).rules).toEqual([
      {
        matches: [
          { method: { type: 'Exact', service: 'helloworld.Greeter' } },
          { method: { type: 'Exact', service: 'grpc.health.v1.Health', method: 'Check' } },
        ],
        backendRefs: [{ name: 'httpbin', port: 8000 }],
      },
    ]);
  });

  it('tcp entries become a TCPRoute where served, a warning where not; gRPC falls back to HTTPRoute on v0.6', () => {
    const r = run(grpc, NEWEST);
    expect(r.objects.find((o) => o.object.kind === 'TCPRoute')?.object).toMatchObject({
      apiVersion: 'gateway.networking.k8s.io/v1',
      metadata: { name: 'vs-tcp' },
      spec: { rules: [{ backendRefs: [{ name: 'httpbin', port: 8000 }] }] },
    });
    const old = run(grpc, V0_6);
    expect(old.objects.map((o) => o.object.kind)).toEqual(['Gateway', 'HTTPRoute']);
    expect(warnings(old).map((w) => w.split(':')[0])).toEqual(['spec.http', 'spec.tcp']);
  });
});
