/**
 * Turns a Node request into an httpbin context, dispatches it, and writes the reply with
 * httpbin's CORS headers and the answering instance's name.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { BodyTooLarge, headerValue, readBody, type HttpbinContext, type ResponseSink } from './context';
import { MAX_ECHO_BODY } from './request-info';
import { endpoints } from './routes';
import type { Reply } from './status';

/** The request surface shared by `http.IncomingMessage` and `http2.Http2ServerRequest`. */
export interface RequestSource extends Readable {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  socket: { remoteAddress?: string };
}

/**
 * httpbin answers every response with permissive CORS (the seed's `curl -I` shows
 * `access-control-allow-origin: *` and `access-control-allow-credentials: true`).
 */
function corsHeaders(headers: IncomingHttpHeaders, preflight: boolean): Record<string, string> {
  const out: Record<string, string> = {
    'access-control-allow-origin': headerValue(headers, 'origin') || '*',
    'access-control-allow-credentials': 'true',
  };
  if (preflight) {
    out['access-control-allow-methods'] = 'GET, POST, PUT, DELETE, PATCH, OPTIONS';
    out['access-control-max-age'] = '3600';
    const asked = headerValue(headers, 'access-control-request-headers');
    if (asked) out['access-control-allow-headers'] = asked;
  }
  return out;
}

function text(status: number, body: string): Reply {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}

async function dispatch(ctx: HttpbinContext): Promise<Reply | null> {
  // HEAD is GET without a body (Flask/werkzeug semantics); Node drops the body for HEAD itself.
  const method = ctx.src.method === 'HEAD' ? 'GET' : ctx.src.method;
  for (const ep of endpoints) {
    const match = ep.pattern.exec(ctx.path);
    if (!match) continue;
    if (method === 'OPTIONS') return { status: 200, headers: { allow: (ep.methods ?? ['GET']).join(', ') }, body: '' };
    if (ep.methods && !ep.methods.includes(method)) {
      return { ...text(405, 'Method Not Allowed\n'), headers: { allow: [...ep.methods, 'HEAD', 'OPTIONS'].join(', ') } };
    }
    return ep.handle(ctx, match);
  }
  return text(404, 'Not Found\n');
}

/**
 * Builds the request listener for one httpbin instance.
 * @param instance name stamped into JSON bodies and `x-httpbin-instance`, or undefined.
 */
export function createHttpbinHandler(instance: string | undefined): (req: RequestSource, res: ResponseSink) => void {
  return (req, res) => {
    const target = req.url ?? '/';
    const url = new URL(target, 'http://httpbin.local');
    const ctx: HttpbinContext = {
      src: { method: req.method ?? 'GET', url: target, headers: req.headers, remoteAddress: req.socket.remoteAddress ?? '' },
      path: url.pathname,
      search: url.searchParams,
      instance,
      body: () => readBody(req, MAX_ECHO_BODY),
      res,
    };
    const common = corsHeaders(req.headers, req.method === 'OPTIONS');
    if (instance !== undefined) common['x-httpbin-instance'] = instance;
    for (const [k, v] of Object.entries(common)) res.setHeader(k, v);
    dispatch(ctx)
      .catch((err: unknown) =>
        err instanceof BodyTooLarge ? text(413, 'Payload Too Large\n') : text(500, 'Internal Server Error\n'),
      )
      .then((reply) => {
        if (!reply || res.writableEnded) return;
        const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
        // Explicit length so HEAD answers carry the GET body's size, as the seed's `curl -I` shows.
        res.writeHead(reply.status, { ...reply.headers, 'content-length': body.length });
        res.end(body);
      });
  };
}
