/**
 * One attempt to an upstream endpoint over HTTP/1.1 (pooled keep-alive) or h2c (one
 * multiplexed session per endpoint). Resolves at response headers; the body stays a stream.
 */
import http, { type OutgoingHttpHeaders } from 'node:http';
import http2 from 'node:http2';
import type { Readable } from 'node:stream';
import type { BackendProtocol, Endpoint } from './plan';

/** Response head plus the body stream, as received from the upstream. */
export interface UpstreamResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
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
  headers: OutgoingHttpHeaders;
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

/** Connection pools of one proxy; `close` tears them down. */
export class UpstreamPool {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64, scheduling: 'lifo' });
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
        resolve({ status: res.statusCode ?? 502, headers: res.headers, body: res, onTrailers: noTrailers });
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
    return { sink: up, response, abort: () => up.destroy() };
  }

  private startH2(req: AttemptRequest): Attempt {
    const headers: OutgoingHttpHeaders = { ...req.headers, ':method': req.method, ':path': req.path };
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
