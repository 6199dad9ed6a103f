import { describe, expect, it } from 'vitest';
import { computeStatus } from '../compute-status';
import type { Snapshot } from '../types';
import { loadSnapshot, tableFrom } from './__fixtures__/load';
import { compileRoutes } from './compile';
import { routeGrpc } from './route-grpc';
import { routeHttp } from './route-http';
import type { GrpcRequestInput, HttpRequestInput, RoutingDecision } from './types';

/**
 * Routing over the status engine's real output (attachments, resolved backends,
 * listener conditions) must decide exactly as over the fixtures' minimal
 * attachments, except where the engine rejects an invalid route.
 */
function engineTable(files: string[]): ReturnType<typeof compileRoutes> {
  const s: Snapshot = loadSnapshot(...files);
  // The fixtures pin loopback IPs; the local controller provisions those instead of spec.addresses.
  const provisionedAddresses: Record<string, string> = {};
  for (const g of s.gateways) {
    const ip = g.spec.addresses?.find((a) => (a.type ?? 'IPAddress') === 'IPAddress');
    if (!ip) continue;
    provisionedAddresses[`${g.metadata.namespace}/${g.metadata.name}`] = ip.value;
    g.spec.addresses = undefined;
  }
  const status = computeStatus(s, {
    controllerNames: ['istio.io/gateway-controller', 'portico.dev/local-gateway'],
    now: '2026-01-01T00:00:00Z',
    provisionedAddresses,
  });
  return compileRoutes(s, status);
}

function key(d: RoutingDecision): unknown {
  return [
    d.outcome,
    d.status,
    d.gateway,
    d.listener,
    d.route,
    d.ruleIndex,
    d.backend,
    d.redirect,
    d.rewrittenPath,
    d.alternatives.map((a) => [a.service, a.valid, a.probability]),
  ];
}

const http = (host: string, path: string, more: Partial<HttpRequestInput> = {}): HttpRequestInput => ({
  scheme: 'http',
  host,
  port: 80,
  method: 'GET',
  path,
  headers: {},
  ...more,
});

const suites: Array<{ files: string[]; address: string; requests: HttpRequestInput[] }> = [
  {
    files: ['seed.yaml'],
    address: '47.95.10.10',
    requests: [
      http('httpbin.aliyun.com', '/get'),
      http('httpbin.aliyun.com', '/headers'),
      http('a.aliyun.com', '/status/418', { scheme: 'https', port: 443, sni: 'a.aliyun.com' }),
      http('a.example.com', '/get'),
    ],
  },
  {
    files: ['infra.yaml', 'precedence.yaml'],
    address: '127.0.10.1',
    requests: [
      '/exact',
      '/exact/',
      '/prefix/longer/x',
      '/regex/1',
      '/tie',
      '/same',
      '/order',
      '/ep',
      '/q?animal=whale&color=blue',
      '/mh',
      '/pl/a/b',
      '/trail',
    ]
      .map((p) => http('example.com', p))
      .concat([
        http('example.com', '/foo', { method: 'POST' }),
        http('example.com', '/hdr', { headers: { version: 'one', color: 'blue' } }),
      ]),
  },
  {
    files: ['infra.yaml', 'listeners.yaml'],
    address: '127.0.20.1',
    requests: [
      http('bar.com', '/'),
      http('bar.example.com', '/'),
      http('bar.foo.example.com', '/foo'),
      http('bar.foo.example.com', '/other'),
      http('abc.foo.example.com', '/'),
      http('secure.example.com', '/', { scheme: 'https', port: 443, sni: 'www.example.com' }),
      http('secure.example.com', '/', { scheme: 'https', port: 443 }),
      http('foo.example.com', '/b', { address: '127.0.20.2' }),
      http('x.bar.example.com', '/', { address: '127.0.20.2' }),
      http('other.net', '/a', { address: '127.0.20.2' }),
    ],
  },
  {
    files: ['infra.yaml', 'filters.yaml'],
    address: '127.0.10.1',
    requests: [
      '/set',
      '/hostname-redirect',
      '/prefix-redirect/one',
      '/scheme-nil-and-port-nil',
      '/prefix/one/two',
      '/strip-prefix',
      '/timeouts',
      '/backend-filters/x',
    ]
      .map((p) => http('example.com', p))
      .concat([
        http('example.org', '/scheme-http-and-port-8080', { scheme: 'https', port: 443 }),
        http('example.com', '/scheme-nil-and-port-nil', { port: 8080 }),
      ]),
  },
  {
    files: ['infra.yaml', 'across-routes.yaml', 'hostname-tie.yaml'],
    address: '127.0.10.1',
    requests: [
      http('example.com', '/'),
      http('example.com', '/v2'),
      http('example.net', '/v2'),
      http('www.example.com', '/v2/x'),
      http('example.com', '/', { headers: { version: 'two' } }),
    ],
  },
  {
    files: ['infra.yaml', 'backends.yaml'],
    address: '127.0.10.1',
    requests: [
      '/weighted',
      '/all-zero',
      '/half-invalid',
      '/all-invalid',
      '/no-backends',
      '/cross-ns-denied',
      '/cross-ns-granted',
      '/wrong-kind',
    ].map((p) => http('example.com', p)),
  },
];

describe('routing over computeStatus output', () => {
  for (const s of suites) {
    const simple = tableFrom(...s.files);
    const engine = engineTable(s.files);
    it.each(s.requests.map((r) => ({ r: { address: s.address, ...r }, label: `${r.scheme}://${r.host}:${r.port}${r.path}` })))(
      `${s.files.join('+')} $label`,
      ({ r }) => {
        const a = routeHttp(simple, r, { random: () => 0.25 });
        const b = routeHttp(engine, r, { random: () => 0.25 });
        expect(key(b)).toEqual(key(a));
      },
    );
  }

  it('a route the engine rejects (ReplacePrefixMatch on Exact) is not routed: 404', () => {
    const d = routeHttp(
      engineTable(['infra.yaml', 'filters.yaml']),
      http('example.com', '/exact-prefix-rewrite', { address: '127.0.10.1' }),
    );
    expect(d.status).toBe(404);
  });

  it('the HTTPS seed listener without its certificate Secret does not serve', () => {
    const s = loadSnapshot('seed.yaml');
    s.secrets = [];
    const status = computeStatus(s, { controllerNames: ['istio.io/gateway-controller'], now: '2026-01-01T00:00:00Z' });
    const d = routeHttp(
      compileRoutes(s, status),
      http('a.aliyun.com', '/status/418', { scheme: 'https', port: 443, address: '47.95.10.10' }),
    );
    expect(d.status).toBe(404);
    expect(d.explanation[0]?.reason).toMatch(/InvalidCertificateRef|not serving/);
  });

  it('GRPCRoutes route the same way', () => {
    const call: GrpcRequestInput = {
      scheme: 'http',
      host: 'g.example.com',
      port: 80,
      service: 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho',
      method: 'Echo',
      headers: {},
      address: '127.0.10.1',
    };
    const a = routeGrpc(tableFrom('infra.yaml', 'grpc.yaml'), call);
    const b = routeGrpc(engineTable(['infra.yaml', 'grpc.yaml']), call);
    expect(key(b)).toEqual(key(a));
    expect(b.backend?.service).toBe('grpc-infra-backend-v1');
  });
});
