/**
 * HTTPRouteRetry with request bodies: a retried attempt must carry the same body as the first
 * (Gateway API HTTPRouteRetry: a retry re-sends the request), so small bodies are buffered and
 * replayed; bodies past the buffer limit stream once and are not retried.
 */
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { echoHandler, forwardTo, send, startGateway, startUpstream, targetOf, type TestGateway } from './testing/harness';

const LIMIT = 1024;

/** An upstream answering 503 to the first `fails` requests, recording every body it reads. */
async function flakyUpstream(fails: number) {
  const bodies: string[] = [];
  const lengths: Array<string | undefined> = [];
  const up = await startUpstream((req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      lengths.push(req.headers['content-length']);
      res.writeHead(bodies.length <= fails ? 503 : 200);
      res.end(`attempt ${bodies.length}`);
    });
  });
  return { ...up, bodies, lengths };
}

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway({ upstreamTimeoutMs: 2000, retryBodyLimit: LIMIT });
});
afterAll(async () => {
  await gw.stop();
});

describe('retries of requests with a body (HTTPRouteRetry)', () => {
  const retry = { retry: { codes: [503], attempts: 2, backoffMs: 5 } };

  it('replays a body with a Content-Length on every attempt', async () => {
    const up = await flakyUpstream(2);
    gw.route(() => forwardTo(targetOf(up.port), retry));
    const r = await send(gw.port, { method: 'POST', path: '/p', body: 'payload', headers: { 'content-length': '7' } });
    expect(r.status).toBe(200);
    expect(r.body).toBe('attempt 3');
    expect(up.bodies).toEqual(['payload', 'payload', 'payload']);
    await up.stop();
  });

  it('replays a chunked body (no declared length) that ends within the limit, sent with its length', async () => {
    const up = await flakyUpstream(1);
    gw.route(() => forwardTo(targetOf(up.port), retry));
    const r = await send(gw.port, { method: 'PUT', path: '/c', chunks: ['ab', 'cd', 'ef'] });
    expect(r.status).toBe(200);
    expect(up.bodies).toEqual(['abcdef', 'abcdef']);
    expect(up.lengths).toEqual(['6', '6']);
    await up.stop();
  });

  it('streams a body declared larger than the limit once, without retrying', async () => {
    const up = await flakyUpstream(1);
    gw.route(() => forwardTo(targetOf(up.port), retry));
    const big = 'x'.repeat(LIMIT * 4);
    const r = await send(gw.port, { method: 'POST', path: '/big', body: big, headers: { 'content-length': String(big.length) } });
    expect(r.status).toBe(503);
    expect(up.bodies).toEqual([big]);
    expect(gw.logs.at(-1)?.attempts).toBe(1);
    await up.stop();
  });

  it('streams a chunked body that grows past the limit once, intact, without retrying', async () => {
    const up = await flakyUpstream(1);
    gw.route(() => forwardTo(targetOf(up.port), retry));
    const pieces = Array.from({ length: 8 }, (_, i) => String(i).repeat(LIMIT / 2));
    const r = await send(gw.port, { method: 'POST', path: '/grow', chunks: pieces });
    expect(r.status).toBe(503);
    expect(up.bodies).toEqual([pieces.join('')]);
    await up.stop();
  });

  it('retries a connection error with the body on another endpoint', async () => {
    const echo = await startUpstream(echoHandler);
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
    for (let i = 0; i < 4; i++) {
      const r = await send(gw.port, { method: 'POST', body: `body ${i}`, headers: { 'content-length': '6' } });
      expect(r.status).toBe(200);
      expect((JSON.parse(r.body) as { body: string }).body).toBe(`body ${i}`);
    }
    await echo.stop();
  });

  it('sends the buffered body to mirrors too', async () => {
    const up = await flakyUpstream(0);
    const mirror = await flakyUpstream(0);
    gw.route(() => forwardTo(targetOf(up.port), { ...retry, mirrors: [{ target: targetOf(mirror.port), fraction: 1 }] }));
    const r = await send(gw.port, { method: 'POST', path: '/m', chunks: ['mir', 'ror'] });
    expect(r.status).toBe(200);
    for (let i = 0; i < 50 && mirror.bodies.length === 0; i++) await new Promise((res) => setTimeout(res, 10));
    expect(up.bodies).toEqual(['mirror']);
    expect(mirror.bodies).toEqual(['mirror']);
    await Promise.all([up.stop(), mirror.stop()]);
  });

  it('streams bodies on a route without retries, even small ones', async () => {
    const up = await flakyUpstream(1);
    gw.route(() => forwardTo(targetOf(up.port)));
    const r = await send(gw.port, { method: 'POST', path: '/once', chunks: ['a', 'b'] });
    expect(r.status).toBe(503);
    expect(up.bodies).toEqual(['ab']);
    // Streamed as received: chunked, no length computed by the gateway.
    expect(up.lengths).toEqual([undefined]);
    await up.stop();
  });
});
