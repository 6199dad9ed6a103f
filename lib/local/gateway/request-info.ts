/**
 * Builds the planner's view of a request from Node's request objects (HTTP/1.x or HTTP/2).
 */
import type { TLSSocket } from 'node:tls';
import type { AnyRequest, ConnectionInfo } from './binding';
import type { RequestInfo } from './plan';

/** Host as the client addressed it: `Host`, or HTTP/2's `:authority` (RFC 9113 §8.3.1). */
export function requestHost(req: AnyRequest): string {
  const authority = req.headers[':authority'];
  return req.headers.host ?? (typeof authority === 'string' ? authority : '');
}

/** Whether the request carries a body that must be streamed upstream. */
export function requestHasBody(req: AnyRequest): boolean {
  if ('stream' in req) return !req.stream.endAfterHeaders;
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

/** The planner's input for one request on one connection. */
export function requestInfo(req: AnyRequest, conn: ConnectionInfo): RequestInfo {
  const socket = req.socket as Partial<TLSSocket> | undefined;
  const v = req.httpVersion;
  const info: RequestInfo = {
    scheme: conn.protocol === 'HTTPS' ? 'https' : 'http',
    host: requestHost(req),
    port: conn.port,
    address: conn.address,
    method: req.method ?? 'GET',
    path: req.url ?? '/',
    headers: req.headers,
    remoteAddress: socket?.remoteAddress ?? '',
    httpVersion: v === '2.0' ? '2.0' : v === '1.0' ? '1.0' : '1.1',
  };
  // Plain TCP sockets have no servername; only set it when the TLS client sent SNI.
  const sni = conn.protocol === 'HTTPS' ? socket?.servername : undefined;
  if (typeof sni === 'string' && sni) info.sni = sni;
  return info;
}
