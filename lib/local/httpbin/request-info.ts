/**
 * What httpbin echoes about a request: args, headers, origin, url, and the body as
 * `data`/`form`/`json`. Kept apart from routing so every endpoint builds the same shapes.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { JsonObject, JsonValue } from './json';
import { titleCaseHeader } from './json';

/** The parts of a Node request (HTTP/1.1 or HTTP/2 compat) that httpbin reads. */
export interface EchoSource {
  method: string;
  /** Request target as received (path + query). */
  url: string;
  headers: IncomingHttpHeaders;
  remoteAddress: string;
}

/** Largest body httpbin buffers for echoing; larger uploads are refused with 413. */
export const MAX_ECHO_BODY = 16 * 1024 * 1024;

/** Query args: one value → string, repeated → list (httpbin's `MultiDict` flattening). */
export function argsOf(search: URLSearchParams): JsonObject {
  const out: JsonObject = {};
  for (const key of new Set(search.keys())) {
    const all = search.getAll(key);
    out[key] = all.length === 1 ? (all[0] ?? '') : all;
  }
  return out;
}

/** Request headers with httpbin's casing; HTTP/2 pseudo-headers become `Host` as HTTP/1.1 would carry it. */
export function headersOf(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    out[titleCaseHeader(name)] = Array.isArray(value) ? value.join(',') : value;
  }
  const authority = headers[':authority'];
  if (out.Host === undefined && typeof authority === 'string') out.Host = authority;
  return out;
}

/** Host as the client addressed it (HTTP/1.1 `Host`, or HTTP/2 `:authority`). */
export function hostOf(headers: IncomingHttpHeaders): string {
  const authority = headers[':authority'];
  return headers.host ?? (typeof authority === 'string' ? authority : '');
}

/**
 * httpbin's `origin`: the `X-Forwarded-For` chain when a proxy set it, else the peer address,
 * so requests through the gateway show the client, as they do behind httpbin.org's balancer.
 */
export function originOf(src: EchoSource): string {
  const xff = src.headers['x-forwarded-for'];
  const chain = Array.isArray(xff) ? xff.join(', ') : xff;
  return chain && chain.length > 0 ? chain : src.remoteAddress.replace(/^::ffff:/, '');
}

/** Absolute URL as httpbin reports it, honouring `X-Forwarded-Proto` like httpbin's `get_url`. */
export function urlOf(src: EchoSource): string {
  const proto = src.headers['x-forwarded-proto'];
  const scheme = (Array.isArray(proto) ? proto[0] : proto)?.split(',')[0]?.trim() || 'http';
  return `${scheme}://${hostOf(src.headers)}${src.url}`;
}

/** The body fields of `/anything`-style responses, decoded by content type as httpbin does. */
export function bodyFields(
  contentType: string,
  body: Buffer,
): { data: string; form: JsonObject; files: JsonObject; json: JsonValue } {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/x-www-form-urlencoded') {
    return { data: '', form: argsOf(new URLSearchParams(body.toString('utf8'))), files: {}, json: null };
  }
  const text = body.toString('utf8');
  // httpbin falls back to a base64 data URL when the body is not valid UTF-8 text.
  const data = Buffer.from(text, 'utf8').equals(body) ? text : `data:application/octet-stream;base64,${body.toString('base64')}`;
  let json: JsonValue = null;
  if (body.length > 0) {
    try {
      json = JSON.parse(text) as JsonValue;
    } catch {
      json = null;
    }
  }
  return { data, form: {}, files: {}, json };
}
