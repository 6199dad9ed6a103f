/**
 * httpbin's endpoint table. Each endpoint returns a small `Reply`, or `null` when it streamed
 * its own response (`/stream`, `/delay` keep the socket busy on purpose).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { HttpbinContext } from './context';
import { baseEcho, bodyEcho, headerValue } from './context';
import { httpbinJson, type JsonObject } from './json';
import { originOf } from './request-info';
import { redirectRoutes } from './redirects';
import { chooseStatus, statusReply, type Reply } from './status';

/** One endpoint: path pattern, allowed methods (undefined = all), handler. */
export interface Endpoint {
  pattern: RegExp;
  methods?: readonly string[];
  handle(ctx: HttpbinContext, match: RegExpExecArray): Promise<Reply | null>;
}

/** A JSON reply in httpbin's formatting, stamped with the answering instance. */
export function jsonReply(ctx: HttpbinContext, value: JsonObject, status = 200): Reply {
  const body = httpbinJson(ctx.instance === undefined ? value : { ...value, instance: ctx.instance });
  return { status, headers: { 'content-type': 'application/json' }, body };
}

const BODY_METHODS = ['post', 'put', 'patch', 'delete'] as const;

// httpbin caps these so a typo cannot make the server allocate or wait without bound.
const MAX_DELAY_S = 10;
const MAX_BYTES = 100 * 1024;
const MAX_STREAM_LINES = 100;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** All endpoints, first match wins. */
export const endpoints: readonly Endpoint[] = [
  { pattern: /^\/get\/?$/, methods: ['GET'], handle: async (ctx) => jsonReply(ctx, baseEcho(ctx)) },
  { pattern: /^\/anything(\/.*)?$/, handle: async (ctx) => jsonReply(ctx, await bodyEcho(ctx)) },
  ...BODY_METHODS.map((m): Endpoint => ({
    pattern: new RegExp(`^/${m}/?$`),
    methods: [m.toUpperCase()],
    handle: async (ctx) => jsonReply(ctx, await bodyEcho(ctx)),
  })),
  { pattern: /^\/headers\/?$/, handle: async (ctx) => jsonReply(ctx, { headers: baseEcho(ctx).headers ?? {} }) },
  { pattern: /^\/ip\/?$/, handle: async (ctx) => jsonReply(ctx, { origin: originOf(ctx.src) }) },
  {
    pattern: /^\/user-agent\/?$/,
    handle: async (ctx) => jsonReply(ctx, { 'user-agent': headerValue(ctx.src.headers, 'user-agent') }),
  },
  { pattern: /^\/uuid\/?$/, handle: async (ctx) => jsonReply(ctx, { uuid: randomUUID() }) },
  {
    pattern: /^\/status\/([^/]+)\/?$/,
    handle: async (ctx, m) => {
      const code = chooseStatus(decodeURIComponent(m[1] ?? ''));
      if (code === undefined || code < 100 || code > 599) {
        return { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' }, body: 'Invalid status code\n' };
      }
      return statusReply(code);
    },
  },
  {
    pattern: /^\/delay\/([^/]+)\/?$/,
    handle: async (ctx, m) => {
      const seconds = Math.min(Math.max(Number(m[1]), 0) || 0, MAX_DELAY_S);
      const echo = await bodyEcho(ctx);
      await sleep(seconds * 1000);
      return jsonReply(ctx, echo);
    },
  },
  { pattern: /^\/response-headers\/?$/, methods: ['GET', 'POST'], handle: async (ctx) => responseHeaders(ctx) },
  ...redirectRoutes,
  {
    pattern: /^\/bytes\/(\d+)\/?$/,
    methods: ['GET'],
    handle: async (_ctx, m) => ({
      status: 200,
      headers: { 'content-type': 'application/octet-stream' },
      body: randomBytes(Math.min(Number(m[1]), MAX_BYTES)),
    }),
  },
  { pattern: /^\/stream\/(\d+)\/?$/, methods: ['GET'], handle: async (ctx, m) => stream(ctx, Number(m[1])) },
  {
    pattern: /^\/?$/,
    methods: ['GET'],
    handle: async () => ({
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: 'httpbin (Portico local)\n',
    }),
  },
];

/**
 * `/response-headers?k=v`: sets each arg as a response header and echoes them. Like httpbin,
 * the echoed `Content-Length` must equal the body's length, so it is recomputed until stable.
 */
function responseHeaders(ctx: HttpbinContext): Reply {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const echoed: JsonObject = { 'Content-Type': 'application/json' };
  for (const key of new Set(ctx.search.keys())) {
    const all = ctx.search.getAll(key);
    headers[key.toLowerCase()] = all.join(', ');
    echoed[key] = all.length === 1 ? (all[0] ?? '') : all;
  }
  let body = '';
  for (let length = 0, i = 0; i < 5; i++) {
    body = jsonReply(ctx, { ...echoed, 'Content-Length': String(length) }).body as string;
    if (Buffer.byteLength(body) === length) break;
    length = Buffer.byteLength(body);
  }
  return { status: 200, headers, body };
}

/** `/stream/{n}`: n newline-separated JSON echoes, written as separate chunks. */
async function stream(ctx: HttpbinContext, n: number): Promise<null> {
  const echo = baseEcho(ctx);
  const stamp = ctx.instance === undefined ? {} : { instance: ctx.instance };
  ctx.res.writeHead(200, { 'content-type': 'application/json' });
  for (let id = 0; id < Math.min(n, MAX_STREAM_LINES); id++) {
    if (!ctx.res.write(`${JSON.stringify({ ...echo, ...stamp, id })}\n`)) {
      await new Promise<void>((r) => ctx.res.once('drain', r));
    }
  }
  ctx.res.end();
  return null;
}
