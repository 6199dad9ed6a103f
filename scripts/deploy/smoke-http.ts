/**
 * HTTP helpers of the standalone smoke test: a free loopback port, waiting for health, reading
 * only the head of a response (the watch route streams forever), and concrete URLs for the
 * build's dynamic routes.
 */
import net from 'node:net';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Polls `url` until it answers 200 or `timeoutMs` passes. */
export async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become healthy within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Status and headers of a GET, without waiting for (or keeping) the body. */
export async function fetchHead(url: string): Promise<{ status: number; headers: Headers }> {
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal, redirect: 'manual' });
  abort.abort();
  return { status: res.status, headers: res.headers };
}

/** Values for the dynamic segments, taken from the local cluster's seed (the ASM walkthrough). */
const SEGMENTS: Record<string, string> = { namespace: 'istio-system', name: 'gateway', kind: 'gateways' };

/**
 * The build's routes as requestable paths: dynamic segments filled from {@link SEGMENTS}, Next's
 * internal error pages left out (they are not reachable by URL).
 */
export function concreteRoutes(routes: string[]): string[] {
  return routes
    .filter((r) => !r.startsWith('/_'))
    .map((r) => r.replace(/\[(\w+)\]/g, (_, seg: string) => SEGMENTS[seg] ?? seg))
    .sort();
}
