import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { echoHandler, forwardTo, send, startGateway, startUpstream, targetOf, type TestGateway } from './testing/harness';

interface Echo {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

let gw: TestGateway;
let echo: Awaited<ReturnType<typeof startUpstream>>;
beforeAll(async () => {
  gw = await startGateway({ upstreamTimeoutMs: 300 });
  echo = await startUpstream(echoHandler);
});
afterAll(async () => {
  await gw.stop();
  await echo.stop();
});

describe('forwarding', () => {
  it('adds X-Forwarded-For/-Proto/-Host, appending to an existing chain', async () => {
    gw.route(() => forwardTo(targetOf(echo.port)));
    const r = await send(gw.port, {
      path: '/get?x=1',
      headers: { host: 'httpbin.aliyun.com', 'x-forwarded-for': '203.0.113.7' },
    });
    expect(r.status).toBe(200);
    const e = JSON.parse(r.body) as Echo;
    expect(e.url).toBe('/get?x=1');
    expect(e.headers['x-forwarded-for']).toBe('203.0.113.7, 127.0.0.1');
    expect(e.headers['x-forwarded-proto']).toBe('http');
    expect(e.headers['x-forwarded-host']).toBe('httpbin.aliyun.com');
    expect(e.headers.host).toBe('httpbin.aliyun.com');
  });

  it('removes hop-by-hop request headers, including those named by Connection (RFC 9110 §7.6.1)', async () => {
    gw.route(() => forwardTo(targetOf(echo.port)));
    const r = await send(gw.port, {
      headers: {
        connection: 'keep-alive, x-secret-hop',
        'x-secret-hop': '1',
        'keep-alive': 'timeout=5',
        te: 'gzip',
        'proxy-authorization': 'Basic eA==',
        'proxy-connection': 'keep-alive',
        'x-end-to-end': 'kept',
      },
    });
    const h = (JSON.parse(r.body) as Echo).headers;
    for (const name of ['x-secret-hop', 'keep-alive', 'te', 'proxy-authorization', 'proxy-connection'])
      expect(h).not.toHaveProperty(name);
    expect(h['x-end-to-end']).toBe('kept');
  });

  it('removes hop-by-hop response headers and marks responses with server and upstream time', async () => {
    const up = await startUpstream((_req, res) => {
      res.writeHead(200, {
        connection: 'x-up-hop',
        'x-up-hop': '1',
        'proxy-authenticate': 'Basic',
        'x-kept': 'yes',
        server: 'upstream',
      });
      res.end('ok');
    });
    gw.route(() => forwardTo(targetOf(up.port)));
    const r = await send(gw.port);
    expect(r.headers).not.toHaveProperty('x-up-hop');
    expect(r.headers).not.toHaveProperty('proxy-authenticate');
    expect(r.headers['x-kept']).toBe('yes');
    expect(r.headers.server).toBe('portico-gateway');
    expect(Number(r.headers['x-envoy-upstream-service-time'])).toBeGreaterThanOrEqual(0);
    await up.stop();
  });

  it('applies request/response header edits and URL rewrites (HTTPHeaderFilter, HTTPURLRewriteFilter)', async () => {
    gw.route(() =>
      forwardTo(targetOf(echo.port), {
        requestHeaders: [
          { op: 'set', name: 'X-Set', value: 'new' },
          { op: 'add', name: 'x-add', value: 'b' },
          { op: 'remove', name: 'x-drop' },
        ],
        responseHeaders: [{ op: 'add', name: 'x-resp', value: 'r' }],
        rewritePath: '/anything/rewritten?q=1',
        rewriteHost: 'internal.example',
      }),
    );
    const r = await send(gw.port, {
      path: '/orig',
      headers: { 'x-set': 'old', 'x-add': 'a', 'x-drop': 'gone', host: 'a.example' },
    });
    const e = JSON.parse(r.body) as Echo;
    expect(e.url).toBe('/anything/rewritten?q=1');
    expect(e.headers.host).toBe('internal.example');
    expect(e.headers['x-set']).toBe('new');
    expect(e.headers['x-add']).toBe('a,b');
    expect(e.headers).not.toHaveProperty('x-drop');
    expect(e.headers['x-forwarded-host']).toBe('a.example');
    expect(r.headers['x-resp']).toBe('r');
  });

  it('answers direct responses and redirects itself', async () => {
    gw.route((info) =>
      info.path === '/moved'
        ? { kind: 'redirect', meta: {}, status: 301, location: 'https://example.com/new' }
        : { kind: 'direct', meta: {}, status: 404, body: 'route not found' },
    );
    const red = await send(gw.port, { path: '/moved' });
    expect(red.status).toBe(301);
    expect(red.headers.location).toBe('https://example.com/new');
    const nf = await send(gw.port, { path: '/x' });
    expect(nf.status).toBe(404);
    expect(nf.body).toBe('route not found');
    expect(nf.headers.server).toBe('portico-gateway');
  });

  it('writes one access log entry per request with routing labels', async () => {
    gw.route(() => forwardTo(targetOf(echo.port, 'default/echo:80')));
    gw.logs.length = 0;
    await send(gw.port, { path: '/logged?a=b', headers: { host: 'log.example' } });
    await new Promise((r) => setTimeout(r, 20));
    expect(gw.logs).toHaveLength(1);
    expect(gw.logs[0]).toMatchObject({
      gateway: 'gw',
      listener: 'l',
      route: 'r',
      rule: '0',
      backend: 'default/echo:80',
      status: 200,
      method: 'GET',
      host: 'log.example',
      path: '/logged?a=b',
    });
    expect(gw.logs[0]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(Date.parse(gw.logs[0]?.time ?? ''))).toBe(false);
  });
});

describe('upstream failures', () => {
  it('503 when the backend has no ready endpoints', async () => {
    gw.route(() => forwardTo({ name: 'default/empty:80', endpoints: [], protocol: 'http/1.1' }));
    const r = await send(gw.port);
    expect(r.status).toBe(503);
    expect(r.body).toBe('no healthy upstream');
  });

  it('502 when the upstream refuses the connection', async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    gw.route(() => forwardTo(targetOf(port)));
    expect((await send(gw.port)).status).toBe(502);
  });

  it('502 when the upstream resets the connection before answering', async () => {
    const rude = net.createServer((s) => s.once('data', () => s.resetAndDestroy()));
    await new Promise<void>((r) => rude.listen(0, '127.0.0.1', r));
    gw.route(() => forwardTo(targetOf((rude.address() as net.AddressInfo).port)));
    expect((await send(gw.port)).status).toBe(502);
    await new Promise<void>((r) => rude.close(() => r()));
  });

  it('504 when the upstream hangs past the upstream timeout, and the gateway stays up', async () => {
    const hang = await startUpstream(() => undefined);
    gw.route(() => forwardTo(targetOf(hang.port)));
    const t0 = Date.now();
    const r = await send(gw.port);
    expect(r.status).toBe(504);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
    expect(Date.now() - t0).toBeLessThan(2_000);
    await hang.stop();
    gw.route(() => forwardTo(targetOf(echo.port)));
    expect((await send(gw.port)).status).toBe(200);
  });

  it('504 after the route request timeout (HTTPRouteTimeouts.request)', async () => {
    const slow = await startUpstream((_req, res) => setTimeout(() => res.end('late'), 500));
    gw.route(() => forwardTo(targetOf(slow.port), { timeouts: { requestMs: 100 } }));
    expect((await send(gw.port)).status).toBe(504);
    await slow.stop();
  });
});

describe('retries and mirrors', () => {
  it('retries on listed codes up to attempts (HTTPRouteRetry), across endpoints', async () => {
    let calls = 0;
    const flaky = await startUpstream((_req, res) => {
      calls += 1;
      res.writeHead(calls < 3 ? 503 : 200);
      res.end(String(calls));
    });
    gw.route(() => forwardTo(targetOf(flaky.port), { retry: { codes: [503], attempts: 2, backoffMs: 10 } }));
    const r = await send(gw.port);
    expect(r.status).toBe(200);
    expect(calls).toBe(3);
    calls = 0;
    gw.route(() => forwardTo(targetOf(flaky.port), { retry: { codes: [503], attempts: 1 } }));
    expect((await send(gw.port)).status).toBe(503);
    expect(calls).toBe(2);
    await flaky.stop();
  });

  it('retries connection errors on another endpoint', async () => {
    gw.route(() =>
      forwardTo(
        {
          name: 'default/mixed:80',
          protocol: 'http/1.1',
          endpoints: [
            { host: '127.0.0.1', port: 1 },
            { host: '127.0.0.1', port: echo.port },
          ],
        },
        { retry: { codes: [], attempts: 1 } },
      ),
    );
    for (let i = 0; i < 4; i++) expect((await send(gw.port)).status).toBe(200);
  });

  it('retries an attempt that timed out at backendRequest, after the backoff (HTTPRouteRetry.backoff)', async () => {
    let calls = 0;
    const sometimesSlow = await startUpstream((_req, res) => {
      calls += 1;
      // The first attempt never answers; the retry does.
      if (calls > 1) res.end(`attempt ${calls}`);
    });
    gw.route(() =>
      forwardTo(targetOf(sometimesSlow.port), {
        timeouts: { backendRequestMs: 150 },
        retry: { codes: [], attempts: 1, backoffMs: 50 },
      }),
    );
    const t0 = Date.now();
    const r = await send(gw.port);
    expect(r.status).toBe(200);
    expect(r.body).toBe('attempt 2');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
    await sometimesSlow.stop();
  });

  it('mirrors requests fire-and-forget, the client sees only the primary response', async () => {
    const seen: string[] = [];
    const mirror = await startUpstream((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push(`${req.method} ${req.url} ${body}`);
        res.writeHead(500);
        res.end();
      });
    });
    gw.route(() =>
      forwardTo(targetOf(echo.port), {
        mirrors: [
          { target: targetOf(mirror.port), fraction: 1 },
          { target: targetOf(mirror.port), fraction: 0 },
        ],
      }),
    );
    const r = await send(gw.port, { method: 'POST', path: '/m', body: 'payload', headers: { 'content-length': '7' } });
    expect(r.status).toBe(200);
    expect((JSON.parse(r.body) as Echo).body).toBe('payload');
    await new Promise((res) => setTimeout(res, 100));
    expect(seen).toEqual(['POST /m payload']);
    await mirror.stop();
  });
});
