/**
 * One attempt to an upstream endpoint over HTTP/1.1 (pooled keep-alive) or h2c (one
 * multiplexed session per endpoint). Resolves at response headers; the body stays a stream.
 */
import http, { type OutgoingHttpHeaders } from 'node:http';
import http2 from 'node:http2';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import type { BackendProtocol, Endpoint } from './plan';
import { rawHeaderValue, type RawHeaderList } from './raw-headers';

/** Response head plus the body stream, as received from the upstream. */
export interface UpstreamResponse {
  status: number;
  /** The head as a header object (built on first read; HTTP/1.1 relays use `rawHeaders`). */
  readonly headers: http.IncomingHttpHeaders;
  /** The head as received, for HTTP/1.1 upstreams (undefined for h2c). */
  rawHeaders: RawHeaderList | undefined;
  body: Readable;
  /** Fires with HTTP/2 trailers (gRPC status), when the upstream sends any. */
  onTrailers(listener: (trailers: http.IncomingHttpHeaders) => void): void;
}

/** Why an attempt failed before a response head arrived. */
export class UpstreamError extends Error {
  constructor(
    readonly reason: 'timeout' | 'connect' | 'reset',
    message: string,
    /** The attempt went out on a pooled keep-alive connection the upstream had already closed. */
    readonly staleConnection = false,
  ) {
    super(message);
  }
}

/** One attempt's inputs. */
export interface AttemptRequest {
  endpoint: Endpoint;
  protocol: BackendProtocol;
  method: string;
  path: string;
  /** A header object, or for HTTP/1.1 a flat raw list (sent as is, see raw-headers.ts). */
  headers: OutgoingHttpHeaders | RawHeaderList;
  /** Time allowed until the response head arrives. */
  timeoutMs: number;
  /** Open a new connection instead of reusing a pooled one (HTTP/1.1). */
  freshConnection?: boolean;
}

/** A started attempt: write the body into `sink`, await `response`, `abort` on client loss. */
export interface Attempt {
  sink: NodeJS.WritableStream;
  response: Promise<UpstreamResponse>;
  abort(): void;
}

const noTrailers = (): void => undefined;

const CONNECT_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ENOTFOUND']);

function classify(err: unknown): UpstreamError {
  if (err instanceof UpstreamError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? '';
  return new UpstreamError(CONNECT_CODES.has(code) ? 'connect' : 'reset', err instanceof Error ? err.message : String(err));
}

/** Node's margin below a server's announced keep-alive timeout (its HTTP_AGENT_KEEP_ALIVE_TIMEOUT_BUFFER). */
const KEEP_ALIVE_MARGIN_MS = 1000;

/**
 * The keep-alive pool. Same rules as Node's `Agent#keepSocketAlive` (a socket is not kept when
 * the upstream announces `Keep-Alive: timeout=N` of 1 s or less; the announced timeout minus 1 s
 * caps the agent's own idle timeout), but the hint is read from the response's raw headers:
 * Node's version reads `res.headers`, which builds a header object for every response, and the
 * proxy relays HTTP/1.1 responses from `rawHeaders` without ever needing one.
 */
class UpstreamAgent extends http.Agent {
  override keepSocketAlive(socket: Socket): boolean {
    // Node's Agent fields its typings leave out.
    const self = this as unknown as { keepAliveMsecs: number; options: { timeout?: number } };
    socket.setKeepAlive(true, self.keepAliveMsecs);
    socket.unref();
    let timeout = self.options.timeout || 0;
    const res = (socket as unknown as { _httpMessage?: { res?: http.IncomingMessage } })._httpMessage?.res;
    const hint = res ? rawHeaderValue(res.rawHeaders, 'keep-alive') : undefined;
    const seconds = hint ? /^timeout=(\d+)/.exec(hint)?.[1] : undefined;
    if (seconds !== undefined) {
      const ms = Number(seconds) * 1000 - KEEP_ALIVE_MARGIN_MS;
      if (ms <= 0) return false;
      if (ms < timeout) timeout = ms;
    }
    if (socket.timeout !== timeout) socket.setTimeout(timeout);
    return true;
  }
}

/** A header object from either representation (HTTP/2 needs one; raw lists come from HTTP/1.1 paths). */
function headerObject(headers: OutgoingHttpHeaders | RawHeaderList): OutgoingHttpHeaders {
  if (!Array.isArray(headers)) return headers as OutgoingHttpHeaders;
  const out: OutgoingHttpHeaders = {};
  for (let i = 0; i < headers.length; i += 2) {
    const name = (headers[i] as string).toLowerCase();
    const prev = out[name];
    const value = headers[i + 1] as string;
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [String(prev), value];
  }
  return out;
}

/** Connection pools of one proxy; `close` tears them down. */
export class UpstreamPool {
  private readonly agent = new UpstreamAgent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64, scheduling: 'lifo' });
  private readonly sessions = new Map<string, http2.ClientHttp2Session>();

  private session(ep: Endpoint): http2.ClientHttp2Session {
    const key = `${ep.host}:${ep.port}`;
    const existing = this.sessions.get(key);
    if (existing && !existing.closed && !existing.destroyed) return existing;
    const host = ep.host.includes(':') ? `[${ep.host}]` : ep.host;
    const s = http2.connect(`http://${host}:${ep.port}`);
    s.on('error', () => undefined);
    s.once('close', () => this.sessions.get(key) === s && this.sessions.delete(key));
    this.sessions.set(key, s);
    return s;
  }

  /** Starts one attempt. */
  start(req: AttemptRequest): Attempt {
    return req.protocol === 'h2c' ? this.startH2(req) : this.startH1(req);
  }

  // One promise and one timer per attempt, settled straight from the request's own events
  // (no wrapping promise): this runs on every proxied request.
  private startH1(req: AttemptRequest): Attempt {
    const options: http.RequestOptions & { servername: string } = {
      host: req.endpoint.host,
      port: req.endpoint.port,
      method: req.method,
      path: req.path,
      headers: req.headers,
      agent: req.freshConnection ? false : this.agent,
      // Plain HTTP needs no TLS server name: skips the Agent deriving one from Host on every request.
      servername: '',
    };
    const up = http.request(options);
    const response = new Promise<UpstreamResponse>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        up.destroy();
        reject(new UpstreamError('timeout', 'upstream request timeout'));
      }, req.timeoutMs);
      up.once('response', (res) => {
        clearTimeout(timer);
        settled = true;
        resolve({
          status: res.statusCode ?? 502,
          // A getter: Node builds the header object lazily, and the HTTP/1.1 relay never asks for it.
          get headers() {
            return res.headers;
          },
          rawHeaders: res.rawHeaders,
          body: res,
          onTrailers: noTrailers,
        });
      });
      up.on('error', (err) => {
        clearTimeout(timer);
        // After the head, errors belong to the body stream the proxy is relaying.
        if (settled) return;
        settled = true;
        up.destroy();
        // The keep-alive race: the upstream closed an idle connection as this request reused it.
        const code = (err as NodeJS.ErrnoException).code;
        const stale = up.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE');
        reject(stale ? new UpstreamError('reset', err.message, true) : classify(err));
      });
    });
    return { sink: up, response, abort: up.destroy.bind(up) };
  }

  private startH2(req: AttemptRequest): Attempt {
    const headers: OutgoingHttpHeaders = { ...headerObject(req.headers), ':method': req.method, ':path': req.path };
    headers[':authority'] = headers.host;
    delete headers.host;
    const stream = this.session(req.endpoint).request(headers);
    const abort = (): void => void stream.close(http2.constants.NGHTTP2_CANCEL);
    const response = new Promise<UpstreamResponse>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        abort();
        reject(new UpstreamError('timeout', 'upstream request timeout'));
      }, req.timeoutMs);
      const fail = (err: unknown): void => {
        clearTimeout(timer);
        // After the head, errors and close belong to the body stream the proxy is relaying.
        if (settled) return;
        settled = true;
        abort();
        reject(classify(err));
      };
      stream.once('response', (head) => {
        clearTimeout(timer);
        settled = true;
        const out: http.IncomingHttpHeaders = {};
        for (const [k, v] of Object.entries(head)) if (!k.startsWith(':')) out[k] = v as string | string[];
        resolve({
          status: Number(head[':status'] ?? 502),
          headers: out,
          rawHeaders: undefined,
          body: stream,
          onTrailers: (listener) => stream.once('trailers', (t) => listener(t as http.IncomingHttpHeaders)),
        });
      });
      stream.on('error', fail);
      stream.once('close', () => fail(new UpstreamError('reset', `stream closed (code ${stream.rstCode ?? 0})`)));
    });
    return { sink: stream, response, abort };
  }

  /** Closes pooled connections. */
  close(): void {
    this.agent.destroy();
    for (const s of this.sessions.values()) s.destroy();
    this.sessions.clear();
  }
}
