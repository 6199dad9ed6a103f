/**
 * The seed walkthrough with real traffic: apply gateway-http.yaml and gateway-https.yaml with
 * kubectl, enable Gateway API, create `myexample-credential`, then the HTTP request answers 200
 * from httpbin and the HTTPS request answers the teapot with that certificate. Privileged ports
 * are remapped, so port 80 is 10080 and 443 is 10443 on the ingress gateway's 127.0.0.1.
 */
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTlsSecret, SEED_FIXTURES, waitFor } from '@/lib/local/controller/test-support';
import { TEAPOT } from '@/lib/local/httpbin';
import { recentAccessLog } from './access-log-buffer';
import { LOCAL_PORTS_ANNOTATION } from './gateway-annotations';
import { echoOf, send, type TestRequest } from './testing/client';
import { startGatewayTestEnv, type GatewayTestEnv } from './testing/env';

const INGRESS = '127.0.0.1';
const HTTP: Omit<TestRequest, 'path'> = { address: INGRESS, port: 10080, host: 'httpbin.aliyun.com' };
const HTTPS: Omit<TestRequest, 'path'> = { address: INGRESS, port: 10443, host: 'a.aliyun.com', tls: true };

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: INGRESS, port });
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(true));
  });
}

interface Gw {
  metadata: { annotations?: Record<string, string> };
}

describe('local gateway on the seed scenario', () => {
  let env: GatewayTestEnv;

  beforeAll(async () => {
    env = await startGatewayTestEnv();
    for (const f of ['gateway-http.yaml', 'gateway-https.yaml'])
      await env.kubectlOk(['apply', '-f', path.join(SEED_FIXTURES, f)]);
    await createTlsSecret(env, 'istio-system', 'myexample-credential', 'a.aliyun.com');
  }, 60_000);

  afterAll(async () => {
    await env?.dispose();
  });

  it('serves nothing while ASMMeshConfig default has enableGatewayAPI: false', async () => {
    await env.gateway.idle();
    expect(await refused(10080)).toBe(true);
    expect(await refused(10443)).toBe(true);
    expect(env.gateway.addresses()).toEqual({});
  });

  it('answers the HTTP walkthrough request with httpbin JSON once Gateway API is enabled', async () => {
    await env.enableGatewayApi();
    const res = await waitFor(async () => {
      const r = await send({ ...HTTP, path: '/get' }).catch(() => undefined);
      return r?.status === 200 ? r : undefined;
    }, 3000);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(Number(res.headers['x-envoy-upstream-service-time'])).toBeGreaterThanOrEqual(0);
    const echo = echoOf(res);
    expect(echo.headers?.Host).toBe('httpbin.aliyun.com');
    expect(echo.url).toBe('http://httpbin.aliyun.com/get');
    expect(echo.headers?.['X-Forwarded-For']).toBe('127.0.0.1');
    // The route only matches PathPrefix /get under *.aliyun.com.
    expect((await send({ ...HTTP, path: '/headers' })).status).toBe(404);
    expect((await send({ ...HTTP, host: 'httpbin.example.com', path: '/get' })).status).toBe(404);
  });

  it('answers the HTTPS walkthrough request with the teapot, presenting myexample-credential', async () => {
    const res = await waitFor(async () => {
      const r = await send({ ...HTTPS, path: '/status/418' }).catch(() => undefined);
      return r?.status === 418 ? r : undefined;
    }, 3000);
    expect(res.body).toBe(TEAPOT);
    expect(res.peerSan).toBe('DNS:a.aliyun.com');
  });

  it('serves each Gateway on the ingress gateway address and records the remapped ports', async () => {
    await env.gateway.idle();
    expect(env.gateway.addresses()).toEqual({ 'istio-system/gateway': INGRESS, 'istio-system/gateway-https': INGRESS });
    const annotation = async (name: string): Promise<string | undefined> =>
      (await env.getJson<Gw>(['get', 'gtw', name, '-n', 'istio-system'])).metadata.annotations?.[LOCAL_PORTS_ANNOTATION];
    expect(await waitFor(async () => ((await annotation('gateway')) === '80=10080' ? true : undefined), 2000)).toBe(true);
    expect(await annotation('gateway-https')).toBe('443=10443');
  });

  it('logs every request as JSON-ready entries naming gateway, listener, route and backend', () => {
    const entry = recentAccessLog().find((e) => e.path === '/get' && e.status === 200);
    expect(entry).toMatchObject({
      gateway: 'istio-system/gateway',
      listener: 'default',
      route: 'default/http',
      backend: 'default/httpbin:8000',
      method: 'GET',
      host: 'httpbin.aliyun.com',
    });
    expect(entry?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('applies a route change within 1 s, letting the in-flight request finish', async () => {
    const inflight = send({ ...HTTPS, path: '/delay/1' });
    await new Promise((r) => setTimeout(r, 100));
    const patch = JSON.stringify({
      spec: {
        rules: [
          { matches: [{ path: { type: 'PathPrefix', value: '/status' } }], backendRefs: [{ name: 'httpbin', port: 8000 }] },
        ],
      },
    });
    await env.kubectlOk(['patch', 'httproute', 'httpbin-https', '-n', 'default', '--type', 'merge', '-p', patch]);
    const patched = Date.now();
    await waitFor(async () => ((await send({ ...HTTPS, path: '/delay/0' })).status === 404 ? true : undefined), 2000);
    const elapsed = Date.now() - patched;
    console.info(`route change served ${elapsed} ms after kubectl patch returned`);
    expect(elapsed).toBeLessThan(1000);
    expect((await inflight).status).toBe(200);
    expect((await send({ ...HTTPS, path: '/status/418' })).status).toBe(418);
  });

  it('unprograms only the HTTPS listener when its Secret becomes invalid, and recovers', async () => {
    const bad = {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/tls',
      metadata: { name: 'myexample-credential', namespace: 'istio-system' },
      data: {
        'tls.crt': Buffer.from('not a certificate').toString('base64'),
        'tls.key': Buffer.from('not a key').toString('base64'),
      },
    };
    await env.kubectlOk(['apply', '-f', '-'], JSON.stringify(bad));
    await waitFor(async () => ((await refused(10443)) ? true : undefined), 2000);
    expect((await send({ ...HTTP, path: '/get' })).status).toBe(200);
    await createTlsSecret(env, 'istio-system', 'myexample-credential', 'a.aliyun.com');
    const res = await waitFor(async () => {
      const r = await send({ ...HTTPS, path: '/status/418' }).catch(() => undefined);
      return r?.status === 418 ? r : undefined;
    }, 2000);
    expect(res.peerSan).toBe('DNS:a.aliyun.com');
  });

  it('stops serving when Gateway API is disabled again', async () => {
    await env.enableGatewayApi(false);
    await waitFor(async () => ((await refused(10080)) && (await refused(10443)) ? true : undefined), 2000);
    expect(env.gateway.addresses()).toEqual({});
  });
});
