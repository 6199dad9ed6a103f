import { createHash } from 'node:crypto';
import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpbin, TEAPOT, type HttpbinServer } from '../httpbin';
import { selfSigned } from './testing/certs';
import { forwardTo, send, startGateway, startUpstream, targetOf, type TestGateway } from './testing/harness';

// RFC 6455 §1.3: the accept key proves the server understood the WebSocket handshake.
const wsAccept = (key: string) => createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');

let gw: TestGateway;
let bin: HttpbinServer;
beforeAll(async () => {
  gw = await startGateway();
  bin = await startHttpbin({ instance: 'httpbin-v1' });
});
afterAll(async () => {
  await gw.stop();
  await bin.stop();
});

describe('WebSocket upgrade', () => {
  it('passes the Upgrade handshake through and splices both directions', async () => {
    const up = await startUpstream(() => undefined);
    up.server.on('upgrade', (req: http.IncomingMessage, socket: net.Socket) => {
      const key = String(req.headers['sec-websocket-key']);
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-accept: ${wsAccept(key)}\r\nx-path: ${req.url}\r\n\r\n`,
      );
      socket.on('data', (d: Buffer) => socket.write(Buffer.concat([Buffer.from('echo:'), d])));
      // Close our side when the peer closes, as a WebSocket server does; the gateway relays half-closes.
      socket.on('end', () => socket.end());
    });
    gw.route(() => forwardTo({ ...targetOf(up.port), protocol: 'websocket' }, { rewritePath: '/ws-upstream' }));
    const key = Buffer.from('0123456789abcdef').toString('base64');
    const client = net.connect(gw.port, '127.0.0.1');
    let received = '';
    client.on('data', (d: Buffer) => {
      received += d.toString('latin1');
      if (received.includes('\r\n\r\n') && !received.includes('echo:')) client.write('hello');
    });
    client.write(
      `GET /ws HTTP/1.1\r\nhost: ws.example\r\nupgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-key: ${key}\r\nsec-websocket-version: 13\r\n\r\n`,
    );
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (received.includes('echo:hello')) {
          clearInterval(check);
          resolve();
        }
      }, 10);
    });
    expect(received.startsWith('HTTP/1.1 101')).toBe(true);
    expect(received).toContain(`sec-websocket-accept: ${wsAccept(key)}`);
    expect(received).toContain('x-path: /ws-upstream');
    client.destroy();
    await up.stop();
  });
});

describe('HTTP/2', () => {
  it('accepts h2c prior knowledge from clients and forwards to an HTTP/1.1 upstream', async () => {
    gw.route(() => forwardTo(targetOf(bin.port)));
    const session = http2.connect(`http://127.0.0.1:${gw.port}`);
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const s = session.request({ ':path': '/get?via=h2', ':authority': 'grpc.example' });
      let status = 0;
      let body = '';
      s.on('response', (h) => (status = Number(h[':status'])));
      s.on('data', (c: Buffer) => (body += c.toString()));
      s.on('end', () => resolve({ status, body }));
      s.on('error', reject);
    });
    session.close();
    expect(status).toBe(200);
    const echo = JSON.parse(body) as { host: string; args: Record<string, string>; headers: Record<string, string> };
    expect(echo.host).toBe('grpc.example');
    expect(echo.args).toEqual({ via: 'h2' });
    expect(echo.headers['X-Forwarded-Proto']).toBe('http');
  });

  it('forwards to an h2c upstream and relays trailers (gRPC status) to an HTTP/2 client', async () => {
    const h2up = http2.createServer();
    const sessions = new Set<http2.ServerHttp2Session>();
    h2up.on('session', (s) => sessions.add(s));
    h2up.on('stream', (stream, headers) => {
      stream.respond(
        { ':status': 200, 'content-type': 'application/grpc', 'x-te': String(headers.te) },
        { waitForTrailers: true },
      );
      stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0', 'grpc-message': 'ok' }));
      stream.end(Buffer.from([0, 0, 0, 0, 0]));
    });
    await new Promise<void>((r) => h2up.listen(0, '127.0.0.1', r));
    const port = (h2up.address() as net.AddressInfo).port;
    gw.route(() => forwardTo({ name: 'default/grpc:9000', endpoints: [{ host: '127.0.0.1', port }], protocol: 'h2c' }));
    const session = http2.connect(`http://127.0.0.1:${gw.port}`);
    const out = await new Promise<{ head: http2.IncomingHttpHeaders; trailers: http2.IncomingHttpHeaders }>((resolve, reject) => {
      const s = session.request({
        ':method': 'POST',
        ':path': '/grpc.health.v1.Health/Check',
        'content-type': 'application/grpc',
        te: 'trailers',
      });
      let head: http2.IncomingHttpHeaders = {};
      s.on('response', (h) => (head = h));
      s.on('trailers', (t) => resolve({ head, trailers: t }));
      s.on('error', reject);
      s.resume();
      s.end(Buffer.from([0, 0, 0, 0, 0]));
    });
    session.close();
    expect(out.head[':status']).toBe(200);
    expect(out.head['x-te']).toBe('trailers');
    expect(out.trailers['grpc-status']).toBe('0');
    // The gateway pools its upstream HTTP/2 session; end it from the server side to close.
    for (const s of sessions) s.destroy();
    await new Promise<void>((r) => h2up.close(() => r()));
  });
});

describe('the seed scenario against the local httpbin', () => {
  it('HEAD /get with Host httpbin.aliyun.com answers 200 JSON with a length, as `curl -I` shows', async () => {
    gw.route(() => forwardTo(targetOf(bin.port, 'default/httpbin:8000')));
    const r = await send(gw.port, { method: 'HEAD', path: '/get', headers: { host: 'httpbin.aliyun.com' } });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json');
    expect(Number(r.headers['content-length'])).toBeGreaterThan(0);
    expect(r.headers.server).toBe('portico-gateway');
    expect(r.headers['access-control-allow-origin']).toBe('*');
    expect(r.headers['x-envoy-upstream-service-time']).toMatch(/^\d+$/);
  });

  it('HTTPS /status/418 through an SNI listener answers the teapot', async () => {
    const cert = await selfSigned(['a.aliyun.com']);
    const tlsGw = await startGateway({
      specs: [{ address: '127.0.0.1', port: 0, protocol: 'HTTPS', certificates: [{ hostname: '*.aliyun.com', ...cert }] }],
    });
    tlsGw.route(() => forwardTo(targetOf(bin.port)));
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: tlsGw.port,
          path: '/status/418',
          headers: { host: 'a.aliyun.com' },
          createConnection: () => tls.connect({ host: '127.0.0.1', port: tlsGw.port, servername: 'a.aliyun.com', ca: cert.cert }),
        },
        (res) => {
          let b = '';
          res.on('data', (c: Buffer) => (b += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: b }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(418);
    expect(body).toBe(TEAPOT);
    await tlsGw.stop();
  });
});
