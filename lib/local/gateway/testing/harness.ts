/**
 * Test helper: a gateway (listener set + proxy) on 127.0.0.1 with a swappable planner,
 * plus tiny upstream servers and a raw HTTP client.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AccessLogEntry } from '../access-log';
import { createListenerSet, type ListenerSet, type ListenerSpec } from '../listener-set';
import type { ForwardPlan, Plan, Planner, UpstreamTarget } from '../plan';
import { createProxy, type Proxy, type ProxyOptions } from '../proxy';

/** A running test gateway. */
export interface TestGateway {
  set: ListenerSet;
  proxy: Proxy;
  port: number;
  logs: AccessLogEntry[];
  /** Replaces the planner for subsequent requests. */
  route(planner: Planner): void;
  stop(): Promise<void>;
}

/** Starts a gateway with one HTTP port (or the given specs). */
export async function startGateway(
  opts: Partial<ProxyOptions> & { specs?: ListenerSpec[]; maxHeaderSize?: number } = {},
): Promise<TestGateway> {
  const logs: AccessLogEntry[] = [];
  let planner: Planner = () => ({ kind: 'direct', meta: {}, status: 404, body: 'no route' });
  const proxy = createProxy({ ...opts, planner: (info) => planner(info), accessLog: (e) => logs.push(e) });
  const set = createListenerSet({
    onRequest: proxy.onRequest,
    onUpgrade: proxy.onUpgrade,
    drainMs: 2_000,
    ...(opts.maxHeaderSize ? { maxHeaderSize: opts.maxHeaderSize } : {}),
  });
  const statuses = await set.apply(opts.specs ?? [{ address: '127.0.0.1', port: 0, protocol: 'HTTP' }]);
  return {
    set,
    proxy,
    port: statuses[0]?.boundPort ?? 0,
    logs,
    route: (p) => {
      planner = p;
    },
    stop: async () => {
      await set.close();
      proxy.close();
    },
  };
}

/** A forward plan to `target` with everything else empty. */
export function forwardTo(target: UpstreamTarget, extra: Partial<ForwardPlan> = {}): Plan {
  return {
    kind: 'forward',
    meta: { gateway: 'gw', listener: 'l', route: 'r', rule: '0' },
    target,
    requestHeaders: [],
    responseHeaders: [],
    mirrors: [],
    ...extra,
  };
}

/** An upstream target for a local server port. */
export function targetOf(port: number, name = `default/svc:${port}`): UpstreamTarget {
  return { name, endpoints: [{ host: '127.0.0.1', port }], protocol: 'http/1.1' };
}

/** Starts an HTTP/1.1 upstream with the given handler. */
export async function startUpstream(
  handler: http.RequestListener,
): Promise<{ server: http.Server; port: number; stop(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Collected response. */
export interface Received {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Sends one request (fresh connection) and collects the response. */
export function send(
  port: number,
  opts: {
    method?: string;
    path?: string;
    headers?: http.OutgoingHttpHeaders;
    body?: string;
    /** Body written in these pieces without a Content-Length (chunked transfer coding). */
    chunks?: string[];
  } = {},
): Promise<Received> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path ?? '/', headers: opts.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    for (const chunk of opts.chunks ?? []) req.write(chunk);
    req.end(opts.body);
  });
}

/** Echo handler: answers with the request head as JSON. */
export const echoHandler: http.RequestListener = (req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.stringify({
      method: req.method,
      url: req.url,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
};
