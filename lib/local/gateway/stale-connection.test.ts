/**
 * The keep-alive race: an upstream may close an idle pooled connection just as the gateway
 * reuses it. The request never reached the upstream, so an idempotent request with a
 * replayable body is sent again on a new connection (RFC 9110 §9.2.2) instead of failing with 502.
 */
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardTo, send, startGateway, startUpstream, targetOf, type TestGateway } from './testing/harness';

/** Answers the first request of each connection and resets the connection on any later one. */
async function oneShotUpstream() {
  const served = new WeakMap<Socket, number>();
  let answered = 0;
  const up = await startUpstream((req, res) => {
    const n = (served.get(req.socket) ?? 0) + 1;
    served.set(req.socket, n);
    if (n > 1) return req.socket.destroy();
    req.resume();
    req.on('end', () => {
      answered += 1;
      res.end(`answer ${answered}`);
    });
  });
  return { ...up, answered: () => answered };
}

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway({ upstreamTimeoutMs: 2000 });
});
afterAll(async () => {
  await gw.stop();
});

describe('stale pooled upstream connections', () => {
  it('re-sends a GET on a new connection when its reused connection was reset', async () => {
    const up = await oneShotUpstream();
    gw.route(() => forwardTo(targetOf(up.port)));
    for (let i = 1; i <= 3; i++) {
      const r = await send(gw.port, { path: `/get/${i}` });
      expect(r.status).toBe(200);
    }
    expect(up.answered()).toBe(3);
    await up.stop();
  });

  it('does not re-send a POST (not idempotent): the reset is answered 502', async () => {
    const up = await oneShotUpstream();
    gw.route(() => forwardTo(targetOf(up.port)));
    expect((await send(gw.port, { method: 'POST', body: 'a', headers: { 'content-length': '1' } })).status).toBe(200);
    const second = await send(gw.port, { method: 'POST', body: 'b', headers: { 'content-length': '1' } });
    expect(second.status).toBe(502);
    expect(up.answered()).toBe(1);
    await up.stop();
  });
});
