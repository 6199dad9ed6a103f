/**
 * The gateway's request path: ask the planner, then answer directly, redirect, or forward
 * with streaming both ways, retries, timeouts and mirrors, logging every request.
 */
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AccessLogEntry, AccessLogSink } from './access-log';
import type { AnyRequest, AnyResponse, ConnectionInfo } from './binding';
import { addForwarded, applyHeaderOps, stripHopByHop } from './headers';
import { mirrorRequest } from './mirror';
import { upstreamRequestHeaders, type RawHeaderList } from './raw-headers';
import { relay } from './relay';
import { isoTime } from './clock';
import type { Endpoint, ForwardPlan, Plan, Planner, RequestInfo, UpstreamTarget } from './plan';
import { ERROR_BODIES, sendSimple } from './respond';
import { replayable, requestBody, sendBody, REPLAY_BODY_LIMIT } from './request-body';
import { requestHasBody, requestInfo } from './request-info';
import { UpstreamError, UpstreamPool, type Attempt, type UpstreamResponse } from './upstream';
import { tunnelUpgrade } from './websocket';

/** Options of {@link createProxy}. */
export interface ProxyOptions {
  /** Decides what to do with each request (routing lives there, not here). */
  planner: Planner;
  /** Receives one entry per request. */
  accessLog?: AccessLogSink;
  /** Time allowed for an upstream response head when the route sets no timeout; default 15 s. */
  upstreamTimeoutMs?: number;
  /** Random source for mirror percentages (tests inject a fixed one). */
  random?: () => number;
  /** Largest request body buffered so a route with retries can replay it; default 64 KiB. */
  retryBodyLimit?: number;
}

/** A request handler set, to plug into {@link createListenerSet}. */
export interface Proxy {
  onRequest(req: AnyRequest, res: AnyResponse, conn: ConnectionInfo): void;
  onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, conn: ConnectionInfo): void;
  /** Closes pooled upstream connections. */
  close(): void;
}

/** Per-request state shared by the stages of one exchange. */
interface Exchange {
  t0: number;
  entry: AccessLogEntry;
  /** Set once the exchange is over for the proxy (client gone, request timeout answered). */
  done: boolean;
  current: Attempt | undefined;
  requestTimer: NodeJS.Timeout | undefined;
}

/** Methods a proxy may send again after a failure (RFC 9110 §9.2.2). */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

/**
 * Methods for which Node's client adds no body framing header itself (no `Content-Length` from
 * `end(data)`, no chunked encoding): for them a head written before the body is the same head.
 */
const NO_BODY_FRAMING = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Creates the proxy. */
export function createProxy(opts: ProxyOptions): Proxy {
  const pool = new UpstreamPool();
  const defaultTimeout = opts.upstreamTimeoutMs ?? 15_000;
  const random = opts.random ?? Math.random;
  const bodyLimit = opts.retryBodyLimit ?? REPLAY_BODY_LIMIT;
  const cursor = new Map<string, number>();
  const log = opts.accessLog ?? (() => undefined);

  // Round robin per target, as kube-proxy spreads connections over a Service's endpoints.
  function pick(target: UpstreamTarget): Endpoint {
    const n = cursor.get(target.name) ?? 0;
    cursor.set(target.name, n + 1);
    return target.endpoints[n % target.endpoints.length] as Endpoint;
  }

  function upstreamHeaders(req: AnyRequest, info: RequestInfo, plan: ForwardPlan, upgrade: boolean): OutgoingHttpHeaders {
    const headers = stripHopByHop(req.headers, { keepTeTrailers: plan.target.protocol === 'h2c', keepUpgrade: upgrade });
    addForwarded(headers, info);
    headers.host = info.host;
    applyHeaderOps(headers, plan.requestHeaders);
    if (plan.rewriteHost !== undefined) headers.host = plan.rewriteHost;
    return headers;
  }

  /**
   * The common case, HTTP/1.1 in and out with no request header filter and no mirror, builds the
   * upstream head in one pass over the client's raw headers; the rest edits a header object.
   */
  function forwardHeaders(req: AnyRequest, info: RequestInfo, plan: ForwardPlan): OutgoingHttpHeaders | RawHeaderList {
    const raw =
      plan.target.protocol === 'http/1.1' &&
      plan.requestHeaders.length === 0 &&
      plan.mirrors.length === 0 &&
      info.httpVersion !== '2.0' &&
      // Node writes a raw head at once, so it cannot add the Content-Length of a body it is only
      // given later (`end(data)`); only where it would not add one anyway (see NO_BODY_FRAMING).
      (NO_BODY_FRAMING.has(info.method) || req.headers['content-length'] !== undefined);
    return raw
      ? upstreamRequestHeaders(req.rawHeaders, info, plan.rewriteHost ?? info.host)
      : upstreamHeaders(req, info, plan, false);
  }

  async function forward(req: AnyRequest, res: AnyResponse, info: RequestInfo, plan: ForwardPlan, ex: Exchange): Promise<void> {
    const entry = ex.entry;
    entry.backend = plan.target.name;
    if (plan.target.endpoints.length === 0) return sendSimple(res, 503, ERROR_BODIES.noEndpoints, {}, plan.responseHeaders);
    const headers = forwardHeaders(req, info, plan);
    const path = plan.rewritePath ?? info.path;
    const requestMs = plan.timeouts?.requestMs;
    const deadline = requestMs ? ex.t0 + requestMs : undefined;
    if (requestMs && !ex.done) {
      ex.requestTimer = setTimeout(() => {
        ex.done = true;
        ex.current?.abort();
        entry.error = 'request timeout';
        sendSimple(res, 504, ERROR_BODIES.timeout);
      }, requestMs);
    }
    // A streamed body cannot be replayed: on a route with retries a small body is read first.
    const pending = requestBody(req, requestHasBody(req), plan.retry !== undefined, bodyLimit);
    const body = pending instanceof Promise ? await pending : pending;
    if (!body || ex.done) return;
    for (const m of plan.mirrors) {
      if (m.target.endpoints.length > 0 && random() < m.fraction) {
        mirrorRequest(pool, req, body, {
          endpoint: pick(m.target),
          protocol: m.target.protocol,
          method: info.method,
          path,
          headers: Array.isArray(headers) ? headers.slice() : { ...headers },
          timeoutMs: defaultTimeout,
        });
      }
    }
    const maxAttempts = 1 + (plan.retry && replayable(body) ? (plan.retry.attempts ?? 1) : 0);

    // A request the upstream never saw (its pooled connection was already closed) is re-sent once
    // on a new connection, when that is safe (RFC 9110 §9.2.2 idempotent methods, replayable body).
    let resend = IDEMPOTENT.has(info.method) && replayable(body);
    let fresh = false;
    for (let attempt = 1; attempt <= maxAttempts && !ex.done; attempt++) {
      const endpoint = pick(plan.target);
      entry.endpoint = `${endpoint.host}:${endpoint.port}`;
      entry.attempts = attempt;
      const remaining = deadline === undefined ? Infinity : deadline - Date.now();
      const timeoutMs = Math.max(
        1,
        Math.min(plan.timeouts?.backendRequestMs ?? (requestMs ? Infinity : defaultTimeout), remaining),
      );
      const started = Date.now();
      const current = pool.start({
        endpoint,
        protocol: plan.target.protocol,
        method: info.method,
        path,
        headers,
        timeoutMs,
        freshConnection: fresh,
      });
      ex.current = current;
      sendBody(req, body, current.sink);
      let up: UpstreamResponse;
      try {
        up = await current.response;
      } catch (err) {
        if (ex.done) return;
        const e = err instanceof UpstreamError ? err : new UpstreamError('reset', String(err));
        if (e.staleConnection && resend) {
          resend = false;
          fresh = true;
          attempt--;
          continue;
        }
        // HTTPRouteRetry (backoff): an attempt that timed out (backendRequest, or the default
        // upstream timeout) is retried like a connection error; the request timeout ends it all.
        if (attempt < maxAttempts) {
          await sleep(plan.retry?.backoffMs ?? 0);
          continue;
        }
        entry.error = e.message;
        return sendSimple(res, e.reason === 'timeout' ? 504 : 502, ERROR_BODIES[e.reason]);
      }
      if (ex.done) return void up.body.resume();
      if (plan.retry?.codes.includes(up.status) && attempt < maxAttempts) {
        up.body.resume();
        await sleep(plan.retry.backoffMs ?? 0);
        continue;
      }
      entry.upstreamServiceTimeMs = Date.now() - started;
      return relay(res, up, plan, entry.upstreamServiceTimeMs, ex);
    }
  }

  function execute(req: AnyRequest, res: AnyResponse, info: RequestInfo, plan: Plan, ex: Exchange): void | Promise<void> {
    const { entry } = ex;
    const meta = plan.meta;
    entry.gateway = meta.gateway;
    entry.listener = meta.listener;
    entry.route = meta.route;
    entry.rule = meta.rule;
    if (plan.kind === 'direct') return sendSimple(res, plan.status, plan.body ?? '', plan.headers, plan.responseHeaders);
    if (plan.kind === 'redirect') return sendSimple(res, plan.status, '', { location: plan.location }, plan.responseHeaders);
    return forward(req, res, info, plan, ex);
  }

  return {
    onRequest(req, res, conn) {
      const info = requestInfo(req, conn);
      const t0 = Date.now();
      const ex: Exchange = {
        t0,
        // Every field the request may fill, in one literal: one hidden class for all entries.
        entry: {
          time: isoTime(t0),
          gateway: undefined,
          listener: undefined,
          route: undefined,
          rule: undefined,
          backend: undefined,
          endpoint: undefined,
          status: 0,
          durationMs: 0,
          method: info.method,
          host: info.host,
          path: info.path,
          protocol: req.httpVersion === '1.1' ? 'HTTP/1.1' : `HTTP/${req.httpVersion}`,
          upstreamServiceTimeMs: undefined,
          attempts: undefined,
          error: undefined,
        },
        done: false,
        current: undefined,
        requestTimer: undefined,
      };
      // One listener per request does the bookkeeping of every stage (timers, abort, log).
      res.once('close', () => {
        clearTimeout(ex.requestTimer);
        if (!res.writableFinished) ex.current?.abort();
        ex.done = true;
        const entry = ex.entry;
        entry.status = res.headersSent ? res.statusCode : 0;
        entry.durationMs = Date.now() - t0;
        log(entry);
      });
      // The runtime's planner is synchronous: no promise hop unless a planner returns one.
      try {
        const planned = opts.planner(info);
        const run =
          planned instanceof Promise
            ? planned.then((plan) => execute(req, res, info, plan, ex))
            : execute(req, res, info, planned, ex);
        if (run) run.catch((err: unknown) => fail(res, ex, err));
      } catch (err) {
        fail(res, ex, err);
      }
    },
    onUpgrade(req, socket, head, conn) {
      const info = requestInfo(req, conn);
      tunnelUpgrade({
        req,
        socket,
        head,
        info,
        planner: opts.planner,
        log,
        timeoutMs: defaultTimeout,
        pick,
        headersFor: (plan) => upstreamHeaders(req, info, plan, true),
      });
    },
    close: () => pool.close(),
  };
}

/** Answers 500 for a request the proxy itself failed on (a bug, never an upstream's failure). */
function fail(res: AnyResponse, ex: Exchange, err: unknown): void {
  ex.entry.error = err instanceof Error ? err.message : String(err);
  sendSimple(res, 500, ERROR_BODIES.internal);
}
