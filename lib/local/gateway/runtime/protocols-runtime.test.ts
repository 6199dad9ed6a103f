/**
 * Protocols through the real runtime (local cluster, controller, kubectl, real clients):
 * GRPCRoute over h2c on an HTTP listener and over TLS with ALPN h2 on an HTTPS listener
 * (service/method matching, trailers passed through, UNIMPLEMENTED for an unmatched service),
 * 421 Misdirected Request when an HTTPS request's Host belongs to another listener than its SNI
 * (Gateway API Listener.hostname), and a WebSocket upgrade to a backend whose Service port has
 * `appProtocol: kubernetes.io/ws` (GEP-1911).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTlsSecret, waitFor } from '@/lib/local/controller/test-support';
import { provisionedAddressFor } from './provisioned-address';
import { send, type TestResponse } from './testing/client';
import { grpcCall, startGrpcBackend, type GrpcBackend, type GrpcResult } from './testing/grpc';
import { startGatewayTestEnv, type GatewayTestEnv } from './testing/env';
import { startWsBackend, wsExchange, type WsBackend } from './testing/ws';

const NS = 'protocols';
const GW = 'proto-gw';
const ADDRESS = provisionedAddressFor(`${NS}/${GW}`);
const GRPC_HOST = 'grpc.example.com';

const https = (name: string, hostname: string) => ({
  name,
  port: 443,
  protocol: 'HTTPS',
  hostname,
  tls: { mode: 'Terminate', certificateRefs: [{ name: `${name}-cert` }] },
});

const MANIFESTS = [
  {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: GW, namespace: NS },
    spec: {
      gatewayClassName: 'istio',
      listeners: [
        { name: 'http', port: 80, protocol: 'HTTP' },
        https('grpcs', GRPC_HOST),
        https('a', 'a.example.com'),
        https('b', 'b.example.com'),
      ],
    },
  },
  {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GRPCRoute',
    metadata: { name: 'echo', namespace: NS },
    spec: {
      parentRefs: [
        { name: GW, sectionName: 'http' },
        { name: GW, sectionName: 'grpcs' },
      ],
      hostnames: [GRPC_HOST],
      rules: [
        { matches: [{ method: { service: 'echo.Echo', method: 'Hello' } }], backendRefs: [{ name: 'grpc-a', port: 8000 }] },
        { matches: [{ method: { service: 'echo.Echo' } }], backendRefs: [{ name: 'grpc-b', port: 8000 }] },
      ],
    },
  },
  ...['a', 'b'].map((x) => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: `site-${x}`, namespace: NS },
    spec: {
      parentRefs: [{ name: GW, sectionName: x }],
      hostnames: [`${x}.example.com`],
      rules: [{ backendRefs: [{ name: `site-${x}`, port: 8000 }] }],
    },
  })),
  {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'chat', namespace: NS },
    spec: {
      parentRefs: [{ name: GW, sectionName: 'http' }],
      hostnames: ['ws.example.com'],
      rules: [{ backendRefs: [{ name: 'chat', port: 8000 }] }],
    },
  },
];

describe('local gateway protocols (runtime)', () => {
  let env: GatewayTestEnv;
  let grpcA: GrpcBackend;
  let grpcB: GrpcBackend;
  let ws: WsBackend;

  const h2c = (path: string): Promise<GrpcResult> =>
    grpcCall({ address: ADDRESS, port: 10080, authority: GRPC_HOST, path, message: 'ping' });
  const tlsGet = (sni: string, host: string): Promise<TestResponse> =>
    send({ address: ADDRESS, port: 10443, host, sni, tls: true, path: '/get' });

  beforeAll(async () => {
    env = await startGatewayTestEnv();
    await env.apply(JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } }));
    grpcA = await startGrpcBackend('a');
    grpcB = await startGrpcBackend('b');
    ws = await startWsBackend();
    await env.registerService(NS, 'grpc-a', grpcA.port, { appProtocol: 'kubernetes.io/h2c' });
    // No appProtocol: a GRPCRoute backend speaks HTTP/2 whatever the Service port declares.
    await env.registerService(NS, 'grpc-b', grpcB.port);
    await env.registerService(NS, 'chat', ws.port, { appProtocol: 'kubernetes.io/ws' });
    await env.addHttpbinService(NS, 'site-a');
    await env.addHttpbinService(NS, 'site-b');
    for (const [name, host] of [
      ['grpcs-cert', GRPC_HOST],
      ['a-cert', 'a.example.com'],
      ['b-cert', 'b.example.com'],
    ] as const)
      await createTlsSecret(env, NS, name, host);
    await env.apply(JSON.stringify({ apiVersion: 'v1', kind: 'List', items: MANIFESTS }));
    await env.enableGatewayApi();
    await waitFor(
      async () => ((await h2c('/echo.Echo/Hello').catch(() => undefined))?.headers['x-backend'] === 'a' ? true : undefined),
      15_000,
    );
    await waitFor(
      async () => ((await tlsGet('b.example.com', 'b.example.com').catch(() => undefined))?.status === 200 ? true : undefined),
      15_000,
    );
  }, 90_000);

  afterAll(async () => {
    await env?.dispose();
    await Promise.all([grpcA?.stop(), grpcB?.stop(), ws?.stop()]);
  });

  it('routes gRPC over h2c by service and method, passing messages and trailers through', async () => {
    const hello = await h2c('/echo.Echo/Hello');
    expect(hello.headers[':status']).toBe(200);
    expect(hello.headers['x-backend']).toBe('a');
    // gRPC needs `te: trailers` end to end (it is otherwise a hop-by-hop header).
    expect(hello.headers['x-te']).toBe('trailers');
    expect(hello.message).toBe('a:/echo.Echo/Hello:ping');
    expect(hello.trailers['grpc-status']).toBe('0');
    expect(hello.trailers['grpc-message']).toBe('served by a');
    expect(hello.trailers['x-trailer']).toBe('kept');

    // Service-only match: any other method of echo.Echo goes to the second rule.
    const other = await h2c('/echo.Echo/Goodbye');
    expect(other.headers['x-backend']).toBe('b');
    expect(other.message).toBe('b:/echo.Echo/Goodbye:ping');
    expect(other.trailers['grpc-status']).toBe('0');
  });

  it('answers UNIMPLEMENTED (grpc-status 12, trailers-only) for a service no rule matches', async () => {
    const r = await h2c('/other.Service/Call');
    expect(r.headers[':status']).toBe(200);
    expect(r.headers['content-type']).toBe('application/grpc');
    expect(r.headers['grpc-status']).toBe('12');
    expect(r.headers['x-backend']).toBeUndefined();
  });

  it('serves the same GRPCRoute over TLS with ALPN h2 on the HTTPS listener', async () => {
    const r = await grpcCall({
      address: ADDRESS,
      port: 10443,
      authority: GRPC_HOST,
      servername: GRPC_HOST,
      path: '/echo.Echo/Hello',
      message: 'over tls',
    });
    expect(r.alpn).toBe('h2');
    expect(r.headers['x-backend']).toBe('a');
    expect(r.message).toBe('a:/echo.Echo/Hello:over tls');
    expect(r.trailers['grpc-status']).toBe('0');
    expect(r.trailers['x-trailer']).toBe('kept');
  });

  it('answers 421 when the Host belongs to another HTTPS listener than the SNI, and serves matching pairs', async () => {
    const a = await tlsGet('a.example.com', 'a.example.com');
    expect(a.status).toBe(200);
    expect(a.headers['x-httpbin-instance']).toBe('site-a');
    expect(a.peerSan).toBe('DNS:a.example.com');
    const b = await tlsGet('b.example.com', 'b.example.com');
    expect(b.headers['x-httpbin-instance']).toBe('site-b');

    const misdirected = await tlsGet('a.example.com', 'b.example.com');
    expect(misdirected.status).toBe(421);
    expect(misdirected.headers['x-httpbin-instance']).toBeUndefined();
    // A Host no listener on the port serves is not misdirected, just unrouted.
    expect((await tlsGet('a.example.com', 'c.example.com')).status).toBe(404);
  });

  it('passes a WebSocket upgrade to a kubernetes.io/ws backend and splices both directions', async () => {
    const before = ws.handshakes.length;
    const r = await wsExchange(ADDRESS, 10080, 'ws.example.com', 'hello over the tunnel');
    expect(r.head).toMatch(/^HTTP\/1\.1 101 /);
    expect(r.head.toLowerCase()).toContain(`sec-websocket-accept: ${r.expectedAccept.toLowerCase()}`);
    expect(r.echoed).toBe('hello over the tunnel');
    const seen = ws.handshakes[before];
    expect(seen?.upgrade).toBe('websocket');
    expect(seen?.connection?.toLowerCase()).toBe('upgrade');
    expect(seen?.host).toBe('ws.example.com');
    expect(seen?.['x-forwarded-proto']).toBe('http');
  });
});
