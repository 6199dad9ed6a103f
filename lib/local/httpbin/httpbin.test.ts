import { readFileSync } from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpbin, type HttpbinServer } from './index';

interface Res {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  base: string,
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    // Explicit length: Node's client sends DELETE bodies without framing otherwise.
    const framing = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const req = http.request(new URL(target, base), { method, headers: { ...framing, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = (r: Res) => JSON.parse(r.body) as Record<string, unknown>;

let bin: HttpbinServer;
let v2: HttpbinServer;
beforeAll(async () => {
  bin = await startHttpbin({});
  v2 = await startHttpbin({ instance: 'httpbin-v2' });
});
afterAll(async () => {
  await bin.stop();
  await v2.stop();
});

describe('httpbin echo endpoints', () => {
  it('GET /get echoes args, title-cased headers, origin and url in httpbin shape', async () => {
    const r = await request(bin.url, 'GET', '/get?a=1&b=2&b=3', { Host: 'httpbin.aliyun.com', 'x-b3-traceid': 'abc' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers['access-control-allow-origin']).toBe('*');
    const b = json(r);
    expect(b.args).toEqual({ a: '1', b: ['2', '3'] });
    expect(b.headers).toMatchObject({ Host: 'httpbin.aliyun.com', 'X-B3-Traceid': 'abc' });
    expect(b.origin).toBe('127.0.0.1');
    expect(b.url).toBe('http://httpbin.aliyun.com/get?a=1&b=2&b=3');
    expect(b).toMatchObject({ method: 'GET', path: '/get', host: 'httpbin.aliyun.com' });
    expect(b).not.toHaveProperty('instance');
    // Flask's jsonify: sorted keys, 2-space indent, trailing newline.
    expect(Object.keys(b)).toEqual([...Object.keys(b)].sort());
    expect(r.body.endsWith('}\n')).toBe(true);
  });

  it('HEAD /get answers 200 with json content-type and the GET body length, no body', async () => {
    const get = await request(bin.url, 'GET', '/get', { Host: 'h' });
    const head = await request(bin.url, 'HEAD', '/get', { Host: 'h' });
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('application/json');
    // Same document as GET except the echoed method name.
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(get.body.replace('"GET"', '"HEAD"')));
    expect(head.body).toBe('');
  });

  it('origin and url honour X-Forwarded-For / -Proto set by a proxy', async () => {
    const b = json(
      await request(bin.url, 'GET', '/get', {
        'x-forwarded-for': '10.0.0.1',
        'x-forwarded-proto': 'https',
        Host: 'a.aliyun.com',
      }),
    );
    expect(b.origin).toBe('10.0.0.1');
    expect(b.url).toBe('https://a.aliyun.com/get');
  });

  it('/anything/* accepts any method and decodes JSON, form and raw bodies', async () => {
    const j = json(await request(bin.url, 'PUT', '/anything/x/y?q=1', { 'content-type': 'application/json' }, '{"k":[1,2]}'));
    expect(j).toMatchObject({ method: 'PUT', path: '/anything/x/y', args: { q: '1' }, json: { k: [1, 2] }, data: '{"k":[1,2]}' });
    const f = json(
      await request(bin.url, 'POST', '/anything', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=1&a=2&b=x'),
    );
    expect(f.form).toEqual({ a: ['1', '2'], b: 'x' });
    const t = json(await request(bin.url, 'DELETE', '/anything', { 'content-type': 'text/plain' }, 'hello'));
    expect(t).toMatchObject({ data: 'hello', json: null, method: 'DELETE' });
  });

  it('/post, /put, /patch, /delete accept only their method', async () => {
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const ok = await request(bin.url, m, `/${m.toLowerCase()}`, { 'content-type': 'application/json' }, '{"x":1}');
      expect(ok.status).toBe(200);
      expect(json(ok).json).toEqual({ x: 1 });
    }
    const wrong = await request(bin.url, 'GET', '/post');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toContain('POST');
  });

  it('/headers, /ip, /user-agent, /uuid', async () => {
    expect(json(await request(bin.url, 'GET', '/headers', { 'x-test': 'v' })).headers).toMatchObject({ 'X-Test': 'v' });
    expect(json(await request(bin.url, 'GET', '/ip')).origin).toBe('127.0.0.1');
    expect(json(await request(bin.url, 'GET', '/user-agent', { 'user-agent': 'curl/8.0' }))['user-agent']).toBe('curl/8.0');
    expect(json(await request(bin.url, 'GET', '/uuid')).uuid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('httpbin status, delay, headers, redirects', () => {
  it('/status/418 returns exactly the seed teapot with x-more-info', async () => {
    const teapot = readFileSync(path.join(__dirname, '__fixtures__/teapot.txt'), 'utf8');
    const r = await request(bin.url, 'GET', '/status/418');
    expect(r.status).toBe(418);
    expect(r.body).toBe(teapot);
    expect(r.headers['x-more-info']).toBe('http://tools.ietf.org/html/rfc2324');
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('/status/{a,b} picks among the listed codes, and rejects junk with 400', async () => {
    const seen = new Set<number>();
    for (let i = 0; i < 40; i++) seen.add((await request(bin.url, 'GET', '/status/201,204')).status);
    expect([...seen].sort()).toEqual([201, 204]);
    expect((await request(bin.url, 'POST', '/status/503')).status).toBe(503);
    expect((await request(bin.url, 'GET', '/status/abc')).status).toBe(400);
  });

  it('/delay/{n} waits n seconds', async () => {
    const t0 = Date.now();
    const r = await request(bin.url, 'GET', '/delay/0.3');
    expect(r.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    expect(json(r).path).toBe('/delay/0.3');
  });

  it('/response-headers sets the args as headers and echoes them with a true Content-Length', async () => {
    const r = await request(bin.url, 'GET', '/response-headers?x-foo=bar&Cache-Control=no-cache');
    expect(r.headers['x-foo']).toBe('bar');
    expect(r.headers['cache-control']).toBe('no-cache');
    const b = json(r);
    expect(b['x-foo']).toBe('bar');
    expect(Number(b['Content-Length'])).toBe(Buffer.byteLength(r.body));
  });

  it('/redirect/{n} chains relative redirects down to /get; /redirect-to honours status_code', async () => {
    const r = await request(bin.url, 'GET', '/redirect/3');
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe('/relative-redirect/2');
    expect((await request(bin.url, 'GET', '/relative-redirect/1')).headers.location).toBe('/get');
    const abs = await request(bin.url, 'GET', '/redirect/2?absolute=true', { Host: 'h.example' });
    expect(abs.headers.location).toBe('http://h.example/absolute-redirect/1');
    const to = await request(bin.url, 'GET', '/redirect-to?url=https%3A%2F%2Fexample.com%2F&status_code=307');
    expect(to.status).toBe(307);
    expect(to.headers.location).toBe('https://example.com/');
  });

  it('/bytes/{n} and /stream/{n}', async () => {
    const b = await request(bin.url, 'GET', '/bytes/1000');
    expect(b.headers['content-length']).toBe('1000');
    const s = await request(bin.url, 'GET', '/stream/3');
    const lines = s.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number });
    expect(lines.map((l) => l.id)).toEqual([0, 1, 2]);
  });
});

describe('httpbin instances and protocols', () => {
  it('a named instance says it answered, in header and body', async () => {
    const r = await request(v2.url, 'GET', '/get');
    expect(r.headers['x-httpbin-instance']).toBe('httpbin-v2');
    expect(json(r).instance).toBe('httpbin-v2');
    expect((await request(v2.url, 'GET', '/status/418')).headers['x-httpbin-instance']).toBe('httpbin-v2');
  });

  it('serves h2c (prior knowledge) on the same port', async () => {
    const client = http2.connect(bin.url);
    try {
      const body = await new Promise<string>((resolve, reject) => {
        const s = client.request({ ':path': '/get?h2=1', ':authority': 'grpc.example' });
        let data = '';
        s.setEncoding('utf8');
        s.on('data', (c: string) => (data += c));
        s.on('end', () => resolve(data));
        s.on('error', reject);
      });
      const b = JSON.parse(body) as Record<string, unknown>;
      expect(b.host).toBe('grpc.example');
      expect(b.args).toEqual({ h2: '1' });
    } finally {
      client.close();
    }
  });
});
