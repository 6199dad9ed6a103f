/**
 * Failure handling through the real runtime, on the newest bundle (v1.6.1, where timeouts are
 * standard) with the experimental HTTPRoute CRD installed for `retry` (HTTPRouteRetry,
 * Extended): retries on configured codes, attempts and backoff (small request bodies replayed,
 * large ones streamed once), retries on connection errors,
 * the `request` and `backendRequest` timeouts (504), a Service without ready endpoints (503),
 * a backend that resets (502) and one that hangs (504 after the gateway's upstream timeout).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@/lib/local/controller/test-support';
import { recentAccessLog } from './access-log-buffer';
import { provisionedAddressFor } from './provisioned-address';
import { send, type TestResponse } from './testing/client';
import { startGatewayTestEnv, type GatewayTestEnv } from './testing/env';
import { closedPort, startFaultyBackend, type FaultyBackend } from './testing/faulty';

const NS = 'resilience';
const GW = 'resilience-gw';
const HOST = 'resilience.example.com';
const ADDRESS = provisionedAddressFor(`${NS}/${GW}`);
const UPSTREAM_TIMEOUT_MS = 1500;
const EXPERIMENTAL_HTTPROUTE = path.resolve(
  __dirname,
  '../../crds/gateway-api/v1.6.1/experimental/gateway.networking.k8s.io_httproutes.yaml',
);

const prefix = (value: string) => [{ path: { type: 'PathPrefix', value } }];
const to = (name: string) => [{ name, port: 8000 }];

const ROUTE = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  metadata: { name: 'resilience', namespace: NS },
  spec: {
    parentRefs: [{ name: GW }],
    hostnames: [HOST],
    rules: [
      { matches: prefix('/flaky'), backendRefs: to('flaky'), retry: { codes: [503], attempts: 2, backoff: '100ms' } },
      { matches: prefix('/once'), backendRefs: to('flaky') },
      { matches: prefix('/half-dead'), backendRefs: to('half-dead'), retry: { codes: [503], attempts: 1, backoff: '10ms' } },
      { matches: prefix('/dead'), backendRefs: to('dead'), retry: { codes: [503], attempts: 2, backoff: '10ms' } },
      { matches: prefix('/delay'), backendRefs: to('web'), timeouts: { request: '500ms' } },
      { matches: prefix('/slow'), backendRefs: to('hang'), timeouts: { request: '5s', backendRequest: '300ms' } },
      { matches: prefix('/hang'), backendRefs: to('hang') },
      { matches: prefix('/reset'), backendRefs: to('reset') },
      { matches: prefix('/unready'), backendRefs: to('unready') },
      { matches: prefix('/'), backendRefs: to('web') },
    ],
  },
};

describe('local gateway failure handling (runtime, Gateway API v1.6.1 experimental HTTPRoute)', () => {
  let env: GatewayTestEnv;
  let flaky: FaultyBackend;
  let reset: FaultyBackend;
  let hang: FaultyBackend;
  let halfDeadLive: FaultyBackend;
  const get = (p: string): Promise<TestResponse> => send({ address: ADDRESS, port: 10080, host: HOST, path: p });
  const timed = async (p: string): Promise<{ res: TestResponse; ms: number }> => {
    const t0 = performance.now();
    const res = await get(p);
    return { res, ms: performance.now() - t0 };
  };
  const logged = (p: string) => recentAccessLog().filter((e) => e.path === p && e.host === HOST);

  beforeAll(async () => {
    env = await startGatewayTestEnv('v1.6.1', { upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS });
    // The experimental channel's HTTPRoute (adds rules[].retry); replace, as its size exceeds
    // what a client-side apply may record in its last-applied annotation.
    await env.kubectlOk(['replace', '-f', EXPERIMENTAL_HTTPROUTE]);
    await env.apply(JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } }));
    [flaky, reset, hang, halfDeadLive] = await Promise.all([
      startFaultyBackend('flaky'),
      startFaultyBackend('reset'),
      startFaultyBackend('hang'),
      startFaultyBackend('flaky'),
    ]);
    await env.addHttpbinService(NS, 'web');
    await env.registerService(NS, 'flaky', flaky.port);
    await env.registerService(NS, 'reset', reset.port);
    await env.registerService(NS, 'hang', hang.port);
    await env.registerService(NS, 'dead', await closedPort());
    await env.registerService(NS, 'unready', flaky.port, { ready: false });
    // Two endpoints, as two slices: one refuses connections, one answers.
    await env.registerService(NS, 'half-dead', await closedPort());
    await env.apply(
      JSON.stringify({
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: 'half-dead-live', namespace: NS, labels: { 'kubernetes.io/service-name': 'half-dead' } },
        addressType: 'IPv4',
        endpoints: [{ addresses: ['127.0.0.1'], conditions: { ready: true } }],
        ports: [{ name: 'http', port: halfDeadLive.port, protocol: 'TCP' }],
      }),
    );
    await env.apply(
      JSON.stringify({
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'Gateway',
        metadata: { name: GW, namespace: NS },
        spec: { gatewayClassName: 'istio', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] },
      }),
    );
    await env.apply(JSON.stringify(ROUTE));
    await env.enableGatewayApi();
    await waitFor(async () => ((await get('/get').catch(() => undefined))?.status === 200 ? true : undefined), 15_000);
  }, 90_000);

  afterAll(async () => {
    await env?.dispose();
    await Promise.all([flaky, reset, hang, halfDeadLive].map((b) => b?.stop()));
  });

  it('keeps rules[].retry (the experimental CRD is served)', async () => {
    const stored = await env.getJson<{ spec: { rules: Array<{ retry?: unknown }> } }>([
      'get',
      'httproute',
      'resilience',
      '-n',
      NS,
    ]);
    expect(stored.spec.rules[0]?.retry).toEqual({ codes: [503], attempts: 2, backoff: '100ms' });
  });

  it('retries a retriable code after the backoff until an attempt succeeds', async () => {
    const { res, ms } = await timed('/flaky/fail-2/a');
    expect(res.status).toBe(200);
    expect(res.body).toBe('attempt 3');
    expect(flaky.hits.get('/flaky/fail-2/a')).toBe(3);
    // Two retries, each at least the configured 100 ms backoff after the previous answer.
    expect(ms).toBeGreaterThanOrEqual(200);
  });

  it('gives up after the configured attempts and returns the last answer', async () => {
    const res = await get('/flaky/fail-5/b');
    expect(res.status).toBe(503);
    // 1 request + attempts: 2 retries.
    expect(flaky.hits.get('/flaky/fail-5/b')).toBe(3);
    expect(logged('/flaky/fail-5/b').at(-1)?.attempts).toBe(3);
  });

  it('replays a small request body on every retry (buffered up to 64 KiB)', async () => {
    const body = JSON.stringify({ order: 42, items: ['a', 'b'] });
    const res = await send({
      address: ADDRESS,
      port: 10080,
      host: HOST,
      path: '/flaky/fail-2/post',
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe('attempt 3');
    expect(flaky.bodies.get('/flaky/fail-2/post')).toEqual([body, body, body]);
  });

  it('streams a body larger than the replay buffer once, without retrying', async () => {
    const body = 'z'.repeat(200 * 1024);
    const res = await send({ address: ADDRESS, port: 10080, host: HOST, path: '/flaky/fail-1/big', method: 'POST', body });
    expect(res.status).toBe(503);
    expect(flaky.hits.get('/flaky/fail-1/big')).toBe(1);
    expect(flaky.bodies.get('/flaky/fail-1/big')?.map((b) => b.length)).toEqual([body.length]);
    expect(logged('/flaky/fail-1/big').at(-1)?.attempts).toBe(1);
  });

  it('does not retry a rule without retry', async () => {
    expect((await get('/once/fail-1/c')).status).toBe(503);
    expect(flaky.hits.get('/once/fail-1/c')).toBe(1);
  });

  it('retries connection errors on another endpoint, and answers 502 when every attempt fails', async () => {
    for (let i = 0; i < 4; i++) expect((await get(`/half-dead/${i}`)).status).toBe(200);
    // Round robin puts some first attempts on the refusing endpoint; their retry went to the live one.
    expect(recentAccessLog().some((e) => e.path.startsWith('/half-dead/') && e.attempts === 2 && e.status === 200)).toBe(true);

    const dead = await get('/dead/x');
    expect(dead.status).toBe(502);
    expect(dead.body).toContain('connection failure');
    expect(logged('/dead/x').at(-1)?.attempts).toBe(3);
  });

  it('answers 504 at the request timeout', async () => {
    const { res, ms } = await timed('/delay/3');
    expect(res.status).toBe(504);
    expect(res.body).toBe('upstream request timeout');
    expect(ms).toBeGreaterThanOrEqual(450);
    expect(ms).toBeLessThan(2500);
  });

  it('answers 504 at the backendRequest timeout, well before the request timeout', async () => {
    const { res, ms } = await timed('/slow/1');
    expect(res.status).toBe(504);
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(UPSTREAM_TIMEOUT_MS);
  });

  it('answers 504 for a backend that hangs, after the upstream timeout, and keeps serving', async () => {
    const { res, ms } = await timed('/hang/1');
    expect(res.status).toBe(504);
    expect(ms).toBeGreaterThanOrEqual(UPSTREAM_TIMEOUT_MS - 100);
    expect((await get('/get')).status).toBe(200);
  });

  it('answers 502 for a backend that resets the connection, and keeps serving', async () => {
    const res = await get('/reset/1');
    expect(res.status).toBe(502);
    expect(res.body).toContain('connection termination');
    expect((await get('/get')).status).toBe(200);
  });

  it('answers 503 for a Service without ready endpoints', async () => {
    const res = await get('/unready/1');
    expect(res.status).toBe(503);
    expect(res.body).toBe('no healthy upstream');
    expect(flaky.hits.has('/unready/1')).toBe(false);
  });
});
