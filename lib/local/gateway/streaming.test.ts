import { createHash } from 'node:crypto';
import http from 'node:http';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardTo, startGateway, startUpstream, targetOf, type TestGateway } from './testing/harness';

const TOTAL = 20 * 1024 * 1024;
const CHUNK = 64 * 1024;
const STALL_MS = 1_000;

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway();
});
afterAll(() => gw.stop());

/** A lazily generated body, so the client holds one chunk at a time and we can count what was pulled. */
function generator(): { stream: Readable; pulled: () => number; hash: () => string } {
  let sent = 0;
  const h = createHash('sha256');
  const stream = new Readable({
    read() {
      if (sent >= TOTAL) return void this.push(null);
      const chunk = Buffer.alloc(CHUNK, sent / CHUNK);
      h.update(chunk);
      sent += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, pulled: () => sent, hash: () => h.copy().digest('hex') };
}

describe('streaming', () => {
  it('streams a 20 MB upload to a slow reader without buffering it', async () => {
    const marks: { head?: number; pulledAtResume?: number } = {};
    const body = generator();
    const up = await startUpstream((req, res) => {
      marks.head = body.pulled();
      // The upstream reads nothing for a while: a buffering proxy would swallow the whole body meanwhile.
      req.pause();
      setTimeout(() => {
        marks.pulledAtResume = body.pulled();
        const h = createHash('sha256');
        let n = 0;
        req.on('data', (c: Buffer) => {
          n += c.length;
          h.update(c);
        });
        req.on('end', () => res.end(JSON.stringify({ n, hash: h.digest('hex') })));
        req.resume();
      }, STALL_MS);
    });
    gw.route(() => forwardTo(targetOf(up.port)));
    const result = await new Promise<{ n: number; hash: string }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: gw.port, method: 'POST', path: '/upload', headers: { 'content-length': TOTAL }, agent: false },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve(JSON.parse(text) as { n: number; hash: string }));
        },
      );
      req.on('error', reject);
      body.stream.pipe(req);
    });
    expect(result.n).toBe(TOTAL);
    expect(result.hash).toBe(body.hash());
    // The upstream saw the request before the client had sent the body: no store-and-forward.
    expect(marks.head).toBeLessThan(TOTAL);
    // During the stall back-pressure held the client: only kernel socket buffers (~8 MB on loopback)
    // hold data; a proxy reading the body into memory would have drained all 20 MB in that second.
    expect(marks.pulledAtResume).toBeLessThan(TOTAL * 0.7);
    await up.stop();
  });

  it('streams a 20 MB download to a client that stalls, holding the upstream back instead of buffering', async () => {
    const body = generator();
    const up = await startUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': TOTAL });
      body.stream.pipe(res);
    });
    gw.route(() => forwardTo(targetOf(up.port)));
    const marks: { pulledAtResume?: number } = {};
    const result = await new Promise<{ n: number; hash: string }>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: gw.port, path: '/download', agent: false }, (res) => {
          // The client reads nothing for a while: a proxy ignoring back-pressure would pull the
          // whole body from the upstream into memory meanwhile.
          res.pause();
          setTimeout(() => {
            marks.pulledAtResume = body.pulled();
            const h = createHash('sha256');
            let n = 0;
            res.on('data', (c: Buffer) => {
              n += c.length;
              h.update(c);
            });
            res.on('end', () => resolve({ n, hash: h.digest('hex') }));
            res.resume();
          }, STALL_MS);
        })
        .on('error', reject);
    });
    expect(result.n).toBe(TOTAL);
    expect(result.hash).toBe(body.hash());
    // Only socket buffers (two loopback connections) and one stream high-water mark hold data.
    expect(marks.pulledAtResume).toBeLessThan(TOTAL * 0.7);
    await up.stop();
  });

  it('streams a response to the client chunk by chunk', async () => {
    let release: () => void = () => undefined;
    const up = await startUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first;');
      release = () => res.end('second');
    });
    gw.route(() => forwardTo(targetOf(up.port)));
    const seen: string[] = [];
    await new Promise<void>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: gw.port, agent: false }, (res) => {
          res.on('data', (c: Buffer) => {
            seen.push(c.toString());
            // The first chunk arrived while the upstream response is still open.
            if (seen.length === 1) release();
          });
          res.on('end', () => resolve());
        })
        .on('error', reject);
    });
    expect(seen.join('')).toBe('first;second');
    expect(seen[0]).toBe('first;');
    await up.stop();
  });
});
