/**
 * Conformance-style HTTPRoute filters through the local gateway with real requests, on the
 * newest bundle (v1.6.1, where timeouts are standard): request and response header
 * modifiers (also per backendRef), redirects, URL rewrites, request mirroring and the request
 * timeout. httpbin echoes what it received, so every edit is visible.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@/lib/local/controller/test-support';
import { echoOf, type TestResponse } from './testing/client';
import { conformanceGateway, INFRA_NS, setUpInfra, type ConformanceGateway } from './testing/conformance';
import { filtersRoute } from './testing/filters-route';
import { startGatewayTestEnv, startRecorder, type GatewayTestEnv } from './testing/env';

const GW = 'filters-gw';
const LISTENERS = `  - name: http
    port: 80
    protocol: HTTP
`;

describe('local gateway filters (conformance style, Gateway API v1.6.1)', () => {
  let env: GatewayTestEnv;
  let gw: ConformanceGateway;
  let recorder: Awaited<ReturnType<typeof startRecorder>>;
  const HOST = 'filters.example.com';
  const get = (path: string, headers?: Record<string, string>): Promise<TestResponse> => gw.get(HOST, path, headers);

  beforeAll(async () => {
    env = await startGatewayTestEnv('v1.6.1');
    await setUpInfra(env);
    recorder = await startRecorder();
    await env.registerService(INFRA_NS, 'mirror-recorder', recorder.port);
    await env.enableGatewayApi();
    gw = await conformanceGateway(env, GW, LISTENERS);
    await env.apply(filtersRoute(GW, HOST));
    await waitFor(
      async () => ((await get('/anything/mirror/ready').catch(() => undefined))?.status === 200 ? true : undefined),
      5000,
    );
  }, 60_000);

  afterAll(async () => {
    await env?.dispose();
    await recorder?.stop();
  });

  it('sets, adds and removes request headers (HTTPRouteRequestHeaderModifier)', async () => {
    const echo = echoOf(
      await get('/anything/req-headers', {
        'X-Header-Set': 'some-other-value',
        'X-Header-Add': 'add-val',
        'X-Header-Remove': 'val',
        'X-Keep': 'kept',
      }),
    );
    expect(echo.headers?.['X-Header-Set']).toBe('set-overwrites-values');
    expect(echo.headers?.['X-Header-Add']).toBe('add-val,add-appends-values');
    expect(echo.headers?.['X-Header-Remove']).toBeUndefined();
    expect(echo.headers?.['X-Keep']).toBe('kept');
    // Another rule (with its own backend filter only): these headers pass untouched.
    expect(echoOf(await get('/anything/backend-headers', { 'X-Header-Remove': 'val' })).headers?.['X-Header-Remove']).toBe('val');
  });

  it('sets, adds and removes response headers (HTTPRouteResponseHeaderModifier)', async () => {
    const res = await get('/response-headers?X-Header-Set=original&X-Header-Add=first&X-Header-Remove=gone');
    expect(res.status).toBe(200);
    expect(res.headers['x-header-set']).toBe('set-value');
    // HTTPHeaderFilter.add appends to the existing value: "my-header: foo,bar".
    expect(res.headers['x-header-add']).toBe('first,added');
    expect(res.headers['x-header-remove']).toBeUndefined();
  });

  it("applies a backendRef's own filters only when that backend is chosen (HTTPRouteBackendRequestHeaderModifier)", async () => {
    const res = await get('/anything/backend-headers');
    expect(gw.instanceOf(res)).toBe('infra-backend-v2');
    expect(echoOf(res).headers?.['X-Backend']).toBe('v2');
  });

  it('redirects with scheme, hostname and status code (HTTPRouteRedirectScheme/Hostname/StatusCode)', async () => {
    const res = await get('/redirect-scheme/x?q=1');
    expect(res.status).toBe(301);
    // Spec: the well-known port of the new scheme is omitted; the path and query are kept.
    expect(res.headers.location).toBe('https://example.org/redirect-scheme/x?q=1');
    expect(gw.instanceOf(res)).toBeUndefined();
  });

  it('redirects with port and full path replacement, 302 by default (HTTPRouteRedirectPort/Path)', async () => {
    const res = await get('/redirect-port/deep');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`http://${HOST}:8083/moved`);
  });

  it('rewrites the path prefix, keeping the rest and the query (HTTPRouteRewritePath)', async () => {
    const echo = echoOf(await get('/prefix/anything/two?x=y'));
    expect(echo.url).toBe(`http://${HOST}/anything/two?x=y`);
  });

  it('rewrites the full path and the Host (HTTPRouteRewriteHost)', async () => {
    const echo = echoOf(await get('/full/whatever'));
    expect(echo.url).toBe('http://rewritten.example.org/anything/full');
    expect(echo.headers?.Host).toBe('rewritten.example.org');
  });

  it('mirrors requests to the mirror backend and answers from the main one (HTTPRouteRequestMirror)', async () => {
    const before = recorder.seen.length;
    const res = await get('/anything/mirror/copy');
    expect(gw.instanceOf(res)).toBe('infra-backend-v1');
    await waitFor(async () => (recorder.seen.length > before ? true : undefined), 1000);
    expect(recorder.seen.at(-1)).toEqual({ path: '/anything/mirror/copy', host: HOST });
  });

  it("answers 504 when the route's request timeout passes (HTTPRouteRequestTimeout)", async () => {
    const started = Date.now();
    const res = await get('/delay/2');
    expect(res.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
