/**
 * The per-request context handed to httpbin endpoints: what was asked, a lazy body reader,
 * and the response to write to. Works for HTTP/1.1 and HTTP/2 (h2c) requests alike.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { JsonObject } from './json';
import type { EchoSource } from './request-info';
import { argsOf, bodyFields, headersOf, hostOf, originOf, urlOf } from './request-info';

/** The response surface shared by `http.ServerResponse` and `http2.Http2ServerResponse`. */
export interface ResponseSink {
  writeHead(status: number, headers?: Record<string, string | number>): unknown;
  setHeader(name: string, value: string): unknown;
  write(chunk: string | Buffer): boolean;
  end(chunk?: string | Buffer): unknown;
  readonly writableEnded: boolean;
  once(event: 'close' | 'drain', listener: () => void): unknown;
}

/** One request as an endpoint sees it. */
export interface HttpbinContext {
  src: EchoSource;
  /** Path without query. */
  path: string;
  search: URLSearchParams;
  /** Named instance answering (e.g. `httpbin-v1`), if any. */
  instance: string | undefined;
  /** Reads the whole body (bounded); rejects with `BodyTooLarge` past the limit. */
  body(): Promise<Buffer>;
  res: ResponseSink;
}

/** Raised when a body exceeds what httpbin is willing to buffer for echoing. */
export class BodyTooLarge extends Error {}

/** Buffers a request body up to `limit` bytes (httpbin must see all of it to echo it). */
export function readBody(stream: Readable, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stream.removeAllListeners('data');
        stream.resume();
        reject(new BodyTooLarge(`body exceeds ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

/** The fields every httpbin echo carries (`/get` shape), plus method/path/host so rewrites show. */
export function baseEcho(ctx: HttpbinContext): JsonObject {
  return {
    args: argsOf(ctx.search),
    headers: headersOf(ctx.src.headers),
    origin: originOf(ctx.src),
    url: urlOf(ctx.src),
    method: ctx.src.method,
    path: ctx.path,
    host: hostOf(ctx.src.headers),
  };
}

/** The `/anything` shape: the base echo plus the decoded body. */
export async function bodyEcho(ctx: HttpbinContext): Promise<JsonObject> {
  const body = await ctx.body();
  const type = headerValue(ctx.src.headers, 'content-type');
  return { ...baseEcho(ctx), ...bodyFields(type, body) };
}

/** First value of a request header, or ''. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const v = headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}
