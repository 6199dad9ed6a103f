/**
 * sendVerification against real sockets on 127.0.0.1: an HTTP/1.1 server, an HTTPS server
 * speaking HTTP/1.1 and h2 (ALPN) with a certificate for *.aliyun.com, and an h2c server.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  createSecureServer,
  createServer as createH2cServer,
  type Http2ServerRequest,
  type Http2ServerResponse,
} from 'node:http2';
import { createServer as createNetServer, type AddressInfo, type Server } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfSigned } from './test-certs';
import { sendVerification } from './send';
import type { VerificationRequest } from './types';

type Req = IncomingMessage | Http2ServerRequest;
type Res = ServerResponse | Http2ServerResponse;
const TEAPOT = '-=[ teapot ]=-\n\n       _...._\n';

function handler(req: Req, res: Res): void {
  const url = new URL(req.url ?? '/', 'http://x');
  const p = url.pathname;
  if (p === '/echo') {
    const host = req.headers.host ?? req.headers[':authority'];
    res.writeHead(200, { 'content-type': 'application/json', 'x-served-by': 'test' });
    res.end(JSON.stringify({ host, path: p, method: req.method, headers: req.headers, httpVersion: req.httpVersion }));
  } else if (p === '/status/418') {
    res.writeHead(418, { 'content-type': 'text/html; charset=utf-8' });
    res.end(TEAPOT);
  } else if (p === '/bytes') {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(Buffer.from([0xde, 0xad, 0xbe, 0xef, 0, 1, 2]));
  } else if (p === '/big') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(Buffer.alloc(3 * 1024 * 1024, 'a'));
  } else if (p === '/hang') {
    // never answers
  } else if (p === '/reset') {
    req.socket.destroy();
  } else if (p.startsWith('/redirect/')) {
    const n = Number(p.split('/')[2]);
    res.writeHead(302, { location: n > 0 ? `/redirect/${n - 1}` : '/echo' });
    res.end();
  } else if (p === '/loop') {
    res.writeHead(302, { location: '/loop' });
    res.end();
  } else {
    res.writeHead(404);
    res.end();
  }
}

const servers: Array<{ close(cb: () => void): unknown }> = [];
let httpPort = 0;
let httpsPort = 0;
let h2cPort = 0;
let resetPort = 0;
let closedPort = 0;
const sniSeen: string[] = [];

async function listen(s: Server | ReturnType<typeof createSecureServer>): Promise<number> {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  servers.push(s);
  return (s.address() as AddressInfo).port;
}

beforeAll(async () => {
  const cert = selfSigned(['*.aliyun.com', 'a.aliyun.com']);
  httpPort = await listen(createServer(handler));
  const secure = createSecureServer({ ...cert, allowHTTP1: true }, handler);
  secure.on('secureConnection', (s: TLSSocket) => sniSeen.push(String(s.servername)));
  httpsPort = await listen(secure);
  h2cPort = await listen(createH2cServer(handler) as unknown as Server);
  resetPort = await listen(createNetServer((s) => s.destroy()));
  const tmp = createNetServer();
  closedPort = await listen(tmp);
  await new Promise<void>((r) => tmp.close(() => r()));
  servers.pop();
});

afterAll(async () => {
  for (const s of servers) await new Promise<void>((r) => s.close(() => r()));
});

const base: VerificationRequest = {
  scheme: 'http',
  host: 'httpbin.aliyun.com',
  port: 80,
  method: 'GET',
  path: '/echo',
  headers: {},
  gateway: 'istio-system/gateway',
  listener: 'default',
  routeKind: 'HTTPRoute',
  route: 'default/http',
  ruleIndex: 0,
  notes: [],
  needsInput: [],
};
const https = (over: Partial<VerificationRequest> = {}): VerificationRequest => ({
  ...base,
  scheme: 'https',
  host: 'a.aliyun.com',
  sni: 'a.aliyun.com',
  port: 443,
  ...over,
});
const to = (port: number) => ({ address: '127.0.0.1', port });

describe('HTTP/1.1', () => {
  it('sends Host = the request host to the IP, returns status line, headers, pretty JSON and timings', async () => {
    const r = await sendVerification({ ...base, headers: { 'x-test': 'one' }, path: '/echo?x=1' }, to(httpPort), { dnsMs: 3.5 });
    expect(r.error).toBeUndefined();
    expect(r).toMatchObject({ httpVersion: '1.1', status: 200, statusText: 'OK' });
    expect(r.headers['x-served-by']).toBe('test');
    expect(r.body?.kind).toBe('json');
    const body = r.body?.kind === 'json' ? (r.body.value as { host: string; headers: Record<string, string> }) : undefined;
    expect(body?.host).toBe('httpbin.aliyun.com');
    expect(body?.headers['x-test']).toBe('one');
    expect(r.body?.kind === 'json' && r.body.text).toContain('\n  "host": "httpbin.aliyun.com"');
    const t = r.timings;
    expect(t.dns).toBe(3.5);
    expect(t.tls).toBe(0);
    expect(t.connect).toBeGreaterThan(0);
    expect(t.total).toBeGreaterThanOrEqual(t.dns + t.connect + t.firstByte);
    expect(r.tls).toBeUndefined();
  });

  it('renders the teapot as text and binary bodies as size + hex head', async () => {
    const tea = await sendVerification({ ...base, path: '/status/418' }, to(httpPort));
    expect(tea.status).toBe(418);
    expect(tea.body).toMatchObject({ kind: 'text', text: TEAPOT });
    const bin = await sendVerification({ ...base, path: '/bytes' }, to(httpPort));
    expect(bin.body).toEqual({ kind: 'binary', size: 7, truncated: false, hexHead: 'de ad be ef 00 01 02' });
  });

  it('truncates a body beyond the limit (1 MiB by default) and flags it', async () => {
    const r = await sendVerification({ ...base, path: '/big' }, to(httpPort));
    expect(r.body?.truncated).toBe(true);
    expect(r.body?.kind === 'text' && r.body.text.length).toBe(1024 * 1024);
    const small = await sendVerification({ ...base, path: '/big' }, to(httpPort), { maxBodyBytes: 10 });
    expect(small.body).toMatchObject({ kind: 'text', text: 'aaaaaaaaaa', truncated: true });
  });

  it('does not follow redirects unless asked; then at most 5', async () => {
    const plain = await sendVerification({ ...base, path: '/redirect/2' }, to(httpPort));
    expect(plain.status).toBe(302);
    expect(plain.headers.location).toBe('/redirect/1');
    const followed = await sendVerification({ ...base, path: '/redirect/2' }, to(httpPort), { followRedirects: true });
    expect(followed.status).toBe(200);
    expect(followed.redirects.map((x) => x.location)).toEqual(['/redirect/1', '/redirect/0', '/echo']);
    const loop = await sendVerification({ ...base, path: '/loop' }, to(httpPort), { followRedirects: true });
    expect(loop.status).toBe(302);
    expect(loop.redirects).toHaveLength(5);
  });
});

describe('HTTPS', () => {
  it('SNI = Host, captures the certificate and whether it covers the host', async () => {
    sniSeen.length = 0;
    const r = await sendVerification(https({ path: '/status/418' }), to(httpsPort));
    expect(r.status).toBe(418);
    expect(sniSeen).toEqual(['a.aliyun.com']);
    expect(r.tls).toMatchObject({
      subject: 'CN=*.aliyun.com',
      sans: ['*.aliyun.com', 'a.aliyun.com'],
      issuer: 'CN=*.aliyun.com',
      coversHost: true,
      trusted: false,
    });
    expect(r.tls?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(Date.parse(r.tls?.validTo ?? '')).toBeGreaterThan(Date.now());
    expect(r.timings.tls).toBeGreaterThan(0);
    const other = await sendVerification(https({ host: 'www.example.com', sni: 'www.example.com' }), to(httpsPort));
    expect(other.tls?.coversHost).toBe(false);
  });

  it('HTTP/2 over TLS (ALPN h2) and h2c with prior knowledge', async () => {
    const h2 = await sendVerification(https(), to(httpsPort), { http2: true });
    expect(h2).toMatchObject({ httpVersion: '2.0', status: 200 });
    expect(h2.body?.kind === 'json' && (h2.body.value as { host: string }).host).toBe('a.aliyun.com');
    expect(h2.tls?.alpn).toBe('h2');
    const h2c = await sendVerification(base, to(h2cPort), { http2: true });
    expect(h2c).toMatchObject({ httpVersion: '2.0', status: 200 });
    expect(h2c.body?.kind === 'json' && (h2c.body.value as { host: string }).host).toBe('httpbin.aliyun.com');
  });
});

describe('failures become results, never throws', () => {
  it('timeout', async () => {
    const started = Date.now();
    const r = await sendVerification({ ...base, path: '/hang' }, to(httpPort), { timeoutMs: 300 });
    expect(r.errorCode).toBe('timeout');
    expect(r.error).toContain('300 ms');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('connection refused', async () => {
    expect((await sendVerification(base, to(closedPort))).errorCode).toBe('refused');
  });

  it('reset by the peer', async () => {
    expect((await sendVerification(base, to(resetPort))).errorCode).toBe('reset');
    expect((await sendVerification({ ...base, path: '/reset' }, to(httpPort))).errorCode).toBe('reset');
  });

  it('TLS handshake failure (https to a plain HTTP port)', async () => {
    const r = await sendVerification(https(), to(httpPort));
    expect(r.errorCode).toBe('tls');
  });

  it('cancel', async () => {
    const ac = new AbortController();
    const p = sendVerification({ ...base, path: '/hang' }, to(httpPort), { signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    expect((await p).errorCode).toBe('aborted');
  });

  it('guard: header injection, a name instead of an IP, and the policy hook refuse before connecting', async () => {
    const inj = await sendVerification({ ...base, headers: { 'x-a': 'b\r\nX-Evil: 1' } }, to(httpPort));
    expect(inj).toMatchObject({ errorCode: 'guard', error: expect.stringContaining('header injection') });
    expect((await sendVerification(base, { address: 'localhost', port: httpPort })).errorCode).toBe('guard');
    const hooked = await sendVerification(base, to(httpPort), { guard: () => ({ ok: false, reason: 'not a Gateway address' }) });
    expect(hooked).toMatchObject({ errorCode: 'guard', error: 'not a Gateway address' });
  });

  it('the guard also applies to each redirect hop', async () => {
    let calls = 0;
    const r = await sendVerification({ ...base, path: '/redirect/1' }, to(httpPort), {
      followRedirects: true,
      guard: () => (++calls > 1 ? { ok: false, reason: 'hop refused' } : { ok: true }),
    });
    expect(r).toMatchObject({ errorCode: 'guard', error: 'hop refused' });
    expect(r.redirects).toHaveLength(1);
  });
});
