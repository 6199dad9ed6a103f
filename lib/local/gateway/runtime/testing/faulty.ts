/**
 * Test support: backends that misbehave the way real ones do, for the gateway's error paths.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';

/** A running misbehaving backend. */
export interface FaultyBackend {
  port: number;
  /** Requests received per path (attempts, when the gateway retries). */
  hits: Map<string, number>;
  /** Request bodies received per path, one per attempt (`flaky` only: it reads them before answering). */
  bodies: Map<string, string[]>;
  stop(): Promise<void>;
}

/**
 * `flaky`: `/…/fail-<n>/…` answers 503 to the first n requests of that path, then 200 with the
 * attempt number, once it has read the request body. `reset`: destroys the connection on every request. `hang`: never answers.
 */
export async function startFaultyBackend(kind: 'flaky' | 'reset' | 'hang'): Promise<FaultyBackend> {
  const hits = new Map<string, number>();
  const bodies = new Map<string, string[]>();
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    if (kind === 'reset') return req.socket.destroy();
    if (kind === 'hang') return;
    const fails = Number(/fail-(\d+)/.exec(path)?.[1] ?? 0);
    const status = n <= fails ? 503 : 200;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.set(path, [...(bodies.get(path) ?? []), Buffer.concat(chunks).toString('utf8')]);
      res.writeHead(status, { 'content-type': 'text/plain', 'x-attempt': String(n) }).end(`attempt ${n}`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    bodies,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A local port nothing listens on (bound once, then released): connections are refused. */
export async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
