/**
 * Header hygiene of a proxy: hop-by-hop removal (RFC 9110 §7.6.1), X-Forwarded-*,
 * and HTTPHeaderFilter edits on Node header objects.
 */
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { HeaderOp } from './plan';

// RFC 9110 §7.6.1 plus the legacy ones proxies conventionally strip.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'http2-settings']);

/**
 * Copies headers minus hop-by-hop ones: the fixed set, every `Proxy-*` header, and whatever
 * `Connection` names. HTTP/2 pseudo-headers are dropped too (they are not headers upstream).
 * @param keepUpgrade keep `Connection: upgrade` + `Upgrade` for a WebSocket hand-off.
 * @param keepTeTrailers keep `te: trailers`, which gRPC requires end to end.
 */
export function stripHopByHop(
  headers: IncomingHttpHeaders,
  opts: { keepUpgrade?: boolean; keepTeTrailers?: boolean } = {},
): OutgoingHttpHeaders {
  // Runs twice per proxied request: no Set unless `Connection` names more than keep-alive/close.
  const named = connectionNamed(headers.connection);
  const out: OutgoingHttpHeaders = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || name.charCodeAt(0) === 58 /* ':' */) continue;
    const lower = name.toLowerCase();
    if (opts.keepUpgrade && lower === 'upgrade') {
      out.upgrade = String(value);
      continue;
    }
    if (opts.keepTeTrailers && lower === 'te' && String(value).trim().toLowerCase() === 'trailers') {
      out[lower] = 'trailers';
      continue;
    }
    if (HOP_BY_HOP.has(lower) || named?.has(lower) || lower.startsWith('proxy-')) continue;
    out[lower] = value;
  }
  if (opts.keepUpgrade) out.connection = 'upgrade';
  return out;
}

/** Header names listed in `Connection` (RFC 9110 §7.6.1), or undefined when there are none to drop. */
function connectionNamed(conn: string | string[] | undefined): Set<string> | undefined {
  if (conn === undefined) return undefined;
  const text = (Array.isArray(conn) ? conn.join(',') : conn).toLowerCase();
  // The common values name only hop-by-hop headers already dropped.
  if (text === 'keep-alive' || text === 'close' || text === 'upgrade') return undefined;
  const named = new Set<string>();
  for (const token of text.split(',')) {
    const t = token.trim();
    if (t) named.add(t);
  }
  return named;
}

/**
 * Adds the X-Forwarded-* trio as de-facto standard proxies do: the client address appended to
 * any existing `X-Forwarded-For` chain, `-Proto` the listener's scheme, `-Host` the Host the
 * client asked for (before any URLRewrite), kept when a previous proxy already set it.
 */
export function addForwarded(headers: OutgoingHttpHeaders, info: { remoteAddress: string; scheme: string; host: string }): void {
  const client = info.remoteAddress.replace(/^::ffff:/, '');
  const prev = headers['x-forwarded-for'];
  const chain = Array.isArray(prev) ? prev.join(', ') : prev === undefined ? '' : String(prev);
  headers['x-forwarded-for'] = chain ? `${chain}, ${client}` : client;
  headers['x-forwarded-proto'] = info.scheme;
  if (headers['x-forwarded-host'] === undefined && info.host) headers['x-forwarded-host'] = info.host;
}

/**
 * Applies HTTPHeaderFilter edits in order, names case-insensitive (Gateway API spec,
 * HTTPHeaderFilter): `set` overwrites, `add` appends to existing values comma-separated
 * (`foo` + add `bar` → `foo,bar`), `remove` drops.
 */
export function applyHeaderOps(headers: OutgoingHttpHeaders, ops: readonly HeaderOp[] | undefined): void {
  for (const op of ops ?? []) {
    const name = op.name.toLowerCase();
    if (op.op === 'remove') delete headers[name];
    else if (op.op === 'set') headers[name] = op.value ?? '';
    else {
      const prev = headers[name];
      const prevText = Array.isArray(prev) ? prev.join(',') : prev === undefined ? undefined : String(prev);
      headers[name] = prevText === undefined ? (op.value ?? '') : `${prevText},${op.value ?? ''}`;
    }
  }
}
