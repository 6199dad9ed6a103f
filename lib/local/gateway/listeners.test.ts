import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localPortsAnnotation, PRIVILEGED_PORT_OFFSET } from './listener-set';
import { selfSigned, type TestCertificate } from './testing/certs';
import { echoHandler, forwardTo, send, startGateway, startUpstream, targetOf, type TestGateway } from './testing/harness';

/** Opens a TLS connection with `servername` and returns the presented certificate's CN and an HTTP answer. */
function httpsGet(port: number, servername: string, host = servername): Promise<{ cn: string; status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/',
        headers: { host },
        createConnection: () => tls.connect({ host: '127.0.0.1', port, servername, rejectUnauthorized: false }),
      },
      (res) => {
        const cert = (res.socket as tls.TLSSocket).getPeerCertificate();
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ cn: String(cert.subject?.CN ?? ''), status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function rawExchange(port: number, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.write(payload));
    let out = '';
    s.on('data', (c: Buffer) => (out += c.toString('latin1')));
    s.on('end', () => resolve(out));
    s.on('error', reject);
  });
}

let exact: TestCertificate;
let wildcard: TestCertificate;
let fallback: TestCertificate;
let echo: Awaited<ReturnType<typeof startUpstream>>;
beforeAll(async () => {
  [exact, wildcard, fallback] = await Promise.all([
    selfSigned(['a.aliyun.com']),
    selfSigned(['*.aliyun.com']),
    selfSigned(['default.local']),
  ]);
  echo = await startUpstream(echoHandler);
});
afterAll(() => echo.stop());

describe('HTTPS listeners choose certificates by SNI', () => {
  let gw: TestGateway;
  afterAll(() => gw.stop());

  it('serves the most specific certificate: exact beats wildcard, unknown names get the hostname-less one', async () => {
    gw = await startGateway({
      specs: [
        {
          address: '127.0.0.1',
          port: 0,
          protocol: 'HTTPS',
          certificates: [{ hostname: '*.aliyun.com', ...wildcard }, { hostname: 'a.aliyun.com', ...exact }, { ...fallback }],
        },
      ],
    });
    gw.route((info) => ({ kind: 'direct', meta: {}, status: 418, body: `${info.scheme} ${info.sni ?? '-'} ${info.host}` }));
    const a = await httpsGet(gw.port, 'a.aliyun.com');
    expect(a.cn).toBe('a.aliyun.com');
    expect(a.status).toBe(418);
    expect(a.body).toBe('https a.aliyun.com a.aliyun.com');
    expect((await httpsGet(gw.port, 'b.x.aliyun.com')).cn).toBe('*.aliyun.com');
    expect((await httpsGet(gw.port, 'other.example')).cn).toBe('default.local');
  });

  it('swaps certificates live on the same port, and skips an invalid one', async () => {
    const renewed = await selfSigned(['a.aliyun.com', 'renewed']);
    const statuses = await gw.set.apply([
      {
        address: '127.0.0.1',
        port: 0,
        protocol: 'HTTPS',
        certificates: [
          { hostname: 'a.aliyun.com', cert: renewed.cert, key: renewed.key },
          { hostname: '*.aliyun.com', cert: 'not a pem', key: 'nope' },
        ],
      },
    ]);
    expect(statuses[0]?.boundPort).toBe(gw.port);
    expect(statuses[0]?.ready).toBe(true);
    expect(statuses[0]?.errors.join()).toMatch(/\*\.aliyun\.com/);
    const got = await httpsGet(gw.port, 'a.aliyun.com');
    expect(got.status).toBe(418);
  });
});

describe('live reconfiguration', () => {
  it('adds and removes ports without dropping an in-flight request', async () => {
    let release: () => void = () => undefined;
    const slow = await startUpstream((_req, res) => {
      release = () => res.end('finished');
    });
    const gw = await startGateway();
    gw.route(() => forwardTo(targetOf(slow.port)));
    const inFlight = send(gw.port, { path: '/slow' });
    await new Promise((r) => setTimeout(r, 100));
    // Replace the port set entirely: the old port is removed while its request is pending.
    const statuses = await gw.set.apply([{ address: '127.0.0.2', port: 0, protocol: 'HTTP' }]);
    const newPort = statuses.find((s) => s.address === '127.0.0.2')?.boundPort ?? 0;
    expect(newPort).toBeGreaterThan(0);
    gw.route(() => forwardTo(targetOf(echo.port)));
    const r = await new Promise<number>((resolve, reject) => {
      http
        .get({ host: '127.0.0.2', port: newPort, path: '/', agent: false }, (res) => resolve(res.statusCode ?? 0))
        .on('error', reject);
    });
    expect(r).toBe(200);
    release();
    const done = await inFlight;
    expect(done.status).toBe(200);
    expect(done.body).toBe('finished');
    // The removed port no longer accepts connections.
    await expect(send(gw.port)).rejects.toThrow(/ECONNREFUSED/);
    await gw.stop();
    await slow.stop();
  });

  it('keeps the socket of an unchanged port while the planner changes', async () => {
    const gw = await startGateway();
    gw.route(() => ({ kind: 'direct', meta: {}, status: 200, body: 'v1' }));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ body: string; socket: net.Socket }>((resolve) =>
        http.get({ host: '127.0.0.1', port: gw.port, agent }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ body, socket: res.socket }));
        }),
      );
    const first = await get();
    await gw.set.apply([{ address: '127.0.0.1', port: 0, protocol: 'HTTP' }]);
    gw.route(() => ({ kind: 'direct', meta: {}, status: 200, body: 'v2' }));
    const second = await get();
    expect([first.body, second.body]).toEqual(['v1', 'v2']);
    expect(second.socket).toBe(first.socket);
    agent.destroy();
    await gw.stop();
  });

  it('remaps privileged ports to port+10000 and reports the mapping', async () => {
    const gw = await startGateway({ specs: [] });
    const { createListenerSet } = await import('./listener-set');
    const set = createListenerSet({ onRequest: gw.proxy.onRequest, privilegedPorts: 'remap' });
    const statuses = await set.apply([{ address: '127.0.0.3', port: 80, protocol: 'HTTP' }]);
    expect(statuses[0]).toMatchObject({ port: 80, boundPort: 80 + PRIVILEGED_PORT_OFFSET, ready: true });
    expect(localPortsAnnotation(statuses)).toBe('80=10080');
    gw.route(() => ({ kind: 'direct', meta: {}, status: 204 }));
    const code = await new Promise<number>((resolve) =>
      http.get({ host: '127.0.0.3', port: 10080, agent: false }, (res) => resolve(res.statusCode ?? 0)),
    );
    expect(code).toBe(204);
    await set.close();
    await gw.stop();
  });
});

describe('bad input', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ maxHeaderSize: 8 * 1024 });
    gw.route(() => forwardTo(targetOf(echo.port)));
  });
  afterAll(() => gw.stop());

  it('answers 431 to an oversized header section and keeps serving', async () => {
    const out = await rawExchange(gw.port, `GET / HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(16 * 1024)}\r\n\r\n`);
    expect(out.startsWith('HTTP/1.1 431 ')).toBe(true);
    expect((await send(gw.port)).status).toBe(200);
  });

  it('answers 400 to a malformed request and keeps serving', async () => {
    const out = await rawExchange(gw.port, 'GARBAGE\r\n\r\n');
    expect(out.startsWith('HTTP/1.1 400 ')).toBe(true);
    const conflicting = await rawExchange(
      gw.port,
      'POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 1\r\ncontent-length: 2\r\n\r\nab',
    );
    expect(conflicting.startsWith('HTTP/1.1 400 ')).toBe(true);
    expect((await send(gw.port)).status).toBe(200);
  });
});
