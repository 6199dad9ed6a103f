/**
 * Responses the gateway writes itself: direct responses, redirects, and Envoy-style
 * error answers (502/503/504), always marked `server: portico-gateway`.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import type { AnyResponse } from './binding';
import { applyHeaderOps } from './headers';
import type { HeaderOp } from './plan';

/** The `server` header every gateway response carries, as Envoy's `server: istio-envoy` does. */
export const SERVER_NAME = 'portico-gateway';

/** Error bodies worded like Envoy's, so people who know Istio recognise them. */
export const ERROR_BODIES = {
  noEndpoints: 'no healthy upstream',
  timeout: 'upstream request timeout',
  connect: 'upstream connect error or disconnect/reset before headers. reset reason: connection failure',
  reset: 'upstream connect error or disconnect/reset before headers. reset reason: connection termination',
  internal: 'internal error',
} as const;

/** Writes a small complete response unless something was already sent. */
export function sendSimple(
  res: AnyResponse,
  status: number,
  body: string,
  extra: OutgoingHttpHeaders = {},
  ops: readonly HeaderOp[] = [],
): void {
  if (res.headersSent || res.writableEnded) {
    res.destroy();
    return;
  }
  const payload = Buffer.from(body);
  const headers: OutgoingHttpHeaders = {
    ...(payload.length > 0 ? { 'content-type': 'text/plain' } : {}),
    ...extra,
    'content-length': payload.length,
    server: SERVER_NAME,
  };
  applyHeaderOps(headers, ops);
  res.writeHead(status, headers);
  res.end(payload);
}
